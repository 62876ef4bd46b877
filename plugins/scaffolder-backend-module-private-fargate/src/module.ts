import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPlanAction, createTerraformAction } from './actions';

/** Registers the `private-fargate:plan` and `private-fargate:terraform` scaffolder actions. */
export const privateFargateScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'private-fargate',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createPlanAction(), createTerraformAction());
      },
    });
  },
});
