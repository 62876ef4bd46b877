import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  privateFargatePermissions,
  privateFargateStatusReadPermission,
} from './permissions';

describe('private-fargate permissions', () => {
  it('should define the status read permission on catalog entities', () => {
    expect(privateFargateStatusReadPermission).toEqual({
      type: 'resource',
      name: 'private-fargate.status.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect(
      isResourcePermission(
        privateFargateStatusReadPermission,
        'catalog-entity',
      ),
    ).toBe(true);
  });

  it('should list every permission the plugin checks', () => {
    expect(privateFargatePermissions).toEqual([
      privateFargateStatusReadPermission,
    ]);
  });
});
