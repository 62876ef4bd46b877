export { checkTerraformTree } from './checkTerraformTree';
export type {
  CheckTerraformTreeOptions,
  TerraformProblem,
  TerraformTreeReport,
} from './checkTerraformTree';
export { awsProviderSchema } from './providerSchema';
export type { ProviderSchema, SchemaBlock } from './providerSchema';
export { findTerraformCli, runTerraformCli } from './terraformCli';
export { describeWithTerraformCli } from './describeWithTerraformCli';
export type { TerraformCli, TerraformCliReport } from './terraformCli';
