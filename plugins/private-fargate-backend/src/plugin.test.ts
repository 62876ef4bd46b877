import { mockCredentials } from '@backstage/backend-test-utils';
import { PRIVATE_FARGATE_ANNOTATIONS as A } from '@private-fargate/plugin-private-fargate-common';
import request from 'supertest';
import { DEMO, demoFixture } from './testing/demoFixture';
import { Ec2QueryServer } from './testing/ec2QueryServer';
import {
  annotatedService,
  startStatusBackend,
  statusPath,
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
    expect(res.body.endpoints).toEqual([]);
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
      entities: [payments],
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
