import {
  Ec2Fixture,
  FixtureVpcEndpoint,
  interfaceEndpointDnsNames,
} from './ec2QueryServer';

/** The demo's accounts, Region, VPCs and endpoint service; examples/entities.yaml uses the same IDs. */
export const DEMO = {
  region: 'ap-northeast-1',
  providerAccountId: '111111111111',
  consumerAccountId: '222222222222',
  paymentsVpcId: 'vpc-0a1b2c3d4e5f60718',
  ordersVpcId: 'vpc-0f1e2d3c4b5a69788',
  reportsVpcId: 'vpc-0b2c3d4e5f6a70819',
  paymentsServiceId: 'vpce-svc-0a1b2c3d4e5f60718',
  ordersConsumerEndpointId: 'vpce-0c0ffee0c0ffee001',
} as const;

const ZONES = ['ap-northeast-1a', 'ap-northeast-1c'];
const SUBNETS = ['subnet-0aa11bb22cc33dd44', 'subnet-0ee55ff66aa77bb88'];

function awsEndpoint(
  vpcId: string,
  vpcEndpointId: string,
  service: string,
  state: string,
  extra: Partial<FixtureVpcEndpoint> = {},
): FixtureVpcEndpoint {
  const serviceName = `com.amazonaws.${DEMO.region}.${service}`;
  if (service === 's3' || service === 'dynamodb') {
    return {
      vpcEndpointId,
      vpcId,
      serviceName,
      type: 'Gateway',
      state,
      routeTableIds: ['rtb-0a1b2c3d4e5f60718'],
      ...extra,
    };
  }
  return {
    vpcEndpointId,
    vpcId,
    serviceName,
    type: 'Interface',
    state,
    subnetIds: SUBNETS,
    privateDnsEnabled: true,
    dnsNames: interfaceEndpointDnsNames(
      vpcEndpointId,
      serviceName,
      DEMO.region,
      ZONES,
    ),
    ...extra,
  };
}

/**
 * Demo data: a provider VPC with endpoints in several states and a PrivateLink service with
 * accepted, pending and rejected connections; a consumer VPC; a VPC missing a declared endpoint.
 */
export function demoFixture(): Ec2Fixture {
  const payments = DEMO.paymentsVpcId;
  const orders = DEMO.ordersVpcId;
  const reports = DEMO.reportsVpcId;
  const paymentsServiceName = `com.amazonaws.vpce.${DEMO.region}.${DEMO.paymentsServiceId}`;
  return {
    vpcEndpoints: [
      awsEndpoint(payments, 'vpce-01a2b3c4d5e6f7001', 'ecr.api', 'available'),
      awsEndpoint(payments, 'vpce-01a2b3c4d5e6f7002', 'ecr.dkr', 'available'),
      awsEndpoint(payments, 'vpce-01a2b3c4d5e6f7003', 's3', 'available'),
      awsEndpoint(payments, 'vpce-01a2b3c4d5e6f7004', 'logs', 'pending'),
      awsEndpoint(
        payments,
        'vpce-01a2b3c4d5e6f7005',
        'secretsmanager',
        'available',
      ),
      awsEndpoint(
        payments,
        'vpce-01a2b3c4d5e6f7006',
        'ssmmessages',
        'available',
      ),
      awsEndpoint(orders, 'vpce-02b3c4d5e6f7a8001', 'ecr.api', 'available'),
      awsEndpoint(orders, 'vpce-02b3c4d5e6f7a8002', 'ecr.dkr', 'available'),
      awsEndpoint(orders, 'vpce-02b3c4d5e6f7a8003', 's3', 'available'),
      awsEndpoint(orders, 'vpce-02b3c4d5e6f7a8004', 'logs', 'available'),
      {
        vpcEndpointId: DEMO.ordersConsumerEndpointId,
        vpcId: orders,
        serviceName: paymentsServiceName,
        type: 'Interface',
        state: 'available',
        subnetIds: SUBNETS,
        privateDnsEnabled: false,
        ownerId: DEMO.consumerAccountId,
        dnsNames: interfaceEndpointDnsNames(
          DEMO.ordersConsumerEndpointId,
          paymentsServiceName,
          DEMO.region,
          ZONES,
        ),
      },
      awsEndpoint(reports, 'vpce-03c4d5e6f7a8b9001', 'ecr.api', 'available'),
      awsEndpoint(reports, 'vpce-03c4d5e6f7a8b9002', 'ecr.dkr', 'available'),
      awsEndpoint(reports, 'vpce-03c4d5e6f7a8b9003', 's3', 'available'),
      awsEndpoint(reports, 'vpce-03c4d5e6f7a8b9004', 'logs', 'available'),
      awsEndpoint(reports, 'vpce-03c4d5e6f7a8b9005', 'kms', 'failed', {
        lastError: {
          code: 'InsufficientFreeAddressesInSubnet',
          message:
            'The subnet subnet-0ee55ff66aa77bb88 has no free addresses for the endpoint ENI.',
        },
      }),
    ],
    serviceConfigurations: [
      {
        serviceId: DEMO.paymentsServiceId,
        serviceName: paymentsServiceName,
        state: 'Available',
        acceptanceRequired: true,
        availabilityZones: ZONES,
      },
    ],
    connections: [
      {
        serviceId: DEMO.paymentsServiceId,
        vpcEndpointId: DEMO.ordersConsumerEndpointId,
        ownerId: DEMO.consumerAccountId,
        state: 'available',
        createdAt: '2026-10-02T08:15:00.000Z',
      },
      {
        serviceId: DEMO.paymentsServiceId,
        vpcEndpointId: 'vpce-0d1e2f3a4b5c6d001',
        ownerId: '333333333333',
        state: 'pendingAcceptance',
        createdAt: '2026-11-20T16:40:00.000Z',
      },
      {
        serviceId: DEMO.paymentsServiceId,
        vpcEndpointId: 'vpce-0d1e2f3a4b5c6d002',
        ownerId: '444444444444',
        state: 'rejected',
        createdAt: '2026-09-11T11:05:00.000Z',
      },
    ],
    permissions: [
      {
        serviceId: DEMO.paymentsServiceId,
        principal: `arn:aws:iam::${DEMO.consumerAccountId}:root`,
      },
      {
        serviceId: DEMO.paymentsServiceId,
        principal: 'arn:aws:iam::333333333333:root',
      },
    ],
  };
}
