import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { privateFargatePermissions } from '@private-fargate/plugin-private-fargate-common';
import { registerGetEndpointStatusAction } from './actions/createGetEndpointStatusAction';
import { createRouter } from './router';
import { PermissionCheckedStatusService } from './services/PermissionCheckedStatusService';
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
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        actionsRegistry: actionsRegistryServiceRef,
        statusService: statusServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        actionsRegistry,
        statusService,
      }) {
        permissionsRegistry.addPermissions(privateFargatePermissions);
        // Route and action share one checked service, so neither can skip the permission.
        const checkedStatusService = PermissionCheckedStatusService.create({
          statusService,
          permissions,
        });
        httpRouter.use(
          await createRouter({ httpAuth, statusService: checkedStatusService }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        registerGetEndpointStatusAction({
          actionsRegistry,
          statusService: checkedStatusService,
        });
      },
    });
  },
});
