import { z } from 'zod/v3';
import { parseOrThrow } from './errors';
import { awsRegionSchema, s3BucketNameSchema } from './schemas';

/** One statement of an IAM (endpoint) policy. @public */
export interface IamPolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal: '*';
  Action: string[];
  Resource: string[];
}

/** An IAM policy document, as attached to a VPC endpoint. @public */
export interface IamPolicyDocument {
  Version: '2012-10-17';
  Statement: IamPolicyStatement[];
}

/**
 * The ECR layer bucket of a Region: `arn:aws:s3:::prod-<region>-starport-layer-bucket/*`.
 * Source [S1] "Minimum Amazon S3 bucket permissions":
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html (the widely copied
 * variant without `prod-` denies every layer download).
 *
 * @public
 */
export function ecrLayerBucketArn(region: string): string {
  const checked = parseOrThrow(awsRegionSchema, region, 'region');
  return `arn:aws:s3:::prod-${checked}-starport-layer-bucket/*`;
}

/** Options of {@link buildS3GatewayPolicy}. @public */
export const s3GatewayPolicyOptionsSchema = z.object({
  region: awsRegionSchema,
  execLogBucket: s3BucketNameSchema.optional(),
  applicationBuckets: z
    .array(s3BucketNameSchema)
    .default([])
    .refine(
      buckets => new Set(buckets).size === buckets.length,
      'lists a bucket twice',
    ),
});

/** Input of {@link buildS3GatewayPolicy}. @public */
export type S3GatewayPolicyOptions = z.input<
  typeof s3GatewayPolicyOptionsSchema
>;

// ECS Exec writes session logs with PutObject and first reads the bucket's encryption setting
// [S6] https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html (IAM for S3 logging).
const EXEC_LOG_OBJECT_ACTIONS = ['s3:PutObject'];
const EXEC_LOG_BUCKET_ACTIONS = ['s3:GetEncryptionConfiguration'];

// The endpoint policy is a ceiling on top of IAM, so application buckets get the everyday
// object and listing actions; the task role still decides what the app may really do.
const APPLICATION_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:ListBucket',
  's3:GetBucketLocation',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
];

function sidFor(bucket: string): string {
  return bucket
    .split(/[.-]/)
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The S3 gateway endpoint policy: least privilege (`s3:GetObject` on the ECR layer bucket),
 * plus one statement for the ECS Exec log bucket and one per application bucket.
 * Throws `InputError` naming the bad bucket or Region.
 *
 * @public
 */
export function buildS3GatewayPolicy(
  options: S3GatewayPolicyOptions,
): IamPolicyDocument {
  const { region, execLogBucket, applicationBuckets } = parseOrThrow(
    s3GatewayPolicyOptionsSchema,
    options,
    'S3 gateway endpoint policy options',
  );
  const statements: IamPolicyStatement[] = [
    {
      Sid: 'EcrImageLayers',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject'],
      Resource: [ecrLayerBucketArn(region)],
    },
  ];
  if (execLogBucket) {
    statements.push(
      {
        Sid: 'EcsExecSessionLogs',
        Effect: 'Allow',
        Principal: '*',
        Action: EXEC_LOG_OBJECT_ACTIONS,
        Resource: [`arn:aws:s3:::${execLogBucket}/*`],
      },
      {
        Sid: 'EcsExecSessionLogsEncryption',
        Effect: 'Allow',
        Principal: '*',
        Action: EXEC_LOG_BUCKET_ACTIONS,
        Resource: [`arn:aws:s3:::${execLogBucket}`],
      },
    );
  }
  applicationBuckets.forEach((bucket, index) => {
    statements.push({
      Sid: `AppBucket${index + 1}${sidFor(bucket)}`,
      Effect: 'Allow',
      Principal: '*',
      Action: APPLICATION_ACTIONS,
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
    });
  });
  return { Version: '2012-10-17', Statement: statements };
}
