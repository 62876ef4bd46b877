import type { EndpointServiceSuffix } from '../catalogue';

/**
 * Why a planned endpoint is needed: a stable code naming the requirement behind it.
 * `aws-service:<suffix>` names an entry of `awsServices`.
 *
 * @public
 */
export type PlanReason =
  | 'image-pull:ecr'
  | 'image-pull:ecr-pull-through-cache'
  | 'logging:awslogs'
  | 'logging:firelens-cloudwatch'
  | 'exec'
  | 'exec:kms-key'
  | 'exec:session-logs:cloudwatch'
  | 'exec:session-logs:s3'
  | 'secrets:secretsmanager'
  | 'secrets:ssm'
  | 'xray'
  | 'service-connect'
  | 'bastion'
  | 'launch-type:ec2'
  | 'region-needs-ecs-endpoints'
  | 'application-buckets'
  | `aws-service:${EndpointServiceSuffix}`;

const DESCRIPTIONS: Record<string, string> = {
  'image-pull:ecr': 'pull images from private ECR',
  'image-pull:ecr-pull-through-cache':
    'pull images through an ECR pull-through cache',
  'logging:awslogs': 'awslogs log driver',
  'logging:firelens-cloudwatch': 'FireLens to CloudWatch Logs',
  exec: 'ECS Exec',
  'exec:kms-key': 'ECS Exec with a KMS key',
  'exec:session-logs:cloudwatch': 'ECS Exec session logs to CloudWatch',
  'exec:session-logs:s3': 'ECS Exec session logs to S3',
  'secrets:secretsmanager': 'Secrets Manager secrets in the task definition',
  'secrets:ssm': 'SSM parameters in the task definition',
  xray: 'X-Ray traces',
  'service-connect': 'ECS Service Connect',
  bastion: 'SSM Session Manager bastion',
  'launch-type:ec2': 'EC2 launch type (container instances)',
  'region-needs-ecs-endpoints':
    'Region launched after 2023-12-23 needs all three ECS endpoints',
  'application-buckets': 'application S3 buckets',
};

/**
 * A short human description of a reason code, e.g. `ECS Exec` for `exec`.
 *
 * @public
 */
export function describePlanReason(reason: string): string {
  if (reason.startsWith('aws-service:')) {
    return `application calls ${reason.slice('aws-service:'.length)}`;
  }
  return DESCRIPTIONS[reason] ?? reason;
}
