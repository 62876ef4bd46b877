import type { VpcEndpointRecord } from '../aws/snapshots';
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

  it('should list the declarations as unknown, claim nothing missing and give no fetch time when AWS could not be read', () => {
    const status = buildStatus(
      inputs({
        annotations: {
          ...annotations,
          consumerEndpointIds: ['vpce-0c0ffee0c0ffee001'],
        },
        vpc: {
          stale: false,
          errors: [
            {
              operation: 'DescribeVpcEndpoints',
              kind: 'access-denied',
              message: 'denied',
            },
          ],
        },
      }),
    );
    expect(status.vpcEndpointsRead).toBe(false);
    expect(
      status.endpoints.map(row => [
        row.service,
        row.serviceName,
        row.type,
        row.state,
        row.declared,
        row.present,
      ]),
    ).toEqual([
      [
        'ecr.api',
        'com.amazonaws.ap-northeast-1.ecr.api',
        'Interface',
        'unknown',
        true,
        false,
      ],
      [
        'ssm',
        'com.amazonaws.ap-northeast-1.ssm',
        'Interface',
        'unknown',
        true,
        false,
      ],
    ]);
    expect(status.consumerEndpoints).toEqual([
      expect.objectContaining({
        endpointId: 'vpce-0c0ffee0c0ffee001',
        state: 'unknown',
      }),
    ]);
    expect(status.declaredButMissing).toEqual([]);
    expect(status.declaredButUnhealthy).toEqual([]);
    expect(status.monthlyCost).toBeUndefined();
    expect(status.fetchedAt).toBeUndefined();
    expect(status.hints).toEqual([]);
    expect(status.errors).toHaveLength(1);
  });

  it('should take the fetch time from the snapshots that were read only', () => {
    const status = buildStatus(
      inputs({
        vpc: {
          stale: false,
          errors: [
            {
              operation: 'DescribeVpcEndpoints',
              kind: 'timeout',
              message: 'x',
            },
          ],
        },
        service: {
          value: {
            serviceId: 'vpce-svc-0123456789abcdef0',
            state: 'available',
            acceptanceRequired: false,
            connections: [],
            allowedPrincipalsCount: 0,
            errors: [],
          },
          fetchedAt: '2026-11-21T09:58:00.000Z',
          stale: false,
          errors: [],
        },
      }),
    );
    expect(status.fetchedAt).toBe('2026-11-21T09:58:00.000Z');
    expect(status.vpcEndpointsRead).toBe(false);
  });

  describe('endpoints that exist but do not work', () => {
    function statusWith(
      records: VpcEndpointRecord[],
      declaredEndpoints = ['ecr.api'],
    ) {
      return buildStatus(
        inputs({
          annotations: { ...annotations, declaredEndpoints },
          vpc: {
            value: { endpoints: records },
            fetchedAt: '2026-11-21T09:59:30.000Z',
            stale: false,
            errors: [],
          },
        }),
      );
    }

    it.each(['available', 'pending', 'pendingAcceptance', 'modifying'])(
      'should let an endpoint in state %s satisfy its declaration',
      state => {
        const status = statusWith([
          interfaceRecord('ecr.api', state, ['ap-northeast-1a']),
        ]);
        expect(status.declaredButMissing).toEqual([]);
        expect(status.declaredButUnhealthy).toEqual([]);
        expect(status.endpoints[0].problem).toBeUndefined();
        expect(status.monthlyCost?.total).toBe(10.22);
      },
    );

    it.each(['failed', 'rejected', 'deleting', 'expired', 'partial'])(
      'should report a declaration whose only endpoint is %s as unhealthy, not missing, and not price it',
      state => {
        const status = statusWith([
          {
            ...interfaceRecord('ecr.api', state, ['ap-northeast-1a']),
            lastError: 'InsufficientFreeAddressesInSubnet: full',
          },
        ]);
        expect(status.declaredButMissing).toEqual([]);
        expect(status.declaredButUnhealthy).toEqual([
          {
            service: 'ecr.api',
            reason: `vpce-0ecrapi0000000000 is in state ${state}; only available, pending, pendingAcceptance and modifying endpoints count (AWS: InsufficientFreeAddressesInSubnet: full)`,
          },
        ]);
        expect(status.endpoints[0]).toMatchObject({
          state,
          present: true,
          problem: expect.stringContaining(`is in state ${state}`),
        });
        expect(status.monthlyCost).toEqual({
          currency: 'USD',
          total: 0,
          lines: [],
        });
      },
    );

    it('should count a deleted endpoint as missing', () => {
      const status = statusWith([
        interfaceRecord('ecr.api', 'deleted', ['ap-northeast-1a']),
      ]);
      expect(status.declaredButMissing).toEqual(['ecr.api']);
      expect(status.declaredButUnhealthy).toEqual([]);
    });

    it('should not let an interface endpoint satisfy s3, which is planned as a gateway', () => {
      const status = statusWith(
        [
          {
            ...interfaceRecord('s3', 'available', ['ap-northeast-1a']),
            privateDnsEnabled: false,
          },
        ],
        ['s3'],
      );
      expect(status.declaredButUnhealthy).toEqual([
        {
          service: 's3',
          reason: expect.stringContaining(
            'is a Interface endpoint, but s3 is planned as a Gateway endpoint',
          ),
        },
      ]);
    });

    it("should not let another Region's endpoint satisfy a declaration", () => {
      const status = statusWith([
        {
          ...interfaceRecord('ecr.api', 'available', []),
          serviceName: 'com.amazonaws.us-east-1.ecr.api',
        },
      ]);
      expect(status.declaredButUnhealthy).toEqual([
        {
          service: 'ecr.api',
          reason:
            "vpce-0ecrapi0000000000 serves us-east-1, not the entity's Region ap-northeast-1; tasks in ap-northeast-1 do not use it",
        },
      ]);
    });

    it('should flag an interface endpoint with private DNS off, declared or not', () => {
      const status = statusWith([
        {
          ...interfaceRecord('ecr.api', 'available', ['ap-northeast-1a']),
          privateDnsEnabled: false,
        },
        {
          ...interfaceRecord('logs', 'available', ['ap-northeast-1a']),
          privateDnsEnabled: false,
        },
      ]);
      expect(status.declaredButUnhealthy).toEqual([
        {
          service: 'ecr.api',
          reason:
            'vpce-0ecrapi0000000000 has private DNS off, so tasks resolve the public ecr.api name and bypass it; turn private DNS on for the endpoint',
        },
      ]);
      expect(
        status.endpoints.find(row => row.service === 'logs')?.problem,
      ).toBe(
        'has private DNS off, so tasks resolve the public logs name and bypass it; turn private DNS on for the endpoint',
      );
    });

    it('should be satisfied by one working endpoint beside a broken one', () => {
      const status = statusWith([
        interfaceRecord('ecr.api', 'failed', ['ap-northeast-1a']),
        {
          ...interfaceRecord('ecr.api', 'available', ['ap-northeast-1a']),
          endpointId: 'vpce-0ffffffffffffffff',
        },
      ]);
      expect(status.declaredButUnhealthy).toEqual([]);
      expect(status.declaredButMissing).toEqual([]);
      expect(status.monthlyCost?.total).toBe(10.22);
    });
  });

  it('should hint at a wrong VPC, Region or account when the VPC has no endpoints at all but some are declared', () => {
    const empty = buildStatus(
      inputs({
        vpc: {
          value: { endpoints: [] },
          fetchedAt: '2026-11-21T09:59:30.000Z',
          stale: false,
          errors: [],
        },
      }),
    );
    expect(empty.hints).toEqual([
      'No endpoints found in vpc-0a1b2c3d4e5f60718 in ap-northeast-1 of account 111111111111, although the entity declares ecr.api, ssm. Check the private-fargate/vpc-id, private-fargate/aws-region and private-fargate/aws-account-id annotations; if they are right, the endpoints have not been created yet.',
    ]);
    expect(empty.declaredButMissing).toEqual(['ecr.api', 'ssm']);

    const nothingDeclared = buildStatus(
      inputs({
        annotations: { ...annotations, declaredEndpoints: [] },
        vpc: {
          value: { endpoints: [] },
          fetchedAt: '2026-11-21T09:59:30.000Z',
          stale: false,
          errors: [],
        },
      }),
    );
    expect(nothingDeclared.hints).toEqual([]);
  });

  it('should show the parts of an endpoint service that were read and report the calls that failed', () => {
    const denied = {
      operation: 'DescribeVpcEndpointServicePermissions',
      kind: 'access-denied' as const,
      message: 'Access denied to ec2:DescribeVpcEndpointServicePermissions',
    };
    const status = buildStatus(
      inputs({
        service: {
          value: {
            serviceId: 'vpce-svc-0123456789abcdef0',
            state: 'available',
            acceptanceRequired: true,
            connections: [
              { endpointId: 'vpce-01111111111111113', state: 'available' },
            ],
            errors: [denied],
          },
          fetchedAt: '2026-11-21T09:58:00.000Z',
          stale: false,
          errors: [],
        },
      }),
    );
    expect(status.endpointService).toEqual({
      serviceId: 'vpce-svc-0123456789abcdef0',
      state: 'available',
      acceptanceRequired: true,
      connections: [
        { endpointId: 'vpce-01111111111111113', state: 'available' },
      ],
      connectionCountsByState: { available: 1 },
    });
    expect(status.errors).toEqual([denied]);
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
            errors: [],
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
