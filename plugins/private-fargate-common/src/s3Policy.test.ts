import { InputError } from '@backstage/errors';
import { buildS3GatewayPolicy, ecrLayerBucketArn } from './s3Policy';

describe('ecrLayerBucketArn', () => {
  it('uses the documented prod- prefix', () => {
    expect(ecrLayerBucketArn('ap-northeast-1')).toBe(
      'arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*',
    );
  });

  it('refuses an unknown Region', () => {
    expect(() => ecrLayerBucketArn('tokyo')).toThrow(
      /Invalid region:\n\(value\): unknown AWS Region "tokyo"/,
    );
  });
});

describe('buildS3GatewayPolicy', () => {
  it('allows only s3:GetObject on the layer bucket by default', () => {
    expect(buildS3GatewayPolicy({ region: 'eu-west-1' })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EcrImageLayers',
          Effect: 'Allow',
          Principal: '*',
          Action: ['s3:GetObject'],
          Resource: ['arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*'],
        },
      ],
    });
  });

  it('adds the Exec log bucket and each application bucket with their own statements', () => {
    const policy = buildS3GatewayPolicy({
      region: 'us-east-1',
      execLogBucket: 'exec-logs',
      applicationBuckets: ['app.assets', 'app-uploads'],
    });
    expect(policy.Statement.map(s => s.Sid)).toEqual([
      'EcrImageLayers',
      'EcsExecSessionLogs',
      'EcsExecSessionLogsEncryption',
      'AppBucket1AppAssets',
      'AppBucket2AppUploads',
    ]);
    expect(policy.Statement[3].Resource).toEqual([
      'arn:aws:s3:::app.assets',
      'arn:aws:s3:::app.assets/*',
    ]);
    expect(policy.Statement[3].Action).not.toContain('s3:*');
    expect(new Set(policy.Statement.map(s => s.Sid)).size).toBe(
      policy.Statement.length,
    );
  });

  it('rejects bad bucket names and names the field', () => {
    expect(() =>
      buildS3GatewayPolicy({
        region: 'us-east-1',
        applicationBuckets: ['ok-bucket', 'Bad Bucket'],
      }),
    ).toThrow(InputError);
    expect(() =>
      buildS3GatewayPolicy({
        region: 'us-east-1',
        applicationBuckets: ['ok-bucket', 'Bad Bucket'],
      }),
    ).toThrow(/applicationBuckets\[1\]: may contain only lower-case/);
    expect(() =>
      buildS3GatewayPolicy({ region: 'us-east-1', execLogBucket: 'x' }),
    ).toThrow(/execLogBucket: must be 3 to 63 characters long/);
    expect(() =>
      buildS3GatewayPolicy({
        region: 'us-east-1',
        applicationBuckets: ['dup-b', 'dup-b'],
      }),
    ).toThrow(/applicationBuckets: lists a bucket twice/);
  });
});
