import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { registerGetEndpointStatusAction } from './actions/createGetEndpointStatusAction';
import { createRouter } from './router';
import { statusServiceRef } from './services/StatusService';

/**
 * Status of VPC endpoints and PrivateLink services for catalog entities, read from EC2.
 *
 * @public
 */
export const privateFargatePlugin = createBackendPlugin({
  pluginId: 'private-fargate',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        actionsRegistry: actionsRegistryServiceRef,
        statusService: statusServiceRef,
      },
      async init({ httpRouter, httpAuth, actionsRegistry, statusService }) {
        httpRouter.use(await createRouter({ httpAuth, statusService }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        registerGetEndpointStatusAction({ actionsRegistry, statusService });
      },
    });
  },
});
