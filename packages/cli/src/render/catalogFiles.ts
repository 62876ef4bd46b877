import yaml from 'yaml';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const kindValidators = [
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  apiEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
];

/**
 * Validates every entity of a catalog file as the catalog would on ingestion:
 * the entity policies plus the validator of its kind. Returns the problems.
 */
export async function validateCatalogFile(
  name: string,
  text: string,
): Promise<string[]> {
  const problems: string[] = [];
  const documents = yaml.parseAllDocuments(text);
  for (const [index, document] of documents.entries()) {
    const where =
      documents.length > 1 ? `${name} (document ${index + 1})` : name;
    if (document.errors.length) {
      problems.push(`${where}: ${document.errors[0].message}`);
      continue;
    }
    const entity = document.toJS() as Entity;
    if (!entity) continue;
    try {
      await policy.enforce(entity);
      const results = await Promise.all(
        kindValidators.map(v => v.check(entity)),
      );
      if (!results.some(Boolean)) {
        problems.push(
          `${where}: kind ${entity.kind} (${entity.apiVersion}) is not a catalog kind this project generates`,
        );
      }
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** True for the files a generated repository registers in the catalog. */
export function isCatalogFile(path: string): boolean {
  return /(^|\/)catalog-info\.ya?ml$/.test(path);
}
