import {
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { mockClient } from 'aws-sdk-client-mock';
import { failureOf } from '../__testUtils__/failureOf';
import { Ec2Reader } from './Ec2Reader';

const ec2 = mockClient(EC2Client);

const target = { accountId: '123456789012', region: 'eu-west-1' };

function credentialsManager(): AwsCredentialsManager & {
  getCredentialProvider: jest.Mock;
} {
  return {
    getCredentialProvider: jest.fn(async () => ({
      sdkCredentialProvider: async () => ({
        accessKeyId: 'AKIA',
        secretAccessKey: 'secret',
      }),
    })),
  };
}

function reader(manager = credentialsManager()) {
  return Ec2Reader.create({
    credentialsManager: manager,
    timeoutMs: 1000,
    maxAttempts: 1,
  });
}

function awsError(name: string, message = name) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: 400 },
  });
}

describe('Ec2Reader', () => {
  beforeEach(() => {
    ec2.reset();
  });

  it('should read every page of one VPC and normalise what EC2 answers', async () => {
    ec2
      .on(DescribeVpcEndpointsCommand)
      .resolvesOnce({
        VpcEndpoints: [
          {
            VpcEndpointId: 'vpce-0aaaaaaaaaaaaaaa1',
            ServiceName: 'com.amazonaws.eu-west-1.ecr.api',
            VpcEndpointType: 'Interface',
            State: 'PendingAcceptance',
            SubnetIds: ['subnet-0aaaaaaaaaaaaaaa1'],
            PrivateDnsEnabled: true,
            DnsEntries: [
              {
                DnsName:
                  'vpce-0aaaaaaaaaaaaaaa1-abcdefgh.api.ecr.eu-west-1.vpce.amazonaws.com',
              },
              {
                DnsName:
                  'vpce-0aaaaaaaaaaaaaaa1-abcdefgh-eu-west-1b.api.ecr.eu-west-1.vpce.amazonaws.com',
              },
              {
                DnsName:
                  'vpce-0aaaaaaaaaaaaaaa1-abcdefgh-eu-west-1a.api.ecr.eu-west-1.vpce.amazonaws.com',
              },
              { DnsName: 'api.ecr.eu-west-1.amazonaws.com' },
            ],
            LastError: { Code: 'Oops', Message: 'Something broke' },
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        VpcEndpoints: [
          {
            VpcEndpointId: 'vpce-0aaaaaaaaaaaaaaa2',
            ServiceName: 'com.amazonaws.eu-west-1.s3',
            VpcEndpointType: 'Gateway',
            State: 'Available',
          },
        ],
      });

    const snapshot = await reader().readVpcEndpoints({
      ...target,
      vpcId: 'vpc-0123456789abcdef0',
    });

    const calls = ec2.commandCalls(DescribeVpcEndpointsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0].args[0].input).toEqual({
      Filters: [{ Name: 'vpc-id', Values: ['vpc-0123456789abcdef0'] }],
      MaxResults: 1000,
      NextToken: undefined,
    });
    expect(calls[1].args[0].input.NextToken).toBe('page-2');
    expect(snapshot.endpoints).toEqual([
      {
        endpointId: 'vpce-0aaaaaaaaaaaaaaa1',
        serviceName: 'com.amazonaws.eu-west-1.ecr.api',
        type: 'Interface',
        state: 'pendingAcceptance',
        subnetIds: ['subnet-0aaaaaaaaaaaaaaa1'],
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        privateDnsEnabled: true,
        dnsNames: [
          'vpce-0aaaaaaaaaaaaaaa1-abcdefgh.api.ecr.eu-west-1.vpce.amazonaws.com',
          'vpce-0aaaaaaaaaaaaaaa1-abcdefgh-eu-west-1b.api.ecr.eu-west-1.vpce.amazonaws.com',
          'vpce-0aaaaaaaaaaaaaaa1-abcdefgh-eu-west-1a.api.ecr.eu-west-1.vpce.amazonaws.com',
          'api.ecr.eu-west-1.amazonaws.com',
        ],
        lastError: 'Oops: Something broke',
      },
      {
        endpointId: 'vpce-0aaaaaaaaaaaaaaa2',
        serviceName: 'com.amazonaws.eu-west-1.s3',
        type: 'Gateway',
        state: 'available',
        subnetIds: [],
        availabilityZones: [],
        dnsNames: [],
      },
    ]);
  });

  it('should stop a listing whose page token repeats', async () => {
    ec2
      .on(DescribeVpcEndpointsCommand)
      .resolves({ VpcEndpoints: [], NextToken: 'same' });
    const failure = await failureOf(
      reader().readVpcEndpoints({ ...target, vpcId: 'vpc-0123456789abcdef0' }),
    );
    expect(failure.callError.kind).toBe('malformed-response');
    expect(ec2.commandCalls(DescribeVpcEndpointsCommand)).toHaveLength(2);
  });

  it.each([
    ['RequestLimitExceeded', 'throttled'],
    ['Throttling', 'throttled'],
    ['UnauthorizedOperation', 'access-denied'],
    ['AuthFailure', 'access-denied'],
    ['InvalidVpcEndpointServiceId.NotFound', 'not-found'],
    ['InternalError', 'unknown'],
  ])('should classify %s as %s', async (code, kind) => {
    ec2
      .on(DescribeVpcEndpointsCommand)
      .rejects(awsError(code, `EC2 said ${code}`));
    const failure = await failureOf(
      reader().readVpcEndpoints({ ...target, vpcId: 'vpc-0123456789abcdef0' }),
    );
    expect(failure.callError).toEqual({
      operation: 'DescribeVpcEndpoints',
      kind,
      message: expect.stringContaining('123456789012'),
    });
  });

  it('should ask for credentials again after a failed lookup', async () => {
    const manager = credentialsManager();
    manager.getCredentialProvider.mockRejectedValueOnce(
      new Error('no such role'),
    );
    ec2.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [] });
    const ec2Reader = reader(manager);

    const failure = await failureOf(
      ec2Reader.readVpcEndpoints({ ...target, vpcId: 'vpc-0123456789abcdef0' }),
    );
    expect(failure.callError.message).toContain('no such role');
    await expect(
      ec2Reader.readVpcEndpoints({ ...target, vpcId: 'vpc-0123456789abcdef0' }),
    ).resolves.toEqual({ endpoints: [] });
    expect(manager.getCredentialProvider).toHaveBeenCalledTimes(2);
    expect(manager.getCredentialProvider).toHaveBeenCalledWith({
      accountId: '123456789012',
    });
  });

  it('should read an endpoint service with all its connections and principals', async () => {
    const serviceId = 'vpce-svc-0123456789abcdef0';
    ec2.on(DescribeVpcEndpointServiceConfigurationsCommand).resolves({
      ServiceConfigurations: [
        {
          ServiceId: serviceId,
          ServiceName: `com.amazonaws.vpce.eu-west-1.${serviceId}`,
          ServiceState: 'Available',
          AcceptanceRequired: true,
        },
      ],
    });
    ec2
      .on(DescribeVpcEndpointConnectionsCommand)
      .resolvesOnce({
        VpcEndpointConnections: [
          {
            ServiceId: serviceId,
            VpcEndpointId: 'vpce-0bbbbbbbbbbbbbbb1',
            VpcEndpointOwner: '210987654321',
            VpcEndpointState: 'PendingAcceptance',
            CreationTimestamp: new Date('2026-05-01T10:00:00Z'),
          },
        ],
        NextToken: 'more',
      })
      .resolvesOnce({
        VpcEndpointConnections: [
          {
            ServiceId: serviceId,
            VpcEndpointId: 'vpce-0bbbbbbbbbbbbbbb2',
            VpcEndpointState: 'Rejected',
          },
        ],
      });
    ec2
      .on(DescribeVpcEndpointServicePermissionsCommand)
      .resolvesOnce({
        AllowedPrincipals: [{ Principal: 'arn:aws:iam::210987654321:root' }],
        NextToken: 'x',
      })
      .resolvesOnce({
        AllowedPrincipals: [{ Principal: 'arn:aws:iam::333333333333:root' }],
      });

    const snapshot = await reader().readEndpointService({
      ...target,
      serviceId,
    });

    expect(snapshot).toEqual({
      serviceId,
      serviceName: `com.amazonaws.vpce.eu-west-1.${serviceId}`,
      state: 'available',
      acceptanceRequired: true,
      allowedPrincipalsCount: 2,
      connections: [
        {
          endpointId: 'vpce-0bbbbbbbbbbbbbbb1',
          consumerAccountId: '210987654321',
          state: 'pendingAcceptance',
          createdAt: '2026-05-01T10:00:00.000Z',
        },
        { endpointId: 'vpce-0bbbbbbbbbbbbbbb2', state: 'rejected' },
      ],
      errors: [],
    });
    expect(
      ec2.commandCalls(DescribeVpcEndpointConnectionsCommand)[0].args[0].input
        .Filters,
    ).toEqual([{ Name: 'service-id', Values: [serviceId] }]);
    expect(
      ec2.commandCalls(DescribeVpcEndpointServicePermissionsCommand)[1].args[0]
        .input,
    ).toMatchObject({
      ServiceId: serviceId,
      NextToken: 'x',
    });
  });

  it('should say not-found when EC2 lists no such endpoint service', async () => {
    ec2
      .on(DescribeVpcEndpointServiceConfigurationsCommand)
      .resolves({ ServiceConfigurations: [] });
    ec2
      .on(DescribeVpcEndpointConnectionsCommand)
      .resolves({ VpcEndpointConnections: [] });
    ec2
      .on(DescribeVpcEndpointServicePermissionsCommand)
      .resolves({ AllowedPrincipals: [] });
    const failure = await failureOf(
      reader().readEndpointService({
        ...target,
        serviceId: 'vpce-svc-0123456789abcdef0',
      }),
    );
    expect(failure.callError).toMatchObject({
      operation: 'DescribeVpcEndpointServiceConfigurations',
      kind: 'not-found',
    });
    expect(failure.callError.message).toContain(
      'private-fargate/endpoint-service-id',
    );
  });
});
