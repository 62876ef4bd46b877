import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { PrivateFargateClient, privateFargateApiRef } from '../api';

/** The Private Fargate API client for the new frontend system. @alpha */
export const privateFargateApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: privateFargateApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PrivateFargateClient({ discoveryApi, fetchApi }),
    }),
});
