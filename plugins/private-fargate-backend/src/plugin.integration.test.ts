import { PRIVATE_FARGATE_ANNOTATIONS as A } from '@private-fargate/plugin-private-fargate-common';
import request from 'supertest';
import { DEMO, demoFixture } from './testing/demoFixture';
import {
  Ec2Fault,
  Ec2Fixture,
  Ec2QueryServer,
  FixtureVpcEndpoint,
  interfaceEndpointDnsNames,
} from './testing/ec2QueryServer';
import {
  annotatedService,
  startStatusBackend,
  statusPath,
} from './__testUtils__/statusBackend';

// The real @aws-sdk/client-ec2 talks to a loopback server that speaks the EC2 Query protocol.

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const VPC = 'vpc-0123456789abcdef0';
const SERVICE = 'vpce-svc-0123456789abcdef0';
const STATES = [
  'available',
  'pending',
  'pendingAcceptance',
  'rejected',
  'failed',
  'deleted',
  'expired',
  'partial',
];
const SERVICE_BY_STATE: Record<string, string> = {
  available: 'ecr.api',
  pending: 'ecr.dkr',
  pendingAcceptance: 'logs',
  rejected: 'kms',
  failed: 'ssm',
  deleted: 'secretsmanager',
  expired: 'sts',
  partial: 'xray',
};

function interfaceEndpoint(
  index: number,
  service: string,
  state: string,
): FixtureVpcEndpoint {
  const id = `vpce-0000000000000${String(index).padStart(4, '0')}`;
  const serviceName = `com.amazonaws.${REGION}.${service}`;
  return {
    vpcEndpointId: id,
    vpcId: VPC,
    serviceName,
    type: 'Interface',
    state,
    subnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
    privateDnsEnabled: true,
    dnsNames: interfaceEndpointDnsNames(id, serviceName, REGION, [
      'us-east-1a',
      'us-east-1b',
    ]),
    ...(state === 'failed'
      ? {
          lastError: {
            code: 'InsufficientFreeAddressesInSubnet',
            message: 'No free addresses.',
          },
        }
      : {}),
  };
}

function allStatesFixture(): Ec2Fixture {
  return {
    vpcEndpoints: [
      ...STATES.map((state, index) =>
        interfaceEndpoint(index + 1, SERVICE_BY_STATE[state], state),
      ),
      {
        vpcEndpointId: 'vpce-0000000000000ffff',
        vpcId: VPC,
        serviceName: `com.amazonaws.${REGION}.s3`,
        type: 'Gateway',
        state: 'available',
        routeTableIds: ['rtb-0123456789abcdef0'],
      },
      // Another VPC's endpoint must never show up.
      {
        ...interfaceEndpoint(99, 'sqs', 'available'),
        vpcId: 'vpc-0fffffffffffffff0',
      },
    ],
    serviceConfigurations: [
      {
        serviceId: SERVICE,
        serviceName: `com.amazonaws.vpce.${REGION}.${SERVICE}`,
        state: 'Available',
        acceptanceRequired: true,
      },
    ],
    connections: STATES.map((state, index) => ({
      serviceId: SERVICE,
      vpcEndpointId: `vpce-0c00000000000${String(index).padStart(4, '0')}`,
      ownerId: `30000000000${index}`,
      state,
      createdAt: `2026-0${index + 1}-01T00:00:00.000Z`,
    })),
    permissions: ['300000000000', '300000000001', '300000000002'].map(
      account => ({
        serviceId: SERVICE,
        principal: `arn:aws:iam::${account}:root`,
      }),
    ),
  };
}

const provider = annotatedService('provider', {
  [A.accountId]: ACCOUNT,
  [A.region]: REGION,
  [A.vpcId]: VPC,
  [A.endpoints]:
    'ecr.api,ecr.dkr,s3,logs,kms,ssm,secretsmanager,sts,xray,monitoring',
  [A.endpointServiceId]: SERVICE,
});

