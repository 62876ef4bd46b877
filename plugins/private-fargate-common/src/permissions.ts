import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows reading the live AWS status (VPC endpoints, PrivateLink) of one catalog entity, through
 * the status route and the `get-endpoint-status` action. A catalog-entity resource permission, so
 * policies can answer with the catalog's conditions (e.g. `isEntityOwner`).
 *
 * @public
 */
export const privateFargateStatusReadPermission = createPermission({
  name: 'private-fargate.status.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission the `private-fargate` plugin checks.
 *
 * @public
 */
export const privateFargatePermissions = [privateFargateStatusReadPermission];
