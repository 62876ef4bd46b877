import {
  AnnotatedEntity,
  PRIVATE_FARGATE_ANNOTATIONS,
  readAnnotation,
} from './annotations';
import { EndpointServiceSuffix, isKnownEndpointService } from './catalogue';

/**
 * The `spec.type` of a VPC's shared endpoint stack, the Resource `vpc-endpoints-baseline`
 * registers and the service template's "use the VPC's shared endpoints" picks.
 *
 * @public
 */
export const SHARED_ENDPOINT_STACK_TYPE = 'vpc-endpoints';

/**
 * What finding shared stacks needs of a catalog entity. Structural, like
 * {@link AnnotatedEntity}, so the browser bundle need not import the catalog model.
 *
 * @public
 */
export interface StackCandidateEntity extends AnnotatedEntity {
  kind: string;
  metadata: {
    name?: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
  spec?: { [key: string]: unknown };
}

/**
 * Endpoints a configuration is about to create in a VPC.
 *
 * @public
 */
export interface SharedStackConflictQuery {
  /** Region code, e.g. `eu-west-1`. */
  region: string;
  vpcId: string;
  /** Suffixes of the endpoints it creates, e.g. `['ecr.api', 's3']`. */
  endpoints: readonly string[];
  /**
   * Name of the entity the repository itself registers (in the default namespace, as the
   * templates write `catalog-info.yaml`): a stack rendered again is not its own conflict.
   */
  exclude?: string;
}

/**
 * A shared stack of the same VPC that already provides some of the endpoints.
 *
 * @public
 */
export interface SharedStackConflict {
  /** The stack's Resource, as `resource:<namespace>/<name>`. */
  entityRef: string;
  /** The endpoints of the query it already provides, in the query's order. */
  services: EndpointServiceSuffix[];
}

/**
 * The catalog filter that finds the shared stacks of a VPC on the server, for
 * `getEntities({ filter })`; {@link findSharedStackConflicts} checks the answer again.
 *
 * @public
 */
export function sharedStackCatalogFilter(
  vpcId: string,
): Record<string, string> {
  return {
    kind: 'resource',
    'spec.type': SHARED_ENDPOINT_STACK_TYPE,
    [`metadata.annotations.${PRIVATE_FARGATE_ANNOTATIONS.vpcId}`]: vpcId,
  };
}

const same = (a: string | undefined, b: string) =>
  a !== undefined && a.toLowerCase() === b.toLowerCase();

const specType = (entity: StackCandidateEntity): string | undefined =>
  typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;

// A Resource of type vpc-endpoints, in any case, as the catalog filter matches it.
const isSharedStack = (entity: StackCandidateEntity): boolean =>
  same(entity.kind, 'Resource') &&
  same(specType(entity), SHARED_ENDPOINT_STACK_TYPE);

// Annotated with the VPC and the Region: a VPC ID names a VPC only within its Region.
const inVpc = (
  entity: StackCandidateEntity,
  vpcId: string,
  region: string,
): boolean =>
  same(readAnnotation(entity, PRIVATE_FARGATE_ANNOTATIONS.vpcId), vpcId) &&
  same(readAnnotation(entity, PRIVATE_FARGATE_ANNOTATIONS.region), region);

// Another team's annotation is read leniently: one unknown or repeated name must not hide the
// endpoints it does name, since each of those would still collide at apply time.
function providedEndpoints(entity: AnnotatedEntity): Set<string> {
  const text = readAnnotation(entity, PRIVATE_FARGATE_ANNOTATIONS.endpoints);
  return new Set(
    (text ?? '')
      .split(',')
      .map(item => item.trim())
      .filter(isKnownEndpointService),
  );
}

/**
 * The shared endpoint stacks among `entities` (Resources of type `vpc-endpoints` annotated with
 * the same VPC and Region) that already provide endpoints the query would create, with those
 * endpoints. AWS allows one interface endpoint with private DNS per service in a VPC, and one
 * gateway endpoint route per service in a route table, so creating them again fails at apply.
 * Sorted by entity reference; empty when there is no conflict.
 *
 * @public
 */
export function findSharedStackConflicts(
  entities: readonly StackCandidateEntity[],
  query: SharedStackConflictQuery,
): SharedStackConflict[] {
  const conflicts: SharedStackConflict[] = [];
  for (const entity of entities) {
    const name = entity.metadata.name ?? '';
    const namespace = entity.metadata.namespace ?? 'default';
    if (!isSharedStack(entity) || !inVpc(entity, query.vpcId, query.region)) {
      continue;
    }
    if (
      query.exclude !== undefined &&
      same(name, query.exclude) &&
      same(namespace, 'default')
    ) {
      continue;
    }
    const provided = providedEndpoints(entity);
    const services = query.endpoints.filter(
      (service): service is EndpointServiceSuffix => provided.has(service),
    );
    if (services.length > 0) {
      conflicts.push({
        entityRef: `resource:${namespace}/${name}`.toLowerCase(),
        services,
      });
    }
  }
  return conflicts.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
}

/**
 * What a configuration says of the shared endpoint stack it takes endpoints from.
 *
 * @public
 */
export interface SharedEndpointStackQuery {
  /** Region code of the configuration, e.g. `eu-west-1`. */
  region: string;
  /** The VPC the configuration goes into. */
  vpcId: string;
  /**
   * The endpoints it leaves to the stack (not created again), e.g. `['ecr.api', 's3']`.
   */
  endpoints: readonly string[];
}

/**
 * Why a picked entity cannot be the shared endpoint stack of a configuration:
 *
 * - `not-a-stack`: it is not a Resource of type `vpc-endpoints` (its `kind` and `spec.type`);
 * - `other-vpc`: its `private-fargate/vpc-id` or `private-fargate/aws-region` is not the
 *   configuration's (both as annotated, undefined when missing), so its endpoints are not in
 *   the configuration's VPC;
 * - `endpoints-not-provided`: the configuration leaves to it endpoints its
 *   `private-fargate/endpoints` annotation does not name (`services`, in the query's order;
 *   `provided`, what the annotation names).
 *
 * @public
 */
export type SharedEndpointStackMismatch =
  | { reason: 'not-a-stack'; kind: string; type: string | undefined }
  | {
      reason: 'other-vpc';
      vpcId: string | undefined;
      region: string | undefined;
    }
  | {
      reason: 'endpoints-not-provided';
      services: string[];
      provided: EndpointServiceSuffix[];
    };

/**
 * Checks that `entity`, picked as the shared endpoint stack of a configuration, is one (a
 * Resource of type `vpc-endpoints`), is the stack of the configuration's VPC in its Region
 * (an endpoint serves only its own VPC, so another VPC's stack leaves this one without them),
 * and provides every endpoint the configuration leaves to it. Reads the annotations as
 * {@link findSharedStackConflicts} does: trimmed, in any case. Undefined when it fits; otherwise
 * the first mismatch in that order.
 *
 * @public
 */
export function findSharedEndpointStackMismatch(
  entity: StackCandidateEntity,
  query: SharedEndpointStackQuery,
): SharedEndpointStackMismatch | undefined {
  if (!isSharedStack(entity)) {
    return { reason: 'not-a-stack', kind: entity.kind, type: specType(entity) };
  }
  if (!inVpc(entity, query.vpcId, query.region)) {
    return {
      reason: 'other-vpc',
      vpcId: readAnnotation(entity, PRIVATE_FARGATE_ANNOTATIONS.vpcId),
      region: readAnnotation(entity, PRIVATE_FARGATE_ANNOTATIONS.region),
    };
  }
  const provided = providedEndpoints(entity);
  const services = query.endpoints.filter(service => !provided.has(service));
  if (services.length > 0) {
    return {
      reason: 'endpoints-not-provided',
      services,
      provided: [...provided] as EndpointServiceSuffix[],
    };
  }
  return undefined;
}