describe('status route against a loopback EC2 server', () => {
  let server: Ec2QueryServer;

  afterEach(async () => {
    await server.stop();
  });

  it('should show endpoints and connections in every state, reading every page', async () => {
    server = await Ec2QueryServer.start({
      fixture: allStatesFixture(),
      pageSize: 2,
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [provider],
    });

    const res = await request(backend.server).get(statusPath('provider'));

    expect(res.status).toBe(200);
    const rows = Object.fromEntries(
      res.body.endpoints.map((row: any) => [row.service, row]),
    );
    for (const state of STATES) {
      expect(rows[SERVICE_BY_STATE[state]]).toMatchObject({
        state,
        declared: true,
        present: state !== 'deleted',
        type: 'Interface',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        subnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
        privateDnsEnabled: true,
      });
    }
    expect(rows.ssm.lastError).toBe(
      'InsufficientFreeAddressesInSubnet: No free addresses.',
    );
    expect(rows.s3).toMatchObject({
      type: 'Gateway',
      state: 'available',
      present: true,
    });
    expect(rows.s3.privateDnsEnabled).toBeUndefined();
    expect(rows.monitoring).toMatchObject({
      state: 'missing',
      present: false,
      serviceName: 'com.amazonaws.us-east-1.monitoring',
    });
    expect(rows.sqs).toBeUndefined();
    expect(res.body.declaredButMissing).toEqual([
      'secretsmanager',
      'monitoring',
    ]);
    // Endpoints that exist but carry no traffic do not satisfy a declaration.
    expect(
      res.body.declaredButUnhealthy.map((item: any) => item.service),
    ).toEqual(['kms', 'ssm', 'sts', 'xray']);
    expect(rows.ssm.problem).toContain('is in state failed');
    expect(
      res.body.declaredButUnhealthy.find((item: any) => item.service === 'ssm')
        .reason,
    ).toContain('InsufficientFreeAddressesInSubnet: No free addresses.');
    expect(res.body.presentButNotDeclared).toEqual([]);

    expect(res.body.endpointService).toMatchObject({
      serviceId: SERVICE,
      serviceName: `com.amazonaws.vpce.${REGION}.${SERVICE}`,
      state: 'available',
      acceptanceRequired: true,
      allowedPrincipalsCount: 3,
      connectionCountsByState: Object.fromEntries(
        STATES.map(state => [state.toLowerCase(), 1]),
      ),
    });
    expect(res.body.endpointService.connections).toContainEqual({
      consumerAccountId: '300000000002',
      endpointId: 'vpce-0c000000000000002',
      state: 'pendingAcceptance',
      createdAt: '2026-03-01T00:00:00.000Z',
    });

    // 10 endpoints in the VPC filter's answer -> 5 pages; 8 connections -> 4; 3 principals -> 2.
    expect(server.callCount('DescribeVpcEndpoints')).toBe(5);
    expect(server.callCount('DescribeVpcEndpointConnections')).toBe(4);
    expect(server.callCount('DescribeVpcEndpointServicePermissions')).toBe(2);
    expect(server.callCount('DescribeVpcEndpointServiceConfigurations')).toBe(
      1,
    );
    const pageTokens = server.calls
      .filter(call => call.action === 'DescribeVpcEndpoints')
      .map(call => call.params.NextToken);
    expect(pageTokens[0]).toBeUndefined();
    expect(new Set(pageTokens.slice(1)).size).toBe(4);
    expect(server.calls.every(call => call.region === REGION)).toBe(true);
    expect(server.calls[0].params['Filter.1.Name']).toBe('vpc-id');
    expect(server.calls[0].params['Filter.1.Value.1']).toBe(VPC);
  });

  it('should price the working interface endpoints only (available, pending, pendingAcceptance)', async () => {
    server = await Ec2QueryServer.start({ fixture: allStatesFixture() });
    const { backend } = await startStatusBackend({
      server,
      entities: [provider],
    });
    const res = await request(backend.server).get(statusPath('provider'));
    // 3 working interface endpoints in 2 AZs, us-east-1 at $0.01/h, 730 h; rejected, failed,
    // deleted, expired and partial ones are left out.
    expect(res.body.monthlyCost).toEqual({
      currency: 'USD',
      total: 43.8,
      lines: [{ label: 'Interface endpoints: 3 × 2 AZ × 730 h', amount: 43.8 }],
    });
  });

  it.each<[string, Ec2Fault, string]>([
    ['throttling (RequestLimitExceeded)', { kind: 'throttle' }, 'throttled'],
    ['HTTP 500', { kind: 'server-error' }, 'unknown'],
    [
      'an answer slower than the timeout',
      { kind: 'slow', delayMs: 1500 },
      'timeout',
    ],
    ['malformed XML', { kind: 'malformed' }, 'malformed-response'],
    ['UnauthorizedOperation', { kind: 'unauthorized' }, 'access-denied'],
  ])(
    'should report %s on DescribeVpcEndpoints with a message, listing the declarations as unknown',
    async (_name, fault, kind) => {
      server = await Ec2QueryServer.start({ fixture: allStatesFixture() });
      server.setFault('DescribeVpcEndpoints', fault);
      const { backend } = await startStatusBackend({
        server,
        entities: [provider],
      });

      const res = await request(backend.server).get(statusPath('provider'));

      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([
        {
          operation: 'DescribeVpcEndpoints',
          kind,
          message: expect.stringContaining(ACCOUNT),
        },
      ]);
      expect(res.body.stale).toBe(false);
      expect(res.body.vpcEndpointsRead).toBe(false);
      expect(
        res.body.endpoints.map((row: any) => [row.service, row.state]),
      ).toEqual(
        provider.metadata
          .annotations![A.endpoints].split(',')
          .sort()
          .map(service => [service, 'unknown']),
      );
      expect(res.body.declaredButMissing).toEqual([]);
      expect(res.body.declaredButUnhealthy).toEqual([]);
      expect(res.body.monthlyCost).toBeUndefined();
      expect(res.body.endpointService.serviceId).toBe(SERVICE);
      // The endpoint service was read, so the answer's time is its snapshot's.
      expect(typeof res.body.fetchedAt).toBe('string');
    },
  );

  it('should show the PrivateLink configuration and connections when only the permissions call is denied', async () => {
    server = await Ec2QueryServer.start({ fixture: allStatesFixture() });
    server.setFault('DescribeVpcEndpointServicePermissions', {
      kind: 'unauthorized',
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [provider],
    });

    const res = await request(backend.server).get(statusPath('provider'));

    expect(res.body.endpoints).toHaveLength(10);
    expect(res.body.stale).toBe(false);
    expect(res.body.endpointService).toMatchObject({
      serviceId: SERVICE,
      state: 'available',
      acceptanceRequired: true,
      connectionCountsByState: Object.fromEntries(
        STATES.map(state => [state.toLowerCase(), 1]),
      ),
    });
    expect(res.body.endpointService.connections).toHaveLength(STATES.length);
    expect(res.body.endpointService.allowedPrincipalsCount).toBeUndefined();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        operation: 'DescribeVpcEndpointServicePermissions',
        kind: 'access-denied',
        message: expect.stringContaining(
          'ec2:DescribeVpcEndpointServicePermissions',
        ),
      }),
    ]);
  });

  it('should show the allowed principals when only the connections call is denied', async () => {
    server = await Ec2QueryServer.start({ fixture: allStatesFixture() });
    server.setFault('DescribeVpcEndpointConnections', {
      kind: 'unauthorized',
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [provider],
    });

    const res = await request(backend.server).get(statusPath('provider'));

    expect(res.body.endpointService.allowedPrincipalsCount).toBe(3);
    expect(res.body.endpointService.connections).toBeUndefined();
    expect(res.body.endpointService.connectionCountsByState).toBeUndefined();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        operation: 'DescribeVpcEndpointConnections',
        kind: 'access-denied',
      }),
    ]);
  });

  it('should hint at the annotations when the VPC has no endpoints at all', async () => {
    server = await Ec2QueryServer.start({ fixture: allStatesFixture() });
    const typo = annotatedService('typo', {
      ...provider.metadata.annotations,
      [A.vpcId]: 'vpc-0eeeeeeeeeeeeeee0',
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [typo],
    });

    const res = await request(backend.server).get(statusPath('typo'));

    expect(res.body.errors).toEqual([]);
    expect(res.body.hints).toEqual([
      expect.stringContaining(
        `No endpoints found in vpc-0eeeeeeeeeeeeeee0 in ${REGION} of account ${ACCOUNT}`,
      ),
    ]);
    expect(res.body.hints[0]).toContain('private-fargate/vpc-id');
  });

  it('should call an answer without endpoint IDs malformed', async () => {
    const fixture = allStatesFixture();
    fixture.vpcEndpoints[0].vpcEndpointId = '';
    server = await Ec2QueryServer.start({ fixture });
    const { backend } = await startStatusBackend({
      server,
      entities: [provider],
    });

    const res = await request(backend.server).get(statusPath('provider'));

    expect(res.body.errors).toEqual([
      expect.objectContaining({
        operation: 'DescribeVpcEndpoints',
        kind: 'malformed-response',
        message: expect.stringContaining('VpcEndpointId'),
      }),
    ]);
    expect(
      res.body.endpoints.every((row: any) => row.state === 'unknown'),
    ).toBe(true);
  });

  it('should say when the endpoint service does not exist', async () => {
    server = await Ec2QueryServer.start({ fixture: allStatesFixture() });
    const orphan = annotatedService('orphan', {
      ...provider.metadata.annotations,
      [A.endpointServiceId]: 'vpce-svc-0fffffffffffffff0',
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [orphan],
    });

    const res = await request(backend.server).get(statusPath('orphan'));

    expect(res.body.endpoints).toHaveLength(10);
    expect(res.body.endpointService).toBeUndefined();
    expect(res.body.errors.map((error: any) => error.kind)).toContain(
      'not-found',
    );
  });

  it('should show a consumer its PrivateLink endpoints, and one it declares that AWS lacks', async () => {
    server = await Ec2QueryServer.start({ fixture: demoFixture() });
    const consumer = annotatedService('orders-worker', {
      [A.accountId]: DEMO.consumerAccountId,
      [A.region]: DEMO.region,
      [A.vpcId]: DEMO.ordersVpcId,
      [A.endpoints]: 'ecr.api,ecr.dkr,s3,logs',
      [A.consumerEndpointIds]: `${DEMO.ordersConsumerEndpointId},vpce-0deadbeefdeadbeef`,
    });
    const { backend } = await startStatusBackend({
      server,
      entities: [consumer],
    });

    const res = await request(backend.server).get(statusPath('orders-worker'));

    expect(res.body.consumerEndpoints).toEqual([
      expect.objectContaining({
        endpointId: DEMO.ordersConsumerEndpointId,
        service: `com.amazonaws.vpce.${DEMO.region}.${DEMO.paymentsServiceId}`,
        state: 'available',
        present: true,
        availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
      }),
      expect.objectContaining({
        endpointId: 'vpce-0deadbeefdeadbeef',
        state: 'missing',
        present: false,
      }),
    ]);
    expect(res.body.endpoints.map((row: any) => row.service)).toEqual([
      'ecr.api',
      'ecr.dkr',
      'logs',
      's3',
    ]);
    expect(
      server.calls.every(
        call => call.accessKeyId === `AKIATEST${DEMO.consumerAccountId}`,
      ),
    ).toBe(true);
  });
});
