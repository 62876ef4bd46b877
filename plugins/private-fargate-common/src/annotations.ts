import type { z } from 'zod/v3';
import { InputError } from '@backstage/errors';
import { parseOrThrow } from './errors';
import {
  endpointServiceIdSchema,
  awsRegionSchema,
  portTextSchema,
} from './schemas';

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
  /**
   * Provider side of PrivateLink: the TCP port its endpoint service listens on (the NLB
   * listener's), e.g. `80`; consumers admit their clients on it. Absent on providers registered
   * before the service template wrote it.
   */
  endpointServicePort: 'private-fargate/endpoint-service-port',
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
 * What reading annotations needs of an entity. Structural, so the browser bundle need not import
 * the catalog model.
 *
 * @public
 */
export interface AnnotatedEntity {
  metadata: { name?: string; annotations?: Record<string, string> };
}

/**
 * An annotation's value without surrounding whitespace, or undefined when it is missing or
 * blank: the one rule by which everything here reads `private-fargate/` annotations.
 *
 * @public
 */
export function readAnnotation(
  entity: AnnotatedEntity,
  name: string,
): string | undefined {
  const value = entity.metadata.annotations?.[name];
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Reads an annotation and checks it with `schema`: undefined when the entity does not carry it,
 * an `InputError` naming the annotation when its value is malformed.
 *
 * @public
 */
export function parseAnnotation<S extends z.ZodTypeAny>(
  entity: AnnotatedEntity,
  name: string,
  schema: S,
): z.output<S> | undefined {
  const value = readAnnotation(entity, name);
  return value === undefined
    ? undefined
    : parseOrThrow(schema, value, `annotation ${name}`);
}

/**
 * Like {@link parseAnnotation}, for an annotation the entity must carry; `howToAdd` ends the
 * error when it does not, e.g. `add it to catalog-info.yaml`.
 *
 * @public
 */
export function parseRequiredAnnotation<S extends z.ZodTypeAny>(
  entity: AnnotatedEntity,
  name: string,
  schema: S,
  howToAdd = 'add it to catalog-info.yaml',
): z.output<S> {
  const value = parseAnnotation(entity, name, schema);
  if (value === undefined) {
    throw new InputError(
      `Entity ${entity.metadata.name} has no ${name} annotation; ${howToAdd}.`,
    );
  }
  return value;
}

/**
 * The required annotations the entity lacks or leaves blank, read by the same rule as
 * {@link readAnnotation}.
 *
 * @public
 */
export function missingPrivateFargateAnnotations(
  entity: AnnotatedEntity,
): string[] {
  return PRIVATE_FARGATE_REQUIRED_ANNOTATIONS.filter(
    name => readAnnotation(entity, name) === undefined,
  );
}

/**
 * True when the entity carries the annotations the status card reads.
 *
 * @public
 */
export function isPrivateFargateAvailable(entity: AnnotatedEntity): boolean {
  return missingPrivateFargateAnnotations(entity).length === 0;
}

/**
 * The PrivateLink endpoint service a provider publishes, as a consumer endpoint names it.
 *
 * @public
 */
export interface PublishedEndpointService {
  region: string;
  endpointServiceId: string;
  /** `com.amazonaws.vpce.<region>.<endpointServiceId>`, the consumer endpoint's service name. */
  serviceName: string;
}

/**
 * Reads the endpoint service a provider entity publishes from its Region and endpoint service ID
 * annotations; an `InputError` names the annotation that is missing or malformed.
 *
 * @public
 */
export function readPublishedEndpointService(
  entity: AnnotatedEntity,
): PublishedEndpointService {
  const names = PRIVATE_FARGATE_ANNOTATIONS;
  const endpointServiceId = parseRequiredAnnotation(
    entity,
    names.endpointServiceId,
    endpointServiceIdSchema,
    'add the ID of the endpoint service it publishes (vpce-svc-...) to its catalog-info.yaml, as the terraform output endpoint_service_id shows it',
  );
  const region = parseRequiredAnnotation(
    entity,
    names.region,
    awsRegionSchema,
    'add the Region its endpoint service is in to its catalog-info.yaml',
  );
  return {
    region,
    endpointServiceId,
    serviceName: `com.amazonaws.vpce.${region}.${endpointServiceId}`,
  };
}

/**
 * The port a provider's endpoint service listens on, from its endpoint service port annotation:
 * undefined when the entity does not carry it (providers registered before it was written), an
 * `InputError` naming the annotation when it is not a port.
 *
 * @public
 */
export function readEndpointServicePort(
  entity: AnnotatedEntity,
): number | undefined {
  return parseAnnotation(
    entity,
    PRIVATE_FARGATE_ANNOTATIONS.endpointServicePort,
    portTextSchema,
  );
}
