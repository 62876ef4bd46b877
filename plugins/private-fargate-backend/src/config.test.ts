import { ConfigReader } from '@backstage/config';
import { readPrivateFargateConfig } from './config';

describe('readPrivateFargateConfig', () => {
  it('should use defaults when nothing is configured', () => {
    expect(readPrivateFargateConfig(new ConfigReader({}))).toEqual({
      demo: false,
      cacheTtlMs: 60_000,
      ec2Endpoint: undefined,
      timeoutMs: 10_000,
      maxAttempts: 3,
      configuredAccountIds: [],
    });
  });

  it('should read every setting and the configured accounts', () => {
    const config = new ConfigReader({
      aws: {
        accounts: [
          { accountId: '111111111111', roleName: 'reader' },
          { accountId: '222222222222', profile: 'dev' },
        ],
      },
      privateFargate: {
        demo: true,
        status: { cacheTtl: '2m' },
        aws: {
          ec2Endpoint: 'http://127.0.0.1:4599',
          timeout: { seconds: 3 },
          maxAttempts: 1,
        },
      },
    });
    expect(readPrivateFargateConfig(config)).toEqual({
      demo: true,
      cacheTtlMs: 120_000,
      ec2Endpoint: 'http://127.0.0.1:4599',
      timeoutMs: 3_000,
      maxAttempts: 1,
      configuredAccountIds: ['111111111111', '222222222222'],
    });
  });

  it.each([
    [{ status: { cacheTtl: 'soon' } }, 'privateFargate.status.cacheTtl'],
    [{ status: { cacheTtl: '0s' } }, 'privateFargate.status.cacheTtl'],
    [{ aws: { timeout: 'later' } }, 'privateFargate.aws.timeout'],
    [
      { aws: { ec2Endpoint: 'localhost 4599' } },
      'privateFargate.aws.ec2Endpoint',
    ],
    [
      { aws: { ec2Endpoint: 'ftp://127.0.0.1' } },
      'privateFargate.aws.ec2Endpoint',
    ],
    [{ aws: { maxAttempts: 0 } }, 'privateFargate.aws.maxAttempts'],
  ])('should reject %j naming the key', (privateFargate, key) => {
    expect(() =>
      readPrivateFargateConfig(new ConfigReader({ privateFargate })),
    ).toThrow(key);
  });
});
