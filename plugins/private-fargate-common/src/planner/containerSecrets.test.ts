import { SECRET_SOURCES } from './requirements';
import {
  containerSecretSchema,
  secretSourceOf,
  secretArnOf,
  secretSourcesOf,
  secretsInOtherRegions,
  secretsNeedingNewerPlatform,
  selectsPartOfSecret,
} from './containerSecrets';

const secretArn =
  'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders-db-AbCdEf';
const parameterArn =
  'arn:aws:ssm:ap-northeast-1:123456789012:parameter/orders/api-key';

describe('secretSourceOf', () => {
  it.each([
    [secretArn, 'secretsmanager'],
    [parameterArn, 'ssm'],
    ['arn:aws:s3:::orders-db', undefined],
    // A name that mentions a store is not in that store.
    [
      'arn:aws:ssm:ap-northeast-1:123456789012:parameter/arn:aws:secretsmanager:x',
      'ssm',
    ],
  ])('should put %s in %s', (arn, source) => {
    expect(secretSourceOf(arn)).toBe(source);
  });
});

describe('secretSourcesOf', () => {
  it('should list each store once, in SECRET_SOURCES order', () => {
    expect(secretSourcesOf([parameterArn, secretArn, parameterArn])).toEqual([
      ...SECRET_SOURCES,
    ]);
    expect(secretSourcesOf([parameterArn])).toEqual(['ssm']);
    expect(secretSourcesOf([])).toEqual([]);
  });
});

describe('containerSecretSchema', () => {
  it('should take an environment variable name and a secret ARN', () => {
    expect(
      containerSecretSchema.parse({
        name: 'DB_PASSWORD',
        valueFrom: secretArn,
      }),
    ).toEqual({ name: 'DB_PASSWORD', valueFrom: secretArn });
  });

  it.each([
    [{ name: 'db-password', valueFrom: secretArn }, 'environment variable'],
    [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:s3:::x' }, 'Secrets Manager'],
    [
      { name: 'DB_PASSWORD', valueFrom: secretArn.replace(/-AbCdEf$/, '') },
      "secret's full ARN",
    ],
    [
      { name: 'DB_PASSWORD', valueFrom: secretArn, version: 1 },
      'Unrecognized key',
    ],
  ])('should refuse %j', (value, message) => {
    const result = containerSecretSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(JSON.stringify(!result.success && result.error.issues)).toContain(
      message,
    );
  });
});

describe('secretsInOtherRegions', () => {
  it("should name the secrets outside the task's Region and say how to bring each in", () => {
    const problems = secretsInOtherRegions('ap-northeast-1', [
      { name: 'A', valueFrom: secretArn },
      {
        name: 'B',
        valueFrom: secretArn.replace('ap-northeast-1', 'us-east-1'),
      },
      {
        name: 'C',
        valueFrom: parameterArn.replace('ap-northeast-1', 'eu-west-1'),
      },
    ]);
    expect(problems).toEqual([
      {
        index: 1,
        message:
          "is in us-east-1, but the task runs in ap-northeast-1 and VPC endpoints reach only their own Region's Secrets Manager, so without a NAT gateway it could not read it: replicate the secret into ap-northeast-1 and use the replica's ARN",
      },
      {
        index: 2,
        message: expect.stringMatching(
          /^is in eu-west-1, .* SSM Parameter Store, .*: copy the parameter into ap-northeast-1 and use that ARN$/,
        ),
      },
    ]);
    expect(secretsInOtherRegions('ap-northeast-1', [])).toEqual([]);
  });
});

describe('secretArnOf and selectsPartOfSecret', () => {
  it.each([
    [secretArn, secretArn, false],
    [`${secretArn}:password::`, secretArn, true],
    [`${secretArn}::AWSPREVIOUS:`, secretArn, true],
    [parameterArn, parameterArn, false],
  ])('should read %s as a reference to %s', (valueFrom, arn, part) => {
    expect(secretArnOf(valueFrom)).toBe(arn);
    expect(selectsPartOfSecret(valueFrom)).toBe(part);
  });
});

describe('secretsNeedingNewerPlatform', () => {
  const secrets = [
    { name: 'DB_URL', valueFrom: secretArn },
    { name: 'DB_PASSWORD', valueFrom: `${secretArn}:password::` },
    { name: 'API_KEY', valueFrom: parameterArn },
  ];

  it('should name the secrets that select a JSON key or version on platform 1.3.0', () => {
    expect(secretsNeedingNewerPlatform('1.3.0', secrets)).toEqual([
      {
        index: 1,
        message: expect.stringMatching(
          /^selects a JSON key or a version of the secret, which Fargate injects from platform version 1\.4\.0: set the platform version to LATEST or 1\.4\.0/,
        ),
      },
    ]);
  });

  it.each(['1.4.0', 'LATEST'])('should take them all on %s', version => {
    expect(secretsNeedingNewerPlatform(version, secrets)).toEqual([]);
  });
});
