import { validate, Schema, ValidationError } from 'jsonschema';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';

/** Template parameter values, as the form or a values file gives them. */
export type Values = Record<string, unknown>;

/** One problem with the values, named by the field it is about. */
export type ValueProblem = {
  /** Dotted path of the field, e.g. `privateSubnetIds.1`. */
  field: string;
  /** The field's title from the form, when it has one. */
  title?: string;
  message: string;
};

type SchemaWithMessages = Schema & {
  errorMessage?: string | Record<string, string | Record<string, string>>;
};

function messageFor(error: ValidationError): {
  field: string[];
  message: string;
  schema?: SchemaWithMessages;
} {
  const path = error.path.map(String);
  const schema = error.schema as SchemaWithMessages;
  // The form uses ajv-errors; honour the same `errorMessage` keyword so the
  // command line says what the portal says.
  if (error.name === 'required') {
    const property = String(error.argument);
    const custom = schema?.errorMessage;
    const requiredMessage =
      typeof custom === 'object' ? custom.required : undefined;
    const message =
      typeof requiredMessage === 'object'
        ? requiredMessage[property]
        : requiredMessage;
    const propertySchema = schema?.properties?.[property] as
      | SchemaWithMessages
      | undefined;
    return {
      field: [...path, property],
      message: message ?? 'is required',
      schema: propertySchema,
    };
  }
  const custom = schema?.errorMessage;
  if (typeof custom === 'string')
    return { field: path, message: custom, schema };
  const keyed = custom?.[error.name];
  if (typeof keyed === 'string') return { field: path, message: keyed, schema };
  return { field: path, message: error.message, schema };
}

// Where a page can declare a field besides `properties`: our if/then branches and dependencies.
const BRANCHES = ['allOf', 'anyOf', 'oneOf', 'then', 'else', 'dependencies'];

function subschemas(schema: Schema): Schema[] {
  return BRANCHES.flatMap(keyword => {
    const value = (schema as Record<string, unknown>)[keyword];
    if (!value || typeof value !== 'object') return [];
    let found: unknown[] = [value];
    if (Array.isArray(value)) found = value;
    else if (keyword === 'dependencies') found = Object.values(value);
    // A dependency can also be a list of property names, which declares no field.
    return found.filter(
      (item): item is Schema =>
        !!item && typeof item === 'object' && !Array.isArray(item),
    );
  });
}

function childSchema(schema: Schema, segment: string): Schema | undefined {
  let own: Schema | undefined;
  if (!/^\d+$/.test(segment)) own = schema.properties?.[segment];
  else if (!Array.isArray(schema.items)) own = schema.items;
  return (
    own ??
    subschemas(schema)
      .map(s => childSchema(s, segment))
      .find(Boolean)
  );
}

/**
 * The title of the field at `path`, or of the nearest field holding it: an item of a list of
 * plain values has no title of its own, and the list's tells the reader which one it is.
 */
function titleAlong(page: Schema, path: string[]): string | undefined {
  let title: string | undefined;
  let schema: Schema | undefined = page;
  for (const segment of path) {
    schema = schema && childSchema(schema, segment);
    if (!schema) break;
    if (typeof schema.title === 'string') title = schema.title;
  }
  return title;
}

/**
 * Checks values against every parameter page of a template, as the
 * scaffolder does before a run, and returns every problem (not just the first).
 */
export function validateValues(
  template: TemplateEntityV1beta3,
  values: Values,
): ValueProblem[] {
  const pages = [template.spec.parameters ?? []].flat() as Schema[];
  const problems = new Map<string, ValueProblem>();
  for (const page of pages) {
    const result = validate(values, page);
    for (const error of result.errors) {
      // allOf wrappers (our if/then branches) repeat their inner errors, which are listed too.
      if (error.name === 'allOf') continue;
      const { field, message, schema } = messageFor(error);
      const key = `${field.join('.')}\u0000${message}`;
      problems.set(key, {
        field: field.length ? field.join('.') : '(values)',
        title:
          typeof schema?.title === 'string'
            ? schema.title
            : titleAlong(page, field),
        message,
      });
    }
  }
  return [...problems.values()];
}

/** `field (Title): message`, one line per problem. */
export function formatProblems(problems: ValueProblem[]): string {
  return problems
    .map(p => `  ${p.field}${p.title ? ` (${p.title})` : ''}: ${p.message}`)
    .join('\n');
}

function fillDefaults(values: Values, properties: Schema['properties']): void {
  for (const [key, property] of Object.entries(properties ?? {})) {
    if (values[key] === undefined && property.default !== undefined) {
      values[key] = structuredClone(property.default);
    }
  }
}

/**
 * Fills in the defaults the form would show, page by page, including those of
 * `if`/`then` branches whose condition holds, so that the command line and the
 * portal run a template with the same values.
 */
export function applyDefaults(
  template: TemplateEntityV1beta3,
  values: Values,
): Values {
  const result = structuredClone(values);
  const pages = [template.spec.parameters ?? []].flat() as Schema[];
  for (const page of pages) {
    fillDefaults(result, page.properties);
    for (const branch of page.allOf ?? []) {
      if (branch.if && branch.then && validate(result, branch.if).valid) {
        fillDefaults(result, branch.then.properties);
      }
    }
  }
  return result;
}
