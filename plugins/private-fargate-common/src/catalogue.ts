import { InputError } from '@backstage/errors';
import { isSupportedRegion, SUPPORTED_REGIONS } from './regions';

/**
 * Every endpoint suffix Private Fargate supports, in the fixed order plans list them.
 *
 * @public
 */
export const ENDPOINT_SERVICE_SUFFIXES = [
  'ecr.api',
  'ecr.dkr',
  's3',
  'logs',
  'secretsmanager',
  'ssm',
  'ssmmessages',
  'kms',
  'xray',
  'ecs',
  'ecs-agent',
  'ecs-telemetry',
  'sts',
  'elasticloadbalancing',
  'elasticfilesystem',
  'monitoring',
  'dynamodb',
  'sqs',
] as const;

/** The part after `com.amazonaws.<region>.` in a service name, e.g. `ecr.api`. @public */
export type EndpointServiceSuffix = (typeof ENDPOINT_SERVICE_SUFFIXES)[number];

/** Gateway endpoints are route-table entries (S3, DynamoDB only); the rest are interface ENIs. @public */
export type EndpointType = 'Interface' | 'Gateway';

/** What we know about one AWS service endpoint. @public */
export interface EndpointDefinition {
  service: EndpointServiceSuffix;
  type: EndpointType;
  /** Whether the endpoint accepts an endpoint policy. */
  policySupported: boolean;
  /** One line: why a Fargate service would need it. */
  reason: string;
  /** The AWS documentation page behind the reason. */
  docUrl: string;
}

const ECR_ENDPOINTS_DOC =
  'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html';
const ECS_ENDPOINTS_DOC =
  'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html';

// policySupported follows each service's PrivateLink page; the live authority is
// DescribeVpcEndpointServices.VpcEndpointPolicySupported [S1][S11][S26]. All gateway endpoints take
// policies [S14].
/**
 * The endpoint catalogue, in plan order. Only `s3` and `dynamodb` are gateways [S14]
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html).
 *
 * @public
 */
export const ENDPOINT_CATALOGUE: readonly EndpointDefinition[] = [
  {
    service: 'ecr.api',
    type: 'Interface',
    policySupported: true,
    reason:
      'ECR API (GetAuthorizationToken, manifests); needed for image pulls on Fargate 1.4.0+ and EC2.',
    docUrl: ECR_ENDPOINTS_DOC,
  },
  {
    service: 'ecr.dkr',
    type: 'Interface',
    policySupported: true,
    reason: 'Docker Registry API of ECR; every ECR image pull goes through it.',
    docUrl: ECR_ENDPOINTS_DOC,
  },
  {
    service: 's3',
    type: 'Gateway',
    policySupported: true,
    reason:
      'ECR stores image layers in S3; layers download through the S3 gateway endpoint (free).',
    docUrl: `${ECR_ENDPOINTS_DOC}#ecr-setting-up-s3-gateway`,
  },
  {
    service: 'logs',
    type: 'Interface',
    policySupported: true,
    reason:
      'CloudWatch Logs, for the awslogs driver, FireLens to CloudWatch and ECS Exec session logs.',
    docUrl:
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-and-interface-VPC.html',
  },
  {
    service: 'secretsmanager',
    type: 'Interface',
    policySupported: true,
    reason: 'Secrets Manager secrets referenced in the task definition.',
    docUrl:
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/vpc-endpoint-overview.html',
  },
  {
    service: 'ssm',
    type: 'Interface',
    policySupported: true,
    reason:
      'Systems Manager: Parameter Store parameters in the task definition, SSM activations.',
    docUrl:
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html',
  },
  {
    service: 'ssmmessages',
    type: 'Interface',
    policySupported: true,
    reason:
      'Session Manager message channel used by ECS Exec and SSM sessions.',
    docUrl:
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html',
  },
  {
    service: 'kms',
    type: 'Interface',
    policySupported: true,
    reason: 'KMS, when ECS Exec sessions are encrypted with your own KMS key.',
    docUrl:
      'https://docs.aws.amazon.com/kms/latest/developerguide/kms-vpc-endpoint.html',
  },
  {
    service: 'xray',
    type: 'Interface',
    policySupported: true,
    reason: 'X-Ray, for the X-Ray daemon or ADOT collector sending traces.',
    docUrl:
      'https://docs.aws.amazon.com/xray/latest/devguide/xray-security-vpc-endpoint.html',
  },
  {
    service: 'ecs',
    type: 'Interface',
    policySupported: true,
    reason:
      'ECS API; container instances (EC2 launch type) and code that calls ECS.',
    docUrl: ECS_ENDPOINTS_DOC,
  },
  {
    service: 'ecs-agent',
    type: 'Interface',
    policySupported: true,
    reason:
      'ECS agent channel; container instances, and Service Connect on Fargate.',
    docUrl: ECS_ENDPOINTS_DOC,
  },
  {
    service: 'ecs-telemetry',
    type: 'Interface',
    policySupported: true,
    reason: 'ECS telemetry from container instances (EC2 launch type).',
    docUrl: ECS_ENDPOINTS_DOC,
  },
  {
    service: 'sts',
    type: 'Interface',
    policySupported: true,
    reason:
      'STS, for code that assumes roles itself (task role credentials need no endpoint).',
    docUrl:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts_vpce.html',
  },
  {
    service: 'elasticloadbalancing',
    type: 'Interface',
    policySupported: true,
    reason:
      'ELB API, for code that calls it (target registration by ECS needs no endpoint).',
    docUrl:
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/load-balancer-vpc-endpoints.html',
  },
  {
    service: 'elasticfilesystem',
    type: 'Interface',
    policySupported: true,
    reason:
      'EFS API only; NFS mounts go to EFS mount targets in the VPC, not to this endpoint.',
    docUrl: 'https://docs.aws.amazon.com/efs/latest/ug/efs-vpc-endpoints.html',
  },
  {
    service: 'monitoring',
    type: 'Interface',
    policySupported: true,
    reason:
      'CloudWatch metrics API (PutMetricData), for agents and code that publish metrics.',
    docUrl:
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-interface-VPC.html',
  },
  {
    service: 'dynamodb',
    type: 'Gateway',
    policySupported: true,
    reason: 'DynamoDB through a free gateway endpoint on the route tables.',
    docUrl:
      'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/vpc-endpoints-dynamodb.html',
  },
  {
    service: 'sqs',
    type: 'Interface',
    policySupported: true,
    reason: 'SQS, for code that sends or receives messages.',
    docUrl:
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-internetwork-traffic-privacy.html',
  },
];

