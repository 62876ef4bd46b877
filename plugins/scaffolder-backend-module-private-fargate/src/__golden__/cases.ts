import { TerraformRequestInput } from '../terraform/request';

/** One golden case: an input and what its output must show beyond the generic gates. */
export interface GoldenCase {
  name: string;
  input: TerraformRequestInput;
  /** Buckets the S3 gateway policy must name, exactly. */
  s3Buckets?: string[];
  allowAcceptanceOptOut?: boolean;
}

const tokyo = {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  vpcCidr: '10.0.0.0/16',
  privateSubnets: [
    { id: 'subnet-0a1b2c3d4e5f60711', availabilityZone: 'ap-northeast-1a' },
    { id: 'subnet-0a1b2c3d4e5f60712', availabilityZone: 'ap-northeast-1c' },
  ],
  privateRouteTableIds: ['rtb-0a1b2c3d4e5f60711', 'rtb-0a1b2c3d4e5f60712'],
};
const tokyoLayers = 'prod-ap-northeast-1-starport-layer-bucket';

/** At least one case for every component and option of private-fargate:terraform. */
export const goldenCases: GoldenCase[] = [
  {
    name: 'endpoints-minimal',
    input: {
      serviceName: 'orders',
      owner: 'team-orders',
      components: ['endpoints'],
      requirements: { region: 'ap-northeast-1' },
      network: tokyo,
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'endpoints-dedicated-subnets',
    input: {
      serviceName: 'billing',
      owner: 'team-billing',
      description:
        'Two app subnets per zone; the endpoints get their own subnets (scenario 2).',
      components: ['endpoints', 'service'],
      requirements: { region: 'ap-northeast-1', secrets: ['secretsmanager'] },
      network: {
        ...tokyo,
        privateSubnets: [
          {
            id: 'subnet-0a1b2c3d4e5f60711',
            availabilityZone: 'ap-northeast-1a',
          },
          {
            id: 'subnet-0a1b2c3d4e5f60721',
            availabilityZone: 'ap-northeast-1a',
          },
          {
            id: 'subnet-0a1b2c3d4e5f60712',
            availabilityZone: 'ap-northeast-1c',
          },
          {
            id: 'subnet-0a1b2c3d4e5f60722',
            availabilityZone: 'ap-northeast-1c',
          },
        ],
        endpointSubnets: {
          existingSubnetCidrs: [
            '10.0.1.0/24',
            '10.0.2.0/24',
            '10.0.4.0/24',
            '10.0.5.0/24',
          ],
        },
      },
      service: {
        secrets: [
          {
            name: 'DB_PASSWORD',
            valueFrom:
              'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:billing/db-AbCdEf',
          },
        ],
      },
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'endpoints-two-subnets-per-zone',
    input: {
      serviceName: 'catalog',
      owner: 'team-catalog',
      components: ['endpoints'],
      requirements: { region: 'ap-northeast-1', logging: 'none' },
      network: {
        ...tokyo,
        privateSubnets: [
          {
            id: 'subnet-0a1b2c3d4e5f60711',
            availabilityZone: 'ap-northeast-1a',
          },
          {
            id: 'subnet-0a1b2c3d4e5f60721',
            availabilityZone: 'ap-northeast-1a',
          },
          {
            id: 'subnet-0a1b2c3d4e5f60712',
            availabilityZone: 'ap-northeast-1c',
          },
        ],
      },
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'service-shared-endpoints',
    input: {
      serviceName: 'search',
      owner: 'team-search',
      components: ['endpoints', 'service'],
      requirements: { region: 'ap-northeast-1', awsServices: ['sqs'] },
      network: { ...tokyo, sharedEndpoints: ['ecr.api', 'ecr.dkr', 's3'] },
      service: { desiredCount: 3 },
    },
  },
  {
    name: 'service-exec-secrets-xray',
    input: {
      serviceName: 'payments',
      owner: 'group:default/payments',
      templateVersion: '2.1.0',
      components: ['endpoints', 'service'],
      requirements: {
        region: 'ap-northeast-1',
        platformVersion: '1.4.0',
        exec: { enabled: true, kmsKey: true, sessionLogs: 'cloudwatch' },
        secrets: ['secretsmanager', 'ssm'],
        xray: true,
      },
      network: tokyo,
      service: {
        cpu: 1024,
        memory: 4096,
        cpuArchitecture: 'ARM64',
        containerPort: 9000,
        logRetentionDays: 90,
        keepImages: 10,
        execKmsKeyArn:
          'arn:aws:kms:ap-northeast-1:123456789012:key/0a1b2c3d-1234-5678-9abc-0a1b2c3d4e5f',
        secretsKmsKeyArn:
          'arn:aws:kms:ap-northeast-1:123456789012:key/1b2c3d4e-2345-6789-abcd-1b2c3d4e5f60',
        secrets: [
          {
            name: 'API_KEY',
            valueFrom:
              'arn:aws:ssm:ap-northeast-1:123456789012:parameter/payments/api-key',
          },
          // Two JSON keys of one secret: the task definition names each, IAM the secret once.
          {
            name: 'DB_PASSWORD',
            valueFrom:
              'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:payments/db-AbCdEf:password::',
          },
          {
            name: 'DB_USER',
            valueFrom:
              'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:payments/db-AbCdEf:username::',
          },
        ],
      },
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'service-existing-cluster-task-sg',
    input: {
      serviceName: 'legacy-worker',
      owner: 'team-legacy',
      components: ['endpoints', 'service'],
      requirements: {
        region: 'ap-northeast-1',
        platformVersion: '1.3.0',
        logging: 'none',
      },
      network: { ...tokyo, endpointIngress: 'task-security-group' },
      service: { existingClusterName: 'shared-cluster', desiredCount: 1 },
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'service-alb-nat-buckets',
    input: {
      serviceName: 'reports',
      owner: 'team-reports',
      components: ['endpoints', 'service'],
      requirements: {
        region: 'eu-west-1',
        egress: 'nat',
        efs: true,
        exec: { enabled: true, sessionLogs: 's3' },
        execLogBucket: 'acme-exec-logs',
        applicationBuckets: ['acme-reports-data', 'acme-reports-archive'],
      },
      network: {
        vpcId: 'vpc-0123456789abcdef0',
        vpcCidr: '172.16.0.0/16',
        privateSubnets: [
          { id: 'subnet-01111111', availabilityZone: 'eu-west-1a' },
          { id: 'subnet-02222222', availabilityZone: 'eu-west-1b' },
          { id: 'subnet-03333333', availabilityZone: 'eu-west-1c' },
        ],
        privateRouteTableIds: ['rtb-01111111'],
      },
      service: {
        loadBalancer: { listenerPort: 8080, healthCheckPath: '/ready' },
      },
    },
    s3Buckets: [
      'acme-exec-logs',
      'acme-reports-archive',
      'acme-reports-data',
      'prod-eu-west-1-starport-layer-bucket',
    ],
  },
  {
    name: 'privatelink-provider',
    input: {
      serviceName: 'tasks-api',
      owner: 'team-platform',
      components: ['endpoints', 'service', 'privatelink-provider'],
      requirements: { region: 'ap-northeast-1' },
      network: tokyo,
      service: { loadBalancer: {} },
      privateLinkProvider: {
        allowedPrincipals: [
          'arn:aws:iam::210987654321:root',
          'arn:aws:iam::111122223333:role/tasks-client',
        ],
        privateDnsName: 'tasks.api.example.com',
      },
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'privatelink-provider-no-acceptance',
    input: {
      serviceName: 'inventory-api',
      owner: 'team-platform',
      components: ['service', 'privatelink-provider'],
      requirements: { region: 'ap-northeast-1' },
      network: tokyo,
      service: { loadBalancer: { listenerPort: 8080 } },
      privateLinkProvider: { acceptanceRequired: false },
    },
    allowAcceptanceOptOut: true,
  },
  {
    name: 'privatelink-consumer-zone',
    input: {
      serviceName: 'partner-client',
      owner: 'team-partners',
      components: ['privatelink-consumer'],
      requirements: { region: 'ap-northeast-1' },
      network: tokyo,
      privateLinkConsumer: {
        serviceName:
          'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0a1b2c3d4e5f60718',
        port: 8443,
        clientCidrs: ['10.0.0.0/16', '10.1.0.0/16'],
        hostedZone: { zoneName: 'partner.internal', recordName: 'api' },
      },
    },
  },
  {
    name: 'privatelink-consumer-with-endpoints',
    input: {
      serviceName: 'consumer-app',
      owner: 'team-apps',
      components: ['endpoints', 'service', 'privatelink-consumer'],
      requirements: { region: 'us-east-1', serviceConnect: true },
      network: {
        vpcId: 'vpc-0fedcba9876543210',
        vpcCidr: '10.20.0.0/16',
        privateSubnets: [
          { id: 'subnet-0aaaaaaa', availabilityZone: 'us-east-1a' },
          { id: 'subnet-0bbbbbbb', availabilityZone: 'us-east-1b' },
        ],
        privateRouteTableIds: ['rtb-0aaaaaaa', 'rtb-0bbbbbbb'],
        endpointSubnets: {
          existingSubnetCidrs: ['10.20.0.0/20', '10.20.16.0/20'],
          prefixLength: 27,
        },
      },
      service: {},
      privateLinkConsumer: {
        serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0',
        clientCidrs: ['10.20.0.0/16'],
      },
    },
    s3Buckets: ['prod-us-east-1-starport-layer-bucket'],
  },
  {
    name: 'bastion-standalone',
    input: {
      serviceName: 'db-access',
      owner: 'team-data',
      components: ['endpoints', 'bastion'],
      requirements: { region: 'ap-northeast-1' },
      network: tokyo,
      bastion: {
        enabled: false,
        targetPorts: [5432, 3306],
        imageTag: '2024.1',
      },
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'bastion-with-service-exec',
    input: {
      serviceName: 'inventory',
      owner: 'team-inventory',
      components: ['endpoints', 'service', 'bastion'],
      requirements: { region: 'ap-northeast-1', exec: { enabled: true } },
      network: tokyo,
      service: {},
      bastion: {},
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'private-dns-resolver-vgw',
    input: {
      serviceName: 'ledger',
      owner: 'team-finance',
      components: ['endpoints', 'service', 'private-dns'],
      requirements: { region: 'ap-northeast-1' },
      network: tokyo,
      service: { loadBalancer: {} },
      privateDns: {
        zoneName: 'corp.internal',
        inboundResolver: {
          subnetIds: ['subnet-0a1b2c3d4e5f60711', 'subnet-0a1b2c3d4e5f60712'],
          allowedCidrs: ['192.168.0.0/24'],
        },
        onPremisesRoutes: {
          cidrs: ['192.168.0.0/16', '172.31.0.0/16'],
          virtualPrivateGatewayId: 'vgw-0a1b2c3d4e5f60718',
        },
      },
    },
    s3Buckets: [tokyoLayers],
  },
  {
    name: 'private-dns-tgw',
    input: {
      serviceName: 'hr-portal',
      owner: 'team-hr',
      components: ['service', 'private-dns'],
      requirements: { region: 'ap-northeast-1' },
      network: tokyo,
      service: { loadBalancer: { listenerPort: 8080 } },
      privateDns: {
        zoneName: 'hr.corp.internal',
        recordName: 'portal',
        onPremisesRoutes: {
          cidrs: ['192.168.0.0/16'],
          transitGatewayId: 'tgw-0a1b2c3d4e5f60718',
        },
      },
    },
  },
  {
    name: 'all-components',
    input: {
      serviceName: 'everything',
      owner: 'team-platform',
      description:
        'Every component at once, with "quotes", ${not_interpolated} and %{ directives } kept literal.\nSecond line.',
      templateVersion: '3.0.0',
      trafficGbPerMonth: 250,
      components: [
        'endpoints',
        'service',
        'privatelink-provider',
        'privatelink-consumer',
        'bastion',
        'private-dns',
      ],
      requirements: {
        region: 'eu-west-1',
        exec: { enabled: true },
        secrets: ['ssm'],
        awsServices: ['sts', 'dynamodb'],
        applicationBuckets: ['acme-everything'],
      },
      network: {
        vpcId: 'vpc-0123456789abcdef0',
        vpcCidr: '172.16.0.0/16',
        privateSubnets: [
          { id: 'subnet-01111111', availabilityZone: 'eu-west-1a' },
          { id: 'subnet-02222222', availabilityZone: 'eu-west-1b' },
          { id: 'subnet-03333333', availabilityZone: 'eu-west-1c' },
        ],
        privateRouteTableIds: ['rtb-01111111', 'rtb-02222222', 'rtb-03333333'],
      },
      service: {
        loadBalancer: {},
        secrets: [
          {
            name: 'TOKEN',
            valueFrom:
              'arn:aws:ssm:eu-west-1:123456789012:parameter/everything/token',
          },
        ],
      },
      privateLinkProvider: {
        allowedPrincipals: ['arn:aws:iam::210987654321:root'],
      },
      privateLinkConsumer: {
        serviceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718',
        clientCidrs: ['172.16.0.0/16'],
        hostedZone: { zoneName: 'partner.internal', recordName: 'api' },
      },
      bastion: { targetPorts: [5432] },
      privateDns: {
        zoneName: 'everything.internal',
        inboundResolver: {
          subnetIds: ['subnet-01111111', 'subnet-02222222'],
          allowedCidrs: ['10.99.0.0/24'],
        },
        onPremisesRoutes: {
          cidrs: ['10.99.0.0/16'],
          transitGatewayId: 'tgw-0a1b2c3d4e5f60718',
        },
      },
    },
    s3Buckets: ['acme-everything', 'prod-eu-west-1-starport-layer-bucket'],
  },
];
