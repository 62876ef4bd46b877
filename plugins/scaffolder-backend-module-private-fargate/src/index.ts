/**
 * Scaffolder actions that plan VPC endpoints and write Terraform for private Fargate services.
 *
 * @packageDocumentation
 */

export { privateFargateScaffolderModule as default } from './module';
export { createPlanAction, createTerraformAction } from './actions';
export { generateTerraform } from './terraform/generate';
export type { GeneratedFile, GeneratedTerraform } from './terraform/generate';
export { TERRAFORM_COMPONENTS } from './terraform/request';
export type {
  TerraformComponent,
  TerraformRequestInput,
} from './terraform/request';
export {
  createProviderFetchAction,
  createRecordAction,
  createUpgradeAction,
} from './actions';
export {
  upgradeRepository,
  renderTemplateVersion,
  formatUpgradeSummary,
  changelogOf,
  readScaffoldRecord,
  scaffoldRecordSchema,
  compareTemplateVersions,
  parseTemplateRef,
  RECORD_PATH,
  NEW_VERSION_SUFFIX,
  TEMPLATE_VERSION_ANNOTATION,
} from './upgrade';
export type {
  UpgradeResult,
  UpgradeSummary,
  ChangelogEntry,
  EndpointChange,
  FileDecision,
  ConflictReason,
  RenderRequest,
  RenderedTemplate,
  TemplateRenderer,
  ScaffoldRecord,
  TreeFile,
} from './upgrade';
export {
  applyDefaults,
  formatProblems,
  validateValues,
  DryRunFailedError,
  inMemoryDatabaseServiceFactory,
  requestDryRun,
} from './dryRun';
export type {
  ValueProblem,
  Values,
  DryRunFile,
  DryRunLogEntry,
  DryRunResult,
  DryRunStep,
} from './dryRun';
export { createCatalogTemplateRenderer } from './upgrade/catalogTemplateRenderer';
export {
  applyFileChanges,
  applyFileChangesSync,
  FileChangeFailedError,
  FileChangeRefusedError,
} from './files/applyFileChanges';
export type { FileChange } from './files/applyFileChanges';
