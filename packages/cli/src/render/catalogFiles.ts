import fs from 'node:fs';
import yaml from 'yaml';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  entitySchemaValidator,
  FieldFormatEntityPolicy,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { UsageError } from '../UsageError';

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

const entityShape = entitySchemaValidator();

function entitiesOf(file: string, text: string): Entity[] {
  const entities: Entity[] = [];
  for (const [index, document] of yaml.parseAllDocuments(text).entries()) {
    const where = `--catalog ${file}: document ${index + 1}`;
    if (document.errors.length > 0) {
      throw new UsageError(
        `${where} is not valid YAML: ${document.errors[0].message}`,
      );
    }
    const data: unknown = document.toJS();
    if (data === null || data === undefined) continue;
    if (Array.isArray(data)) {
      throw new UsageError(
        `${where} is a list; give one entity per document, separated by ---`,
      );
    }
    try {
      entities.push(entityShape(data));
    } catch (error) {
      throw new UsageError(
        `${where} is not a catalog entity (apiVersion, kind and metadata.name, as in a catalog-info.yaml): ${
          (error as Error).message
        }`,
      );
    }
  }
  return entities;
}

/**
 * Reads the entities the in-process catalog serves from the `--catalog` files (several
 * documents each). A file that cannot be read, is not YAML or holds something other than
 * entities is a usage error naming the file and the document.
 */
export function readCatalogFiles(files: string[]): Entity[] {
  return files.flatMap(file => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`--catalog: ${(error as Error).message}`);
    }
    return entitiesOf(file, text);
  });
}
