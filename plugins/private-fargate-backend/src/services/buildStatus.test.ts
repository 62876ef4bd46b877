import { buildStatus, StatusInputs } from './buildStatus';

const annotations = {
  accountId: '111111111111',
  region: 'ap-northeast-1',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  declaredEndpoints: ['ecr.api', 'ssm'],
  consumerEndpointIds: [],
};

function interfaceRecord(service: string, state: string, zones: string[]) {
  return {
    endpointId: `vpce-0${service
      .replace(/\W/g, '')
      .padEnd(16, '0')
      .slice(0, 16)}`,
    serviceName: `com.amazonaws.ap-northeast-1.${service}`,
    type: 'Interface' as const,
    state,
    subnetIds: zones.map((_, index) => `subnet-0000000${index}`),
    availabilityZones: zones,
    privateDnsEnabled: true,
    dnsNames: [],
  };
}

function inputs(overrides: Partial<StatusInputs>): StatusInputs {
  return {
    entityRef: 'component:default/payments-api',
    annotations,
    source: 'aws',
    now: new Date('2026-11-21T10:00:00Z'),
    ...overrides,
  };
}

describe('buildStatus', () => {
  it('should compare what AWS shows with what the entity declares', () => {
    const status = buildStatus(
      inputs({
        vpc: {
          value: {
            endpoints: [
              interfaceRecord('ecr.api', 'available', [
                'ap-northeast-1a',
                'ap-northeast-1c',
              ]),
              interfaceRecord('logs', 'available', ['ap-northeast-1a']),
              {
                ...interfaceRecord('x', 'available', []),
                serviceName:
                  'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
              },
            ],
          },
          fetchedAt: '2026-11-21T09:59:30.000Z',
          stale: false,
          errors: [],
        },
      }),
    );
    expect(
      status.endpoints.map(row => [
        row.service,
        row.state,
        row.declared,
        row.present,
      ]),
    ).toEqual([
      ['ecr.api', 'available', true, true],
      ['logs', 'available', false, true],
      ['ssm', 'missing', true, false],
    ]);
    expect(status.declaredButMissing).toEqual(['ssm']);
    expect(status.presentButNotDeclared).toEqual(['logs']);
    expect(status.fetchedAt).toBe('2026-11-21T09:59:30.000Z');
    // Tokyo: $0.014 per endpoint-AZ-hour, 730 h: 2 AZ → 20.44, 1 AZ → 10.22.
    expect(status.monthlyCost).toEqual({
      currency: 'USD',
      total: 30.66,
      lines: [
        { label: 'Interface endpoints: 1 × 1 AZ × 730 h', amount: 10.22 },
        { label: 'Interface endpoints: 1 × 2 AZ × 730 h', amount: 20.44 },
      ],
    });
  });

  it('should show nothing as missing when AWS could not be read', () => {
    const status = buildStatus(
      inputs({
        vpc: {
          stale: false,
          errors: [
            {
              operation: 'DescribeVpcEndpoints',
              kind: 'timeout',
              message: 'slow',
            },
          ],
        },
      }),
    );
    expect(status.endpoints).toEqual([]);
    expect(status.declaredButMissing).toEqual([]);
    expect(status.monthlyCost).toBeUndefined();
    expect(status.fetchedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(status.errors).toHaveLength(1);
  });

  it('should count connections by lower-case state', () => {
    const status = buildStatus(
      inputs({
        service: {
          value: {
            serviceId: 'vpce-svc-0123456789abcdef0',
            state: 'available',
            acceptanceRequired: true,
            allowedPrincipalsCount: 4,
            connections: [
              {
                endpointId: 'vpce-01111111111111111',
                state: 'pendingAcceptance',
              },
              {
                endpointId: 'vpce-01111111111111112',
                state: 'pendingAcceptance',
              },
              { endpointId: 'vpce-01111111111111113', state: 'available' },
            ],
          },
          fetchedAt: '2026-11-21T09:58:00.000Z',
          stale: true,
          errors: [
            {
              operation: 'DescribeVpcEndpointConnections',
              kind: 'throttled',
              message: 'x',
            },
          ],
        },
      }),
    );
    expect(status.endpointService?.connectionCountsByState).toEqual({
      pendingacceptance: 2,
      available: 1,
    });
    expect(status.stale).toBe(true);
  });
});
