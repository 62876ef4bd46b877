import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type { StatusErrorKind } from '@private-fargate/plugin-private-fargate-common';
import { Ec2QueryServer } from '../testing/ec2QueryServer';
import { failureOf } from '../__testUtils__/failureOf';
import { Ec2Reader } from './Ec2Reader';

// The real @aws-sdk/client-ec2 against the loopback EC2 server: the error codes arrive as AWS sends them.

const target = {
  accountId: '123456789012',
  region: 'ap-northeast-1',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
};

function credentialsManager(
  provider: () => Promise<{ accessKeyId: string; secretAccessKey: string }>,
): AwsCredentialsManager {
  return {
    getCredentialProvider: async () => ({ sdkCredentialProvider: provider }),
  };
}

const staticKeys = async () => ({
  accessKeyId: 'AKIATEST',
  secretAccessKey: 'secret',
});

describe('classifyEc2Error through the real SDK', () => {
  let server: Ec2QueryServer;

  beforeAll(async () => {
    server = await Ec2QueryServer.start({
      fixture: {
        vpcEndpoints: [],
        serviceConfigurations: [],
        connections: [],
        permissions: [],
      },
    });
  });

  afterEach(() => {
    server.clearFaults();
  });

  afterAll(async () => {
    await server.stop();
  });

  function reader(provider = staticKeys) {
    return Ec2Reader.create({
      credentialsManager: credentialsManager(provider),
      endpoint: server.url,
      timeoutMs: 2000,
      maxAttempts: 1,
    });
  }

  it.each<[string, number, StatusErrorKind, string, string]>([
    [
      'ExpiredToken',
      400,
      'credentials-expired',
      'The security token included in the request is expired',
      'have expired',
    ],
    [
      'ExpiredTokenException',
      403,
      'credentials-expired',
      'The security token included in the request is expired',
      'have expired',
    ],
    [
      'RequestExpired',
      400,
      'clock-skew',
      'Request has expired.',
      "Synchronise the host's clock (NTP)",
    ],
    [
      'OptInRequired',
      403,
      'region-not-enabled',
      'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.',
      'Enable ap-northeast-1',
    ],
    [
      'UnauthorizedOperation',
      403,
      'access-denied',
      'You are not authorized to perform this operation.',
      'read-only policy',
    ],
  ])(
    'should report %s (HTTP %i) as %s with advice that fits',
    async (code, status, kind, message, advice) => {
      server.setFault('DescribeVpcEndpoints', {
        kind: 'error',
        status,
        code,
        message,
      });

      const failure = await failureOf(reader().readVpcEndpoints(target));

      expect(failure.callError).toEqual({
        operation: 'DescribeVpcEndpoints',
        kind,
        message: expect.stringContaining(advice),
      });
      expect(failure.callError.message).toContain(code);
      expect(failure.callError.message).toMatch(/account 123456789012/i);
    },
  );

  it('should say the role could not be assumed when STS refuses AssumeRole, not that EC2 denied the call', async () => {
    const stsRefusal = Object.assign(
      new Error(
        'User: arn:aws:sts::999999999999:assumed-role/backstage/task is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/backstage-private-fargate-readonly',
      ),
      { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } },
    );
    const calls = server.callCount();

    const failure = await failureOf(
      reader(async () => {
        throw stsRefusal;
      }).readVpcEndpoints(target),
    );

    expect(failure.callError.kind).toBe('assume-role-denied');
    expect(failure.callError.message).toContain('trust policy');
    expect(failure.callError.message).toContain('aws.accounts');
    expect(failure.callError.message).not.toContain('read-only policy');
    expect(server.callCount()).toBe(calls);
  });
});
