import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
  permissionRules,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityPermissionResourceRef } from '@backstage/plugin-catalog-node/alpha';
import permissionBackend from '@backstage/plugin-permission-backend';
import {
  type AuthorizePermissionResponse,
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  PRIVATE_FARGATE_ANNOTATIONS as A,
  privateFargateStatusReadPermission,
} from '@private-fargate/plugin-private-fargate-common';
import request from 'supertest';
import { DEMO, demoFixture } from './testing/demoFixture';
import { Ec2QueryServer } from './testing/ec2QueryServer';
import {
  annotatedService,
  startStatusBackend,
  statusPath,
} from './__testUtils__/statusBackend';

const PERMISSION = 'private-fargate.status.read';
const ACTION_INVOKE =
  '/api/private-fargate/.backstage/actions/v1/actions/private-fargate:get-endpoint-status/invoke';

const payments: Entity = {
  ...annotatedService('payments-api', {
    [A.accountId]: DEMO.providerAccountId,
    [A.region]: DEMO.region,
    [A.vpcId]: DEMO.paymentsVpcId,
    [A.endpoints]: 'ecr.api,ecr.dkr,s3,logs,secretsmanager',
    [A.endpointServiceId]: DEMO.paymentsServiceId,
  }),
  // The catalog's isEntityOwner rule reads relations, which processing would have added.
  relations: [{ type: 'ownedBy', targetRef: 'user:default/owner' }],
};

/** The permission backend with the "owners only" policy the backend README shows. */
const ownersOnlyPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'private-fargate-owners-only',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(req, user) {
            if (
              isPermission(req.permission, privateFargateStatusReadPermission)
            ) {
              return createCatalogConditionalDecision(
                req.permission,
                catalogConditions.isEntityOwner({
                  claims: user?.info.ownershipEntityRefs ?? [],
                }),
              );
            }
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

/**
 * Stands in for the catalog backend's side of conditional decisions: the real catalog rules
 * applied to the test entities at `/api/catalog/.well-known/backstage/permissions/apply-conditions`.
 * It mounts the integration router itself because the registry's copy refuses user credentials
 * without an actor, and the mock auth service drops the actor from on-behalf-of tokens.
 */
function catalogConditionsPlugin(entities: Entity[]) {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use(
            createPermissionIntegrationRouter({
              resourceType: catalogEntityPermissionResourceRef.resourceType,
              rules: Object.values(permissionRules),
              getResources: async refs => refs.map(ref => byRef.get(ref)),
            }),
          );
        },
      });
    },
  });
}

describe('private-fargate.status.read', () => {
  let server: Ec2QueryServer;

  beforeEach(async () => {
    server = await Ec2QueryServer.start({ fixture: demoFixture() });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('should answer 403 naming the permission, without calling AWS, when the policy denies it', async () => {
    const { backend, catalog } = await startStatusBackend({
      server,
      entities: [payments],
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });

    const res = await request(backend.server).get(statusPath('payments-api'));

    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.message).toBe(
      `You don't have permission to see the live AWS status of component:default/payments-api (${PERMISSION})`,
    );
    expect(server.callCount()).toBe(0);
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
  });

  it('should answer with the status when the policy allows it', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });

    const res = await request(backend.server).get(statusPath('payments-api'));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      presentButNotDeclared: ['ssmmessages'],
    });
    expect(server.callCount('DescribeVpcEndpoints')).toBe(1);
  });

  it("should ask for the permission on the entity with the caller's credentials", async () => {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(
        async (requests): Promise<AuthorizePermissionResponse[]> =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      ),
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
      features: [permissions.factory],
    });

    const res = await request(backend.server)
      .get(statusPath('payments-api'))
      .set('authorization', mockCredentials.user.header('user:default/viewer'));

    expect(res.status).toBe(200);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: privateFargateStatusReadPermission,
          resourceRef: 'component:default/payments-api',
        },
      ],
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({
            userEntityRef: 'user:default/viewer',
          }),
        }),
      },
    );
  });

  it('should deny the get-endpoint-status action too, without calling AWS', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });

    const res = await request(backend.server)
      .post(ACTION_INVOKE)
      .send({ entityRef: 'component:default/payments-api' });

    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.message).toContain(PERMISSION);
    expect(server.callCount()).toBe(0);
  });

  it('should keep the health check open when the policy denies everything', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [],
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });

    const res = await request(backend.server)
      .get('/api/private-fargate/health')
      .set('authorization', '');

    expect(res.status).toBe(200);
  });

  it('should register the permission in the plugin permission metadata', async () => {
    const { backend } = await startStatusBackend({ server, entities: [] });

    const res = await request(backend.server).get(
      '/api/private-fargate/.well-known/backstage/permissions/metadata',
    );

    expect(res.status).toBe(200);
    expect(res.body.permissions).toEqual([
      {
        type: 'resource',
        name: PERMISSION,
        attributes: { action: 'read' },
        resourceType: 'catalog-entity',
      },
    ]);
  });

  describe('with a conditional policy resolved by the permission backend', () => {
    async function startWithOwnersOnlyPolicy() {
      return startStatusBackend({
        server,
        entities: [payments],
        config: { permission: { enabled: true } },
        features: [
          permissionBackend,
          ownersOnlyPolicy,
          catalogConditionsPlugin([payments]),
        ],
      });
    }

    it('should show the status to an owner of the entity', async () => {
      const { backend } = await startWithOwnersOnlyPolicy();

      const res = await request(backend.server)
        .get(statusPath('payments-api'))
        .set(
          'authorization',
          mockCredentials.user.header('user:default/owner'),
        );

      expect(res.status).toBe(200);
      expect(res.body.entityRef).toBe('component:default/payments-api');
    });

    it('should refuse anyone else, without calling AWS', async () => {
      const { backend } = await startWithOwnersOnlyPolicy();

      const res = await request(backend.server)
        .get(statusPath('payments-api'))
        .set(
          'authorization',
          mockCredentials.user.header('user:default/someone-else'),
        );

      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(PERMISSION);
      expect(server.callCount()).toBe(0);
    });
  });
});
