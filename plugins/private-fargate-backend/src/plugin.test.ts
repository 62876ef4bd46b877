import { mockCredentials } from '@backstage/backend-test-utils';
import { PRIVATE_FARGATE_ANNOTATIONS as A } from '@private-fargate/plugin-private-fargate-common';
import request from 'supertest';
import { DEMO, demoFixture } from './testing/demoFixture';
import { Ec2QueryServer } from './testing/ec2QueryServer';
import {
  annotatedService,
  startStatusBackend,
  statusPath,
  templateEntity,
} from './__testUtils__/statusBackend';

const payments = annotatedService('payments-api', {
  [A.accountId]: DEMO.providerAccountId,
  [A.region]: DEMO.region,
  [A.vpcId]: DEMO.paymentsVpcId,
  [A.endpoints]: 'ecr.api,ecr.dkr,s3,logs,secretsmanager',
  [A.endpointServiceId]: DEMO.paymentsServiceId,
});

function sameVpcNeighbours(count: number) {
  return Array.from({ length: count }, (_, index) =>
    annotatedService(`neighbour-${index}`, {
      [A.accountId]: DEMO.providerAccountId,
      [A.region]: DEMO.region,
      [A.vpcId]: DEMO.paymentsVpcId,
      [A.endpoints]: index % 2 ? 'ecr.api,ecr.dkr,s3' : 'logs,kms',
      [A.endpointServiceId]: DEMO.paymentsServiceId,
    }),
  );
}

