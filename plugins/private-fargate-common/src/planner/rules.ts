import type { EndpointServiceSuffix } from '../catalogue';
import { regionRequiresEcsEndpoints } from '../regions';
import type { PlanReason } from './reasons';
import type { PlanRequirements } from './requirements';

/** One need found by a rule: this endpoint, for this reason. */
export interface EndpointNeed {
  service: EndpointServiceSuffix;
  reason: PlanReason;
}

type Rule = (requirements: PlanRequirements) => EndpointNeed[];

function needs(
  reason: PlanReason,
  ...services: EndpointServiceSuffix[]
): EndpointNeed[] {
  return services.map(service => ({ service, reason }));
}

const ECS_ENDPOINTS: EndpointServiceSuffix[] = [
  'ecs',
  'ecs-agent',
  'ecs-telemetry',
];

// The rules run in this order; a reason's position in `reasons` follows it.
const RULES: Rule[] = [
  // [S1] https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html
  // Fargate 1.4.0+ (LATEST = 1.4.0 [S4]) and EC2 need ecr.api + ecr.dkr + the S3 gateway for
  // layers; Fargate 1.3.0 fetched the auth token through a Fargate-owned ENI, so only ecr.dkr + s3.
  // A pull-through cache is served by the same ECR endpoints after the first pull.
  requirements => {
    if (requirements.imageSource === 'external') {
      return [];
    }
    const reason: PlanReason =
      requirements.imageSource === 'ecr'
        ? 'image-pull:ecr'
        : 'image-pull:ecr-pull-through-cache';
    const legacyFargate =
      requirements.launchType === 'FARGATE' &&
      requirements.platformVersion === '1.3.0';
    return legacyFargate
      ? needs(reason, 'ecr.dkr', 's3')
      : needs(reason, 'ecr.api', 'ecr.dkr', 's3');
  },
  // [S1][S2] the awslogs driver needs CloudWatch Logs:
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html
  // FireLens with the cloudwatch_logs output writes to the same API (INFERENCE in the reference).
  requirements => {
    if (requirements.logging === 'awslogs') {
      return needs('logging:awslogs', 'logs');
    }
    if (requirements.logging === 'firelens-cloudwatch') {
      return needs('logging:firelens-cloudwatch', 'logs');
    }
    return [];
  },
  // [S2][S7] secrets in the task definition are fetched through the task ENI. Planned on 1.3.0 too:
  // only a Stack Overflow answer [S5] says 1.3.0 fetched them through a Fargate-owned ENI.
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
  requirements =>
    requirements.secrets.includes('secretsmanager')
      ? needs('secrets:secretsmanager', 'secretsmanager')
      : [],
  requirements =>
    requirements.secrets.includes('ssm') ? needs('secrets:ssm', 'ssm') : [],
  // [S6] ECS Exec uses the SSM agent's channel (ssmmessages), kms for a KMS key, and the session
  // log destination: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
  // [S32] AWS's exec checker looks for ssmmessages only.
  requirements =>
    requirements.exec.enabled ? needs('exec', 'ssmmessages') : [],
  requirements =>
    requirements.exec.kmsKey ? needs('exec:kms-key', 'kms') : [],
  requirements => {
    if (requirements.exec.sessionLogs === 'cloudwatch') {
      return needs('exec:session-logs:cloudwatch', 'logs');
    }
    if (requirements.exec.sessionLogs === 's3') {
      return needs('exec:session-logs:s3', 's3');
    }
    return [];
  },
  // Scenario 3: a bastion registers with SSM (CreateActivation, ssm) and carries sessions
  // (ssmmessages). https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html
  requirements =>
    requirements.bastion ? needs('bastion', 'ssm', 'ssmmessages') : [],
  // [S10] https://docs.aws.amazon.com/xray/latest/devguide/xray-security-vpc-endpoint.html
  requirements => (requirements.xray ? needs('xray', 'xray') : []),
  // [S2] container instances need ecs-agent, ecs-telemetry and ecs; Fargate tasks do not.
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html
  requirements =>
    requirements.launchType === 'EC2'
      ? needs('launch-type:ec2', ...ECS_ENDPOINTS)
      : [],
  // [S2] Service Connect's Envoy is managed through ecs-agent (else the public ecs-sc endpoint).
  requirements =>
    requirements.serviceConnect ? needs('service-connect', 'ecs-agent') : [],
  // Endpoints the application itself calls [S14]:
  // https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
  requirements =>
    requirements.awsServices.map(service => ({
      service,
      reason: `aws-service:${service}` as PlanReason,
    })),
  // Application buckets reach S3 through the gateway endpoint whose policy allows them [S1][S14].
  requirements =>
    requirements.applicationBuckets.length > 0
      ? needs('application-buckets', 's3')
      : [],
];

// [S2] In Regions introduced on or after 2023-12-23 you must have all three ECS endpoints, or
// traffic goes to the public endpoints: applied whenever any ECS endpoint is planned. Whether
// Fargate services without ECS endpoints need them is not stated (UNCONFIRMED): see warnings.
function regionEcsNeeds(
  requirements: PlanRequirements,
  found: EndpointNeed[],
): EndpointNeed[] {
  if (!regionRequiresEcsEndpoints(requirements.region)) {
    return [];
  }
  if (!found.some(need => ECS_ENDPOINTS.includes(need.service))) {
    return [];
  }
  return needs('region-needs-ecs-endpoints', ...ECS_ENDPOINTS);
}

/** Every (endpoint, reason) pair the requirements call for, in rule order. */
export function findEndpointNeeds(
  requirements: PlanRequirements,
): EndpointNeed[] {
  const found = RULES.flatMap(rule => rule(requirements));
  return [...found, ...regionEcsNeeds(requirements, found)];
}

/** The ECS endpoint suffixes, which new Regions need together. */
export const ECS_ENDPOINT_SUFFIXES: readonly EndpointServiceSuffix[] =
  ECS_ENDPOINTS;
