import {
  availabilityZoneNameSchema,
  ecsClusterNameSchema,
  imageTagSchema,
  kmsKeyArnSchema,
  secretReferenceArnSchema,
  transitGatewayIdSchema,
  virtualPrivateGatewayIdSchema,
} from './schemas';

describe('AWS identifier schemas', () => {
  it.each([
    [availabilityZoneNameSchema, 'ap-northeast-1a', 'ap-northeast-1'],
    [virtualPrivateGatewayIdSchema, 'vgw-0a1b2c3d', 'tgw-0a1b2c3d'],
    [transitGatewayIdSchema, 'tgw-0a1b2c3d4e5f60718', 'tgw-XYZ'],
    [
      secretReferenceArnSchema,
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-password-AbCdEf',
      'arn:aws:s3:::bucket',
    ],
    // One JSON key, one version stage, one version ID of a secret.
    [
      secretReferenceArnSchema,
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf:password::',
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf:password',
    ],
    [
      secretReferenceArnSchema,
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf::AWSPREVIOUS:',
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf:a:b:c:d',
    ],
    [
      secretReferenceArnSchema,
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf:::6b2c9a1e-0f3d-4c55-9d7a-2f1e0b3c4d5e',
      'arn:aws:ssm:ap-northeast-1:123456789012:parameter/db:password::',
    ],
    // A partial ARN: the name without the six characters Secrets Manager adds.
    [
      secretReferenceArnSchema,
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:team/db-AbCdEf',
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:team/db',
    ],
    [
      secretReferenceArnSchema,
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf:password::',
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders-db:password::',
    ],
    [
      secretReferenceArnSchema,
      'arn:aws:ssm:ap-northeast-1:123456789012:parameter/app/db/url',
      'arn:aws:ssm:ap-northeast-1:123456789012:parameter',
    ],
    [
      kmsKeyArnSchema,
      'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'arn:aws:kms:ap-northeast-1:123456789012:alias/app',
    ],
    [ecsClusterNameSchema, 'payments_prod-1', 'payments prod'],
    [imageTagSchema, '1.0.0', '-latest'],
  ])('%# accepts %s and rejects %s', (schema, good, bad) => {
    expect(schema.safeParse(good).success).toBe(true);
    const result = schema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/^must be/);
  });
});

describe('secretReferenceArnSchema', () => {
  it.each([
    'arn:aws:secretsmanager:ap-northeast-1',
    'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders db',
  ])('gives a malformed ARN one message, about its shape: %s', arn => {
    const result = secretReferenceArnSchema.safeParse(arn);
    expect(result.error?.issues.map(issue => issue.message)).toEqual([
      expect.stringMatching(/^must be a Secrets Manager secret ARN/),
    ]);
  });
});
