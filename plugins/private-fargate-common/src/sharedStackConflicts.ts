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
  const names = PRIVATE_FARGATE_ANNOTATIONS;
  const conflicts: SharedStackConflict[] = [];
  for (const entity of entities) {
    const name = entity.metadata.name ?? '';
    const namespace = entity.metadata.namespace ?? 'default';
    if (
      !same(entity.kind, 'Resource') ||
      !same(
        typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
        SHARED_ENDPOINT_STACK_TYPE,
      ) ||
      !same(readAnnotation(entity, names.vpcId), query.vpcId) ||
      !same(readAnnotation(entity, names.region), query.region)
    ) {
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
