/**
 * Catalog annotations that Private Fargate templates write and the status card reads.
 *
 * @public
 */
export const PRIVATE_FARGATE_ANNOTATIONS = {
  /** 12-digit AWS account that holds the VPC. */
  accountId: 'private-fargate/aws-account-id',
  /** AWS Region code, e.g. `ap-northeast-1`. */
  region: 'private-fargate/aws-region',
  /** VPC ID, `vpc-` followed by 8 or 17 hex digits. */
  vpcId: 'private-fargate/vpc-id',
  /** Declared endpoint suffixes, comma-separated, e.g. `ecr.api,ecr.dkr,s3,logs`. */
  endpoints: 'private-fargate/endpoints',
  /** Provider side of PrivateLink: `vpce-svc-...`. */
  endpointServiceId: 'private-fargate/endpoint-service-id',
  /** Consumer side of PrivateLink: `vpce-...`, comma-separated. */
  consumerEndpointIds: 'private-fargate/consumer-endpoint-ids',
  /** The template that generated the repository: `<name>@<version>`. */
  template: 'private-fargate/template',
  /** On a Template entity: its semantic version, e.g. `1.2.0`. */
  templateVersion: 'private-fargate/template-version',
} as const;

/** @public */
export type PrivateFargateAnnotation =
  (typeof PRIVATE_FARGATE_ANNOTATIONS)[keyof typeof PRIVATE_FARGATE_ANNOTATIONS];

/**
 * The annotations an entity needs before the status card has anything to show.
 *
 * @public
 */
export const PRIVATE_FARGATE_REQUIRED_ANNOTATIONS = [
  PRIVATE_FARGATE_ANNOTATIONS.accountId,
  PRIVATE_FARGATE_ANNOTATIONS.region,
  PRIVATE_FARGATE_ANNOTATIONS.vpcId,
] as const;

/**
 * True when the entity carries the annotations the status card reads.
 * Takes a structural entity so the browser bundle need not import the catalog model.
 *
 * @public
 */
export function isPrivateFargateAvailable(entity: {
  metadata: { annotations?: Record<string, string> };
}): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return PRIVATE_FARGATE_REQUIRED_ANNOTATIONS.every(
    name => typeof annotations[name] === 'string' && annotations[name] !== '',
  );
}
