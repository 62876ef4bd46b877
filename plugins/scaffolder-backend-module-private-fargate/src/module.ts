import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createPlanAction,
  createProviderFetchAction,
  createRecordAction,
  createTerraformAction,
  createUpgradeAction,
} from './actions';

/** Registers the `private-fargate:plan`, `:terraform`, `:record`, `:upgrade` and `:provider:fetch` scaffolder actions. */
export const privateFargateScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'private-fargate',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        reader: coreServices.urlReader,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ scaffolder, catalog, reader, config, auth, discovery }) {
        scaffolder.addActions(
          createPlanAction(),
          createTerraformAction({ catalog }),
          createRecordAction(),
          createProviderFetchAction({ catalog }),
          createUpgradeAction({
            catalog,
            reader,
            integrations: ScmIntegrations.fromConfig(config),
            auth,
            discovery,
          }),
        );
      },
    });
  },
});
