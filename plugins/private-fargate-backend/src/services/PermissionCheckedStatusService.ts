import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  privateFargateStatusReadPermission,
  type PrivateFargateStatus,
} from '@private-fargate/plugin-private-fargate-common';
import type { StatusService } from './StatusService';

/**
 * Authorizes `private-fargate.status.read` on the entity with the caller's credentials before the
 * wrapped service reads the catalog or AWS. The plugin wraps whatever `statusServiceRef` yields,
 * so the HTTP route and the action are both checked, also when an adopter replaces the service.
 */
export class PermissionCheckedStatusService implements StatusService {
  readonly #inner: StatusService;
  readonly #permissions: Pick<PermissionsService, 'authorize'>;

  static create(options: {
    statusService: StatusService;
    permissions: Pick<PermissionsService, 'authorize'>;
  }): PermissionCheckedStatusService {
    return new PermissionCheckedStatusService(options);
  }

  private constructor(options: {
    statusService: StatusService;
    permissions: Pick<PermissionsService, 'authorize'>;
  }) {
    this.#inner = options.statusService;
    this.#permissions = options.permissions;
  }

  async getStatus(request: {
    entityRef: CompoundEntityRef;
    credentials: BackstageCredentials;
  }): Promise<PrivateFargateStatus> {
    const resourceRef = stringifyEntityRef(request.entityRef);
    // With a resourceRef the permission backend resolves CONDITIONAL decisions (catalog rules such
    // as isEntityOwner) against the entity, so only ALLOW or DENY comes back.
    const [decision] = await this.#permissions.authorize(
      [{ permission: privateFargateStatusReadPermission, resourceRef }],
      { credentials: request.credentials },
    );
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You don't have permission to see the live AWS status of ${resourceRef} (${privateFargateStatusReadPermission.name})`,
      );
    }
    return this.#inner.getStatus(request);
  }
}
