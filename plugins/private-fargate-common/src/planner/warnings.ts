import { regionRequiresEcsEndpoints } from '../regions';
import type { EndpointNeed } from './rules';
import type { PlanRequirements } from './requirements';

/** Stable warning codes, in the order plans list them. @public */
export const PLAN_WARNING_CODES = [
  'external-registry',
  'pull-through-cache-first-pull',
  'exec-needs-1.4.0',
  'efs-needs-1.4.0',
  'region-needs-ecs-endpoints',
  's3-application-buckets-missing',
  'efs-mount-targets',
] as const;

/** @public */
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];

/**
 * Something the endpoints alone do not solve. `warning`: it will not work as planned;
 * `info`: it works (usually because egress is `nat`) but is worth knowing.
 *
 * @public
 */
export interface PlanWarning {
  code: PlanWarningCode;
  severity: 'warning' | 'info';
  message: string;
}

type WarningRule = (
  requirements: PlanRequirements,
  needs: EndpointNeed[],
) => PlanWarning | undefined;

// With egress 'nat', problems that only need an internet path become 'info': they work, through
// NAT, and the message says what that costs or implies. Problems NAT does not fix stay 'warning'.
const WARNING_RULES: WarningRule[] = [
  // [S1][S7] outside registries (Docker Hub, GHCR, ...) have no VPC endpoint.
  requirements => {
    if (requirements.imageSource !== 'external') {
      return undefined;
    }
    return requirements.egress === 'nat'
      ? {
          code: 'external-registry',
          severity: 'info',
          message:
            'Images from an outside registry are pulled through NAT (NAT data processing applies). ' +
            'Registry credentials (repositoryCredentials) need the secretsmanager endpoint or NAT.',
        }
      : {
          code: 'external-registry',
          severity: 'warning',
          message:
            'An outside registry has no VPC endpoint, so tasks cannot pull without internet. ' +
            'Mirror the images into private ECR (a pull-through cache rule pre-warmed from a network ' +
            'with internet, or replication), or use egress "nat".',
        };
  },
  // [S1] "the first pull of a cached image needs a NAT gateway route"; later pulls do not.
  requirements => {
    if (requirements.imageSource !== 'ecr-pull-through-cache') {
      return undefined;
    }
    return requirements.egress === 'nat'
      ? {
          code: 'pull-through-cache-first-pull',
          severity: 'info',
          message:
            'The first pull of each image through the cache rule goes out through NAT; later pulls ' +
            'are served by ECR through the endpoints.',
        }
      : {
          code: 'pull-through-cache-first-pull',
          severity: 'warning',
          message:
            'The first pull of each image through an ECR pull-through cache rule needs a NAT route, ' +
            'which this VPC does not have. Pre-warm every image tag from a network with internet ' +
            'access before deploying, or use egress "nat".',
        };
  },
  // [S6] ECS Exec on Fargate needs platform 1.4.0 or later; NAT does not change that.
  requirements =>
    requirements.exec.enabled &&
    requirements.launchType === 'FARGATE' &&
    requirements.platformVersion === '1.3.0'
      ? {
          code: 'exec-needs-1.4.0',
          severity: 'warning',
          message:
            'ECS Exec needs Fargate platform version 1.4.0 or later; set platformVersion to ' +
            '"1.4.0" or "LATEST". The Exec endpoints are planned for that version.',
        }
      : undefined,
  // AWS Knowledge Center, "How do I mount an Amazon EFS file system on ... Fargate?": "Fargate
  // platform versions 1.3.0 or earlier don't support persistent storage using Amazon EFS".
  requirements =>
    requirements.efs &&
    requirements.launchType === 'FARGATE' &&
    requirements.platformVersion === '1.3.0'
      ? {
          code: 'efs-needs-1.4.0',
          severity: 'warning',
          message:
            'EFS volumes need Fargate platform version 1.4.0 or later: 1.3.0 cannot mount them. ' +
            'Set platformVersion to "1.4.0" or "LATEST".',
        }
      : undefined,
  // [S2] Regions introduced on or after 2023-12-23.
  (requirements, needs) => {
    if (!regionRequiresEcsEndpoints(requirements.region)) {
      return undefined;
    }
    if (needs.some(need => need.reason === 'region-needs-ecs-endpoints')) {
      return {
        code: 'region-needs-ecs-endpoints',
        severity: 'info',
        message:
          `${requirements.region} was introduced after 2023-12-23: AWS requires all three ECS ` +
          'endpoints (ecs, ecs-agent, ecs-telemetry) there, so all three are planned.',
      };
    }
    return {
      code: 'region-needs-ecs-endpoints',
      severity: requirements.egress === 'nat' ? 'info' : 'warning',
      message:
        `${requirements.region} was introduced after 2023-12-23, where AWS says the ECS endpoints ` +
        '(ecs, ecs-agent, ecs-telemetry) are required. AWS does not say whether Fargate services ' +
        'that use no ECS endpoint need them; none are planned. If tasks do not reach RUNNING, add ' +
        'ecs, ecs-agent and ecs-telemetry to awsServices.',
    };
  },
  // The S3 gateway policy allows only listed buckets [S1], so S3 calls to other buckets are denied.
  requirements =>
    requirements.awsServices.includes('s3') &&
    requirements.applicationBuckets.length === 0
      ? {
          code: 's3-application-buckets-missing',
          severity: 'warning',
          message:
            'The application calls S3 but no applicationBuckets are listed; the S3 gateway endpoint ' +
            'policy allows only the ECR layer bucket, so the application would be denied. List its buckets.',
        }
      : undefined,
  // [S12] https://docs.aws.amazon.com/efs/latest/ug/efs-vpc-endpoints.html : the endpoint serves the
  // EFS API only; NFS mounts reach mount targets inside the VPC.
  requirements =>
    requirements.efs
      ? {
          code: 'efs-mount-targets',
          severity: 'info',
          message:
            'EFS volumes mount through EFS mount targets in the VPC (NFS, TCP 2049), not through an ' +
            'endpoint: create a mount target in every AZ with tasks and allow 2049 from the task ' +
            'security group. Add elasticfilesystem to awsServices only if code calls the EFS API.',
        }
      : undefined,
];

/** The warnings for a set of requirements, in {@link PLAN_WARNING_CODES} order. */
export function findPlanWarnings(
  requirements: PlanRequirements,
  needs: EndpointNeed[],
): PlanWarning[] {
  return WARNING_RULES.map(rule => rule(requirements, needs)).filter(
    (warning): warning is PlanWarning => warning !== undefined,
  );
}
