import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import type { ValueProblem } from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';

type Schema = Record<string, unknown>;

// Where a page can declare a field besides `properties`, as the value checks read it.
const BRANCHES = ['allOf', 'anyOf', 'oneOf', 'then', 'else', 'dependencies'];

function namesIn(schema: Schema, names: Set<string>): void {
  const properties = schema.properties;
  if (properties && typeof properties === 'object') {
    Object.keys(properties).forEach(name => names.add(name));
  }
  for (const keyword of BRANCHES) {
    const value = schema[keyword];
    if (!value || typeof value !== 'object') continue;
    let found: unknown[] = [value];
    if (Array.isArray(value)) found = value;
    else if (keyword === 'dependencies') found = Object.values(value);
    for (const item of found) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        namesIn(item as Schema, names);
      }
    }
  }
}

/** Every top-level value name a parameter page of the template declares. */
export function parameterNames(template: TemplateEntityV1beta3): Set<string> {
  const names = new Set<string>();
  for (const page of [template.spec.parameters ?? []].flat()) {
    namesIn(page as Schema, names);
  }
  return names;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j] + 1,
        row[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length];
}

function suggestion(key: string, names: string[]): string {
  const nearest = [...names].sort(
    (x, y) =>
      editDistance(key.toLowerCase(), x.toLowerCase()) -
      editDistance(key.toLowerCase(), y.toLowerCase()),
  )[0];
  // A far match is a guess that misleads; then the list itself helps more.
  if (
    nearest &&
    editDistance(key.toLowerCase(), nearest.toLowerCase()) <=
      Math.max(2, Math.floor(nearest.length / 3))
  ) {
    return `did you mean ${nearest}?`;
  }
  return `its parameters are ${names.join(', ')}`;
}

/**
 * A problem for each top-level key of `keys` that no parameter of the template declares:
 * the scaffolder would take it and ignore it, so a typo would pass unnoticed.
 */
export function unknownKeyProblems(
  template: TemplateEntityV1beta3,
  keys: string[],
): ValueProblem[] {
  const names = parameterNames(template);
  return keys
    .filter(key => !names.has(key))
    .map(key => ({
      field: key,
      message: `is not a parameter of ${template.metadata.name}; ${suggestion(
        key,
        [...names].sort(),
      )}`,
    }));
}
