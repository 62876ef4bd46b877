import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { PrivateFargateStatus } from '@private-fargate/plugin-private-fargate-common';

/** Reads the endpoint and PrivateLink status of catalog entities from the Private Fargate backend. @public */
export interface PrivateFargateApi {
  /** The status of one entity's VPC endpoints and PrivateLink service, as the backend last saw them in AWS. */
  getStatus(entityRef: CompoundEntityRef): Promise<PrivateFargateStatus>;
}

/** API reference for {@link PrivateFargateApi}. @public */
export const privateFargateApiRef = createApiRef<PrivateFargateApi>().with({
  id: 'plugin.private-fargate.api',
  pluginId: 'private-fargate',
});
