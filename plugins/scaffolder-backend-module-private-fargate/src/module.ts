import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createPlanAction,
  createRecordAction,
  createTerraformAction,
} from './actions';

/** Registers the `private-fargate:plan`, `:terraform` and `:record` scaffolder actions. */
export const privateFargateScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'private-fargate',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createPlanAction(), createTerraformAction());
        scaffolder.addActions(createRecordAction());
      },
    });
  },
});
