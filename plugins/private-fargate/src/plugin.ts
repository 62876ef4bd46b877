import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { PrivateFargateClient, privateFargateApiRef } from './api';

/** The Private Fargate plugin for the legacy frontend system. @public */
export const privateFargatePlugin = createPlugin({
  id: 'private-fargate',
  apis: [
    createApiFactory({
      api: privateFargateApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PrivateFargateClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** Entity card "VPC endpoints and PrivateLink" for the legacy frontend system. @public */
export const EntityPrivateFargateCard = privateFargatePlugin.provide(
  createComponentExtension({
    name: 'EntityPrivateFargateCard',
    component: {
      lazy: () =>
        import('./components/PrivateFargateCard').then(
          m => m.PrivateFargateCard,
        ),
    },
  }),
);
