import { HclBlock, HclValue } from '../hcl';
import { TerraformModuleSource } from './blocks';
import { TerraformComponent } from './request';

/** What one component contributes: its local module and how the root module calls it. */
export interface ComponentModule {
  component: TerraformComponent;
  /** Block label of the `module` call and folder name under `modules/`. */
  name: string;
  source: TerraformModuleSource;
  /** Arguments of the root module's `module` block. */
  inputs: Record<string, HclValue | undefined>;
  dependsOn?: string[];
  /** Outputs the root module re-exports. */
  rootOutputs: HclBlock[];
}
