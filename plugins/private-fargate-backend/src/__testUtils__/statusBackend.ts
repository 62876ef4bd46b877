import type { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { PRIVATE_FARGATE_ANNOTATIONS } from '@private-fargate/plugin-private-fargate-common';
import { privateFargatePlugin } from '../plugin';
import type { Ec2QueryServer } from '../testing/ec2QueryServer';

export const CONFIGURED_ACCOUNTS = ['111111111111', '222222222222'];

/** A Component annotated for the status card. */
export function annotatedService(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'platform-team' },
  };
}

/** A Template entity in the default namespace; `version` goes in `private-fargate/template-version`. */
export function templateEntity(name: string, version?: string): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name,
      namespace: 'default',
      annotations:
        version === undefined
          ? {}
          : { [PRIVATE_FARGATE_ANNOTATIONS.templateVersion]: version },
    },
    spec: { type: 'service', owner: 'platform-team', steps: [] },
  };
}

/**
 * Starts the real plugin in a test backend: real config reading, real cache, the real EC2 SDK
 * talking to `server`. `hiddenFrom` lists users the catalog hides every entity from. `features`
 * are added to (or replace services of) the backend, `config` is merged into the root config.
 */
export async function startStatusBackend(options: {
  server: Ec2QueryServer;
  entities: Entity[];
  hiddenFrom?: string[];
  privateFargate?: JsonObject;
  features?: BackendFeature[];
  config?: JsonObject;
}) {
  const inner = catalogServiceMock({ entities: options.entities });
  const catalog = catalogServiceMock.mock({
    getEntityByRef: async (ref, opts) => {
      const credentials =
        opts && 'credentials' in opts ? opts.credentials : undefined;
      const principal = credentials?.principal as
        | { userEntityRef?: string }
        | undefined;
      if (
        principal?.userEntityRef &&
        options.hiddenFrom?.includes(principal.userEntityRef)
      ) {
        return undefined;
      }
      return inner.getEntityByRef(ref, opts);
    },
  });
  const backend = await startTestBackend({
    features: [
      privateFargatePlugin,
      catalog.factory,
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          aws: {
            accounts: CONFIGURED_ACCOUNTS.map(accountId => ({
              accountId,
              accessKeyId: `AKIATEST${accountId}`,
              secretAccessKey: 'test-secret',
            })),
          },
          privateFargate: {
            ...options.privateFargate,
            aws: {
              ec2Endpoint: options.server.url,
              timeout: { milliseconds: 400 },
              maxAttempts: 1,
              ...(options.privateFargate?.aws as JsonObject | undefined),
            },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return { backend, catalog };
}

/** The status route of an entity in the default namespace. */
export function statusPath(name: string, kind = 'Component'): string {
  return `/api/private-fargate/v1/entities/default/${kind}/${name}/status`;
}
