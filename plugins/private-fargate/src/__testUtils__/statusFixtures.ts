import type {
  EndpointServiceStatus,
  EndpointStatus,
  PrivateFargateStatus,
} from '@private-fargate/plugin-private-fargate-common';

/** An annotated service entity, as the Private Fargate templates write it. */
export const annotatedEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: {
      'private-fargate/aws-account-id': '123456789012',
      'private-fargate/aws-region': 'ap-northeast-1',
      'private-fargate/vpc-id': 'vpc-0a1b2c3d4e5f60718',
      'private-fargate/endpoints': 'ecr.api,ecr.dkr,s3,logs',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

/** The same service before any Private Fargate annotation was added. */
export const plainEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'legacy', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

export function endpoint(
  service: string,
  overrides: Partial<EndpointStatus> = {},
): EndpointStatus {
  const type = service === 's3' ? 'Gateway' : 'Interface';
  return {
    service,
    serviceName: `com.amazonaws.ap-northeast-1.${service}`,
    type,
    state: 'available',
    declared: true,
    present: true,
    endpointId: 'vpce-0123456789abcdef0',
    availabilityZones:
      type === 'Interface' ? ['ap-northeast-1a', 'ap-northeast-1c'] : [],
    subnetIds: type === 'Interface' ? ['subnet-0aa', 'subnet-0cc'] : [],
    privateDnsEnabled: type === 'Interface' ? true : undefined,
    dnsNames: [],
    ...overrides,
  };
}

export function endpointService(
  overrides: Partial<EndpointServiceStatus> = {},
): EndpointServiceStatus {
  return {
    serviceId: 'vpce-svc-0123456789abcdef0',
    serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
    state: 'Available',
    acceptanceRequired: true,
    allowedPrincipalsCount: 3,
    connections: [
      {
        consumerAccountId: '210987654321',
        endpointId: 'vpce-0aaaaaaaaaaaaaaa1',
        state: 'available',
        createdAt: '2026-11-01T09:00:00.000Z',
      },
      {
        consumerAccountId: '345678901234',
        endpointId: 'vpce-0bbbbbbbbbbbbbbb2',
        state: 'pendingAcceptance',
        createdAt: '2026-11-20T09:00:00.000Z',
      },
      {
        consumerAccountId: '456789012345',
        endpointId: 'vpce-0ccccccccccccccc3',
        state: 'rejected',
        createdAt: '2026-11-10T09:00:00.000Z',
      },
    ],
    connectionCountsByState: {
      available: 1,
      pendingacceptance: 1,
      rejected: 1,
    },
    ...overrides,
  };
}

/** A healthy status: every declared endpoint available, nothing else to report. */
export function demoStatus(
  overrides: Partial<PrivateFargateStatus> = {},
): PrivateFargateStatus {
  return {
    entityRef: 'component:default/payments',
    accountId: '123456789012',
    region: 'ap-northeast-1',
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    source: 'aws',
    vpcEndpointsRead: true,
    endpoints: [
      endpoint('ecr.api'),
      endpoint('ecr.dkr'),
      endpoint('s3'),
      endpoint('logs'),
    ],
    declaredButMissing: [],
    declaredButUnhealthy: [],
    presentButNotDeclared: [],
    monthlyCost: {
      currency: 'USD',
      total: 43.8,
      lines: [
        { label: '3 interface endpoints × 2 AZs', amount: 43.8 },
        { label: 'S3 gateway endpoint', amount: 0 },
      ],
    },
    fetchedAt: '2026-11-21T10:00:00.000Z',
    stale: false,
    errors: [],
    hints: [],
    ...overrides,
  };
}
