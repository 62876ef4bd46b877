import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createPlanAction,
  createRecordAction,
  createTerraformAction,
  createUpgradeAction,
} from './actions';
import { createScaffolderRenderer } from './upgrade/scaffolderRenderer';

/** Registers the `private-fargate:plan`, `:terraform`, `:record` and `:upgrade` scaffolder actions. */
export const privateFargateScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'private-fargate',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        urlReader: coreServices.urlReader,
      },
      async init({ scaffolder, discovery, auth, urlReader }) {
        scaffolder.addActions(createPlanAction(), createTerraformAction());
        scaffolder.addActions(
          createRecordAction(),
          createUpgradeAction({
            createRenderer: credentials =>
              createScaffolderRenderer({ discovery, auth, urlReader, credentials }),
          }),
        );
      },
    });
  },
});
