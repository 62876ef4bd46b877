import { z } from 'zod/v3';
import { ENDPOINT_SERVICE_SUFFIXES } from '../catalogue';
import {
  awsRegionSchema,
  endpointServiceSuffixSchema,
  oneOf,
  s3BucketNameSchema,
} from '../schemas';

/** @public */
export const LAUNCH_TYPES = ['FARGATE', 'EC2'] as const;
/** @public */
export const PLATFORM_VERSIONS = ['LATEST', '1.4.0', '1.3.0'] as const;
/** @public */
export const IMAGE_SOURCES = [
  'ecr',
  'ecr-pull-through-cache',
  'external',
] as const;
/** @public */
export const LOGGING_MODES = [
  'awslogs',
  'firelens-cloudwatch',
  'none',
] as const;
/** @public */
export const EXEC_SESSION_LOG_DESTINATIONS = [
  'none',
  'cloudwatch',
  's3',
] as const;
/** @public */
export const SECRET_SOURCES = ['secretsmanager', 'ssm'] as const;
/** @public */
export const EGRESS_MODES = ['none', 'nat'] as const;

function uniqueList<T extends z.ZodType>(item: T, field: string) {
  return z
    .array(item)
    .default([])
    .refine(
      list => new Set(list as unknown[]).size === list.length,
      `lists the same ${field} twice`,
    );
}

/** ECS Exec settings. @public */
export const execRequirementsSchema = z
  .object({
    enabled: z
      .boolean()
      .default(false)
      .describe('Enable ECS Exec on the service'),
    kmsKey: z
      .boolean()
      .default(false)
      .describe(
        'Encrypt Exec sessions with a customer-managed KMS key (cluster exec config kmsKeyId)',
      ),
    sessionLogs: oneOf(EXEC_SESSION_LOG_DESTINATIONS)
      .default('none')
      .describe('Where Exec session logs go'),
  })
  .strict();

/**
 * What a Fargate service needs, as the planner reads it. Every field but `region` has a default.
 *
 * @public
 */
export const planRequirementsSchema = z
  .object({
    region: awsRegionSchema.describe('AWS Region code, e.g. ap-northeast-1'),
    launchType: oneOf(LAUNCH_TYPES)
      .default('FARGATE')
      .describe('ECS launch type'),
    platformVersion: oneOf(PLATFORM_VERSIONS)
      .default('LATEST')
      .describe(
        'Fargate platform version (LATEST is 1.4.0 on Linux); ignored for EC2',
      ),
    imageSource: oneOf(IMAGE_SOURCES)
      .default('ecr')
      .describe(
        'Where images come from: private ECR, an ECR pull-through cache, or an outside registry',
      ),
    logging: oneOf(LOGGING_MODES)
      .default('awslogs')
      .describe('Container log destination'),
    exec: execRequirementsSchema.default({
      enabled: false,
      kmsKey: false,
      sessionLogs: 'none',
    }),
    secrets: uniqueList(oneOf(SECRET_SOURCES), 'secret source').describe(
      'Where task-definition secrets come from',
    ),
    xray: z
      .boolean()
      .default(false)
      .describe('The X-Ray daemon or ADOT sends traces'),
    serviceConnect: z
      .boolean()
      .default(false)
      .describe('The service uses ECS Service Connect'),
    efs: z.boolean().default(false).describe('The task mounts EFS volumes'),
    bastion: z
      .boolean()
      .default(false)
      .describe('An SSM Session Manager bastion task runs in the VPC'),
    awsServices: uniqueList(
      endpointServiceSuffixSchema,
      'AWS service',
    ).describe(
      `Other AWS APIs the application calls, from: ${ENDPOINT_SERVICE_SUFFIXES.join(
        ', ',
      )}`,
    ),
    egress: oneOf(EGRESS_MODES)
      .default('none')
      .describe(
        'none: nothing leaves the VPC; nat: a NAT path exists for whatever has no endpoint',
      ),
    applicationBuckets: uniqueList(s3BucketNameSchema, 'bucket').describe(
      'S3 buckets the application reads or writes (allowed by the S3 gateway endpoint policy)',
    ),
    execLogBucket: s3BucketNameSchema
      .optional()
      .describe(
        'S3 bucket for ECS Exec session logs (with exec.sessionLogs = s3)',
      ),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.exec.sessionLogs === 's3' && !value.execLogBucket) {
      ctx.addIssue({
        code: 'custom',
        path: ['execLogBucket'],
        message:
          'is required when exec.sessionLogs is "s3": name the bucket for session logs',
      });
    }
    if (value.execLogBucket && value.exec.sessionLogs !== 's3') {
      ctx.addIssue({
        code: 'custom',
        path: ['execLogBucket'],
        message:
          'is only used with exec.sessionLogs = "s3"; set that or remove the bucket',
      });
    }
    if (value.exec.sessionLogs !== 'none' && !value.exec.enabled) {
      ctx.addIssue({
        code: 'custom',
        path: ['exec', 'sessionLogs'],
        message: 'needs exec.enabled = true',
      });
    }
    if (value.exec.kmsKey && !value.exec.enabled) {
      ctx.addIssue({
        code: 'custom',
        path: ['exec', 'kmsKey'],
        message: 'needs exec.enabled = true',
      });
    }
  });

/** Requirements as callers write them (defaults optional). @public */
export type PlanRequirementsInput = z.input<typeof planRequirementsSchema>;

/** Requirements after parsing (defaults filled in). @public */
export type PlanRequirements = z.output<typeof planRequirementsSchema>;
