import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

function refText(ref: string | CompoundEntityRef): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return String(ref);
  }
}

/**
 * The in-memory catalog of the `--catalog` entities, remembering every entity a step
 * asked for by reference and did not get: when a run then fails, that names the entity
 * to pass. Queries (`getEntities` with a filter, as the terraform step asks for a VPC's
 * shared endpoint stacks) go to the in-memory client as they are; one that finds nothing
 * is an answer, not a missing entity.
 */
export function createRecordingCatalog(entities: Entity[]): {
  catalog: CatalogService;
  /** The refs asked for and missing since the last call. */
  takeMissing(): string[];
} {
  const inner = catalogServiceMock({ entities });
  const missing = new Set<string>();
  const recording: Partial<CatalogService> = {
    async getEntityByRef(ref, options) {
      const entity = await inner.getEntityByRef(ref, options);
      if (!entity) missing.add(refText(ref));
      return entity;
    },
    async getEntitiesByRefs(request, options) {
      const response = await inner.getEntitiesByRefs(request, options);
      response.items.forEach((item, index) => {
        if (!item) missing.add(refText(request.entityRefs[index]));
      });
      return response;
    },
  };
  // The in-memory client keeps its entities in private fields, so its methods must
  // run on the client itself.
  const catalog = new Proxy(inner, {
    get(target, property) {
      const own = recording[property as keyof CatalogService];
      if (own) return own;
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    catalog,
    takeMissing() {
      const refs = [...missing];
      missing.clear();
      return refs;
    },
  };
}