describe('private-fargate status route', () => {
  let server: Ec2QueryServer;

  beforeEach(async () => {
    server = await Ec2QueryServer.start({ fixture: demoFixture() });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('should answer the health check without credentials', async () => {
    const { backend } = await startStatusBackend({ server, entities: [] });
    const res = await request(backend.server)
      .get('/api/private-fargate/health')
      .set('authorization', '');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('should refuse a request without credentials', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
    });
    const res = await request(backend.server)
      .get(statusPath('payments-api'))
      .set('authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(server.callCount()).toBe(0);
  });

  it('should return the endpoints and PrivateLink service of an annotated entity, labelled as demo data', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
      privateFargate: { demo: true },
    });
    const res = await request(backend.server).get(statusPath('payments-api'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      accountId: DEMO.providerAccountId,
      region: DEMO.region,
      vpcId: DEMO.paymentsVpcId,
      source: 'demo',
      stale: false,
      errors: [],
      declaredButMissing: [],
      presentButNotDeclared: ['ssmmessages'],
      endpointService: {
        serviceId: DEMO.paymentsServiceId,
        state: 'available',
        acceptanceRequired: true,
        allowedPrincipalsCount: 2,
        connectionCountsByState: {
          available: 1,
          pendingacceptance: 1,
          rejected: 1,
        },
      },
    });
    expect(
      res.body.endpoints.map((row: any) => [
        row.service,
        row.state,
        row.declared,
      ]),
    ).toEqual([
      ['ecr.api', 'available', true],
      ['ecr.dkr', 'available', true],
      ['logs', 'pending', true],
      ['s3', 'available', true],
      ['secretsmanager', 'available', true],
      ['ssmmessages', 'available', false],
    ]);
    expect(res.body.monthlyCost.currency).toBe('USD');
    expect(res.body.monthlyCost.total).toBeGreaterThan(0);
  });

  it('should label answers from a real account as aws', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
    });
    const res = await request(backend.server).get(statusPath('payments-api'));
    expect(res.body.source).toBe('aws');
  });

  it('should answer 404 when the caller may not see the entity, without calling AWS', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
      hiddenFrom: ['user:default/outsider'],
    });
    const hidden = await request(backend.server)
      .get(statusPath('payments-api'))
      .set(
        'authorization',
        mockCredentials.user.header('user:default/outsider'),
      );
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.name).toBe('NotFoundError');

    const visible = await request(backend.server)
      .get(statusPath('payments-api'))
      .set(
        'authorization',
        mockCredentials.user.header('user:default/insider'),
      );
    expect(visible.status).toBe(200);
  });

  it('should answer 404 for an entity that does not exist', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
    });
    const res = await request(backend.server).get(
      statusPath('no-such-service'),
    );
    expect(res.status).toBe(404);
    expect(server.callCount()).toBe(0);
  });

  it('should say an account is not configured and make no AWS call', async () => {
    const stranger = annotatedService('stranger', {
      [A.accountId]: '999999999999',
      [A.region]: DEMO.region,
      [A.vpcId]: DEMO.paymentsVpcId,
      [A.endpoints]: 'ecr.api',
      [A.endpointServiceId]: DEMO.paymentsServiceId,
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [stranger],
    });
    const res = await request(backend.server).get(statusPath('stranger'));
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        kind: 'account-not-configured',
        operation: 'config',
      }),
    ]);
    expect(res.body.errors[0].message).toContain('999999999999');
    // AWS was not asked, so nothing is claimed missing and no fetch time is given.
    expect(res.body.vpcEndpointsRead).toBe(false);
    expect(res.body.endpoints).toEqual([
      expect.objectContaining({
        service: 'ecr.api',
        state: 'unknown',
        declared: true,
        present: false,
      }),
    ]);
    expect(res.body.declaredButMissing).toEqual([]);
    expect(res.body.fetchedAt).toBeUndefined();
    expect(res.body.endpointService).toBeUndefined();
    expect(server.callCount()).toBe(0);
  });

  it.each([
    ['a missing VPC ID', { [A.vpcId]: undefined }, A.vpcId],
    ['a missing account ID', { [A.accountId]: undefined }, A.accountId],
    ['a malformed account ID', { [A.accountId]: '1234' }, A.accountId],
    ['an unknown Region', { [A.region]: 'mars-north-1' }, A.region],
    ['a malformed VPC ID', { [A.vpcId]: 'vpc-XYZ' }, A.vpcId],
    [
      'an unknown endpoint suffix',
      { [A.endpoints]: 'ecr.api,ecr.dkr,nosuch' },
      A.endpoints,
    ],
    [
      'a malformed endpoint service ID',
      { [A.endpointServiceId]: 'svc-123' },
      A.endpointServiceId,
    ],
    [
      'a malformed consumer endpoint ID',
      { [A.consumerEndpointIds]: 'vpce-0c0ffee0c0ffee001,nope' },
      A.consumerEndpointIds,
    ],
    [
      'a template reference without a version',
      { [A.template]: 'private-fargate-service' },
      A.template,
    ],
    [
      'a template reference with a malformed version',
      { [A.template]: 'private-fargate-service@1.0' },
      A.template,
    ],
  ])(
    'should answer 400 naming the annotation for %s',
    async (_case, change, named) => {
      const annotations: Record<string, string> = {
        ...payments.metadata.annotations,
      };
      for (const [key, value] of Object.entries(change)) {
        if (value === undefined) {
          delete annotations[key];
        } else {
          annotations[key] = value;
        }
      }
      const { backend } = await startStatusBackend({
        server,
        entities: [annotatedService('broken', annotations)],
      });
      const res = await request(backend.server).get(statusPath('broken'));
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(named);
      expect(server.callCount()).toBe(0);
    },
  );

  describe('template version', () => {
    const SERVICE_TEMPLATE = 'private-fargate-service';

    function generatedFrom(
      template: string,
      accountId: string = DEMO.providerAccountId,
    ) {
      return annotatedService('generated', {
        ...payments.metadata.annotations,
        [A.accountId]: accountId,
        [A.template]: template,
      });
    }

    it('should say the entity is behind a newer template, asking the catalog with the caller credentials', async () => {
      const { backend, catalog } = await startStatusBackend({
        server,
        entities: [
          generatedFrom(`${SERVICE_TEMPLATE}@1.0.0`),
          templateEntity(SERVICE_TEMPLATE, '1.1.0'),
        ],
      });
      const res = await request(backend.server)
        .get(statusPath('generated'))
        .set(
          'authorization',
          mockCredentials.user.header('user:default/viewer'),
        );
      expect(res.status).toBe(200);
      expect(res.body.template).toEqual({
        name: SERVICE_TEMPLATE,
        version: '1.0.0',
        latestVersion: '1.1.0',
        behind: true,
      });
      expect(catalog.getEntityByRef).toHaveBeenCalledWith(
        `template:default/${SERVICE_TEMPLATE}`,
        {
          credentials: expect.objectContaining({
            principal: expect.objectContaining({
              userEntityRef: 'user:default/viewer',
            }),
          }),
        },
      );
    });

    it('should compare versions as numbers', async () => {
      const { backend } = await startStatusBackend({
        server,
        entities: [
          generatedFrom(`${SERVICE_TEMPLATE}@1.9.0`),
          templateEntity(SERVICE_TEMPLATE, '1.10.0'),
        ],
      });
      const res = await request(backend.server).get(statusPath('generated'));
      expect(res.body.template).toMatchObject({
        latestVersion: '1.10.0',
        behind: true,
      });
    });

    it('should say the entity is up to date when it has the latest version', async () => {
      const { backend } = await startStatusBackend({
        server,
        entities: [
          generatedFrom(`${SERVICE_TEMPLATE}@1.1.0`),
          templateEntity(SERVICE_TEMPLATE, '1.1.0'),
        ],
      });
      const res = await request(backend.server).get(statusPath('generated'));
      expect(res.status).toBe(200);
      expect(res.body.template).toEqual({
        name: SERVICE_TEMPLATE,
        version: '1.1.0',
        latestVersion: '1.1.0',
        behind: false,
      });
    });

    it('should say why the latest version is unknown when the template is not in the catalog', async () => {
      const { backend } = await startStatusBackend({
        server,
        entities: [generatedFrom(`${SERVICE_TEMPLATE}@1.0.0`)],
      });
      const res = await request(backend.server).get(statusPath('generated'));
      expect(res.status).toBe(200);
      expect(res.body.template).toEqual({
        name: SERVICE_TEMPLATE,
        version: '1.0.0',
        behind: false,
        reason: expect.stringContaining(
          `template:default/${SERVICE_TEMPLATE} is not in the catalog`,
        ),
      });
      expect(res.body.errors).toEqual([]);
    });

    it.each([
      ['has no version annotation', undefined, `no ${A.templateVersion}`],
      ['has a malformed version', 'latest', 'must be a version like 1.2.0'],
    ])(
      'should say why the latest version is unknown when the template %s',
      async (_case, version, reason) => {
        const { backend } = await startStatusBackend({
          server,
          entities: [
            generatedFrom(`${SERVICE_TEMPLATE}@1.0.0`),
            templateEntity(SERVICE_TEMPLATE, version),
          ],
        });
        const res = await request(backend.server).get(statusPath('generated'));
        expect(res.status).toBe(200);
        expect(res.body.template.latestVersion).toBeUndefined();
        expect(res.body.template.behind).toBe(false);
        expect(res.body.template.reason).toContain(reason);
      },
    );

    it('should fill the template line for an account that is not configured, without calling AWS', async () => {
      const { backend } = await startStatusBackend({
        server,
        entities: [
          generatedFrom(`${SERVICE_TEMPLATE}@1.0.0`, '999999999999'),
          templateEntity(SERVICE_TEMPLATE, '1.1.0'),
        ],
      });
      const res = await request(backend.server).get(statusPath('generated'));
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ kind: 'account-not-configured' }),
      ]);
      expect(res.body.template).toEqual({
        name: SERVICE_TEMPLATE,
        version: '1.0.0',
        latestVersion: '1.1.0',
        behind: true,
      });
      expect(server.callCount()).toBe(0);
    });

    it('should leave the template out for an entity without the annotation', async () => {
      const { backend, catalog } = await startStatusBackend({
        server,
        entities: [payments, templateEntity(SERVICE_TEMPLATE, '1.1.0')],
      });
      const res = await request(backend.server).get(statusPath('payments-api'));
      expect(res.status).toBe(200);
      expect(res.body.template).toBeUndefined();
      expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    });

    it('should answer 400 with the expected form for a malformed template annotation', async () => {
      const { backend } = await startStatusBackend({
        server,
        entities: [generatedFrom('private-fargate-service@latest')],
      });
      const res = await request(backend.server).get(statusPath('generated'));
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(A.template);
      expect(res.body.error.message).toContain(
        '"private-fargate-service@latest" must be <template name>@<semver>',
      );
      expect(server.callCount()).toBe(0);
    });
  });

  it('should make one set of AWS calls for 50 concurrent requests about one VPC', async () => {
    const neighbours = sameVpcNeighbours(10);
    const { backend } = await startStatusBackend({
      server,
      entities: [payments, ...neighbours],
    });
    const names = Array.from({ length: 50 }, (_, index) =>
      index < 40 ? 'payments-api' : `neighbour-${index - 40}`,
    );
    const answers = await Promise.all(
      names.map((name, index) =>
        request(backend.server)
          .get(statusPath(name))
          .set(
            'authorization',
            mockCredentials.user.header(`user:default/viewer-${index}`),
          ),
      ),
    );
    expect(answers.map(res => res.status)).toEqual(names.map(() => 200));
    expect(new Set(answers.map(res => res.body.fetchedAt)).size).toBe(1);
    expect(server.callCount('DescribeVpcEndpoints')).toBe(1);
    expect(server.callCount('DescribeVpcEndpointServiceConfigurations')).toBe(
      1,
    );
    expect(server.callCount('DescribeVpcEndpointConnections')).toBe(1);
    expect(server.callCount('DescribeVpcEndpointServicePermissions')).toBe(1);

    // Each entity still sees its own declarations against the shared snapshot.
    const neighbour1 = answers[41].body;
    expect(neighbour1.declaredButMissing).toEqual([]);
    const neighbour0 = answers[40].body;
    expect(neighbour0.declaredButMissing).toEqual(['kms']);
  });

  it('should serve the last snapshot marked stale when a refresh fails, and not retry before the TTL', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
      privateFargate: { status: { cacheTtl: { milliseconds: 300 } } },
    });
    const first = await request(backend.server).get(statusPath('payments-api'));
    expect(first.body.stale).toBe(false);

    server.setFault('DescribeVpcEndpoints', { kind: 'throttle' });
    await new Promise(resolve => setTimeout(resolve, 350));
    const second = await request(backend.server).get(
      statusPath('payments-api'),
    );
    expect(second.status).toBe(200);
    expect(second.body.stale).toBe(true);
    expect(second.body.fetchedAt).toBe(first.body.fetchedAt);
    expect(second.body.endpoints).toEqual(first.body.endpoints);
    expect(second.body.errors).toEqual([
      expect.objectContaining({
        operation: 'DescribeVpcEndpoints',
        kind: 'throttled',
      }),
    ]);

    const callsAfterFailure = server.callCount('DescribeVpcEndpoints');
    const third = await request(backend.server).get(statusPath('payments-api'));
    expect(third.body.stale).toBe(true);
    expect(server.callCount('DescribeVpcEndpoints')).toBe(callsAfterFailure);

    server.clearFaults();
    await new Promise(resolve => setTimeout(resolve, 350));
    const recovered = await request(backend.server).get(
      statusPath('payments-api'),
    );
    expect(recovered.body.stale).toBe(false);
    expect(recovered.body.errors).toEqual([]);
    expect(recovered.body.fetchedAt > first.body.fetchedAt).toBe(true);
  });

  it('should offer a read-only action that answers what the card shows', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [
        {
          ...payments,
          metadata: {
            ...payments.metadata,
            annotations: {
              ...payments.metadata.annotations,
              'private-fargate/template': 'private-fargate-service@1.0.0',
            },
          },
        },
        templateEntity('private-fargate-service', '1.1.0'),
      ],
    });
    const list = await request(backend.server).get(
      '/api/private-fargate/.backstage/actions/v1/actions',
    );
    expect(list.body.actions).toEqual([
      expect.objectContaining({
        id: 'private-fargate:get-endpoint-status',
        attributes: { readOnly: true, idempotent: true, destructive: false },
      }),
    ]);

    const res = await request(backend.server)
      .post(
        '/api/private-fargate/.backstage/actions/v1/actions/private-fargate:get-endpoint-status/invoke',
      )
      .send({ entityRef: 'payments-api' });
    expect(res.status).toBe(200);
    expect(res.body.output).toMatchObject({
      entityRef: 'component:default/payments-api',
      presentButNotDeclared: ['ssmmessages'],
      template: {
        name: 'private-fargate-service',
        version: '1.0.0',
        latestVersion: '1.1.0',
        behind: true,
      },
      endpointService: {
        serviceId: DEMO.paymentsServiceId,
        connectionCountsByState: {
          available: 1,
          pendingacceptance: 1,
          rejected: 1,
        },
      },
      errors: [],
    });
  });

  it("should give agents the consumer endpoints and each endpoint's private DNS and problem", async () => {
    const consumer = annotatedService('orders-worker', {
      [A.accountId]: DEMO.consumerAccountId,
      [A.region]: DEMO.region,
      [A.vpcId]: DEMO.ordersVpcId,
      [A.endpoints]: 'ecr.api,s3',
      [A.consumerEndpointIds]: DEMO.ordersConsumerEndpointId,
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [consumer],
    });

    const res = await request(backend.server)
      .post(
        '/api/private-fargate/.backstage/actions/v1/actions/private-fargate:get-endpoint-status/invoke',
      )
      .send({ entityRef: 'component:default/orders-worker' });

    expect(res.status).toBe(200);
    expect(res.body.output.consumerEndpoints).toEqual([
      expect.objectContaining({
        endpointId: DEMO.ordersConsumerEndpointId,
        state: 'available',
        privateDnsEnabled: false,
      }),
    ]);
    expect(res.body.output.endpoints).toContainEqual(
      expect.objectContaining({ service: 'ecr.api', privateDnsEnabled: true }),
    );
    expect(res.body.output).toMatchObject({
      vpcEndpointsRead: true,
      declaredButUnhealthy: [],
      hints: [],
    });
  });

  it('should answer the action with 404 for an entity the caller may not see', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
      hiddenFrom: ['user:default/outsider'],
    });
    const res = await request(backend.server)
      .post(
        '/api/private-fargate/.backstage/actions/v1/actions/private-fargate:get-endpoint-status/invoke',
      )
      .set(
        'authorization',
        mockCredentials.user.header('user:default/outsider'),
      )
      .send({ entityRef: 'component:default/payments-api' });
    expect(res.status).toBe(404);
    expect(server.callCount()).toBe(0);
  });

  it('should answer the action with 400 for an entity reference it cannot read', async () => {
    const { backend } = await startStatusBackend({
      server,
      entities: [payments],
    });
    const res = await request(backend.server)
      .post(
        '/api/private-fargate/.backstage/actions/v1/actions/private-fargate:get-endpoint-status/invoke',
      )
      .send({ entityRef: 'component:' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('entityRef');
  });
});