/** True when `service` is a suffix in the catalogue. @public */
export function isKnownEndpointService(
  service: string,
): service is EndpointServiceSuffix {
  return (ENDPOINT_SERVICE_SUFFIXES as readonly string[]).includes(service);
}

/**
 * The catalogue entry for a suffix; throws `InputError` listing the supported suffixes otherwise.
 *
 * @public
 */
export function getEndpointDefinition(service: string): EndpointDefinition {
  const definition = ENDPOINT_CATALOGUE.find(
    entry => entry.service === service,
  );
  if (!definition) {
    throw new InputError(
      `Unknown endpoint service "${service}"; supported: ${ENDPOINT_SERVICE_SUFFIXES.join(
        ', ',
      )}`,
    );
  }
  return definition;
}

/** Position of a suffix in the catalogue; plans sort by it. @public */
export function catalogueIndex(service: EndpointServiceSuffix): number {
  return ENDPOINT_SERVICE_SUFFIXES.indexOf(service);
}

/**
 * The full service name, `com.amazonaws.<region>.<suffix>`. Throws `InputError` for a Region or
 * suffix we do not know.
 *
 * @public
 */
export function endpointServiceName(region: string, service: string): string {
  if (!isSupportedRegion(region)) {
    throw new InputError(
      `Unknown AWS Region "${region}"; supported: ${SUPPORTED_REGIONS.join(
        ', ',
      )}`,
    );
  }
  getEndpointDefinition(service);
  return `com.amazonaws.${region}.${service}`;
}

const SERVICE_NAME_PATTERN =
  /^com\.amazonaws\.([a-z]{2}(?:-[a-z]+)+-\d)\.(.+)$/;

/**
 * Splits `com.amazonaws.<region>.<suffix>` into its parts; `undefined` for anything else
 * (including PrivateLink names `com.amazonaws.vpce.<region>.vpce-svc-...`).
 *
 * @public
 */
export function parseEndpointServiceName(
  name: string,
): { region: string; service: string } | undefined {
  const match = SERVICE_NAME_PATTERN.exec(name);
  if (!match) {
    return undefined;
  }
  return { region: match[1], service: match[2] };
}
