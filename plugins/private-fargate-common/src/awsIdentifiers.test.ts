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
