import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  applyDefaults,
  validateValues,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';
import { applySet, parseSet, Values } from './values';

function fieldsWithProblems(
  template: TemplateEntityV1beta3,
  values: Values,
): Set<string> {
  return new Set(
    validateValues(template, applyDefaults(template, values)).map(
      problem => problem.field,
    ),
  );
}

/**
 * `--set` reads values as YAML, so `accountId=123456789012` gives a number. For each
 * assignment that gave a number, boolean or null where the template fails, and whose
 * field the template takes once the value is text, says how to quote it.
 */
export function quoteHints(
  template: TemplateEntityV1beta3,
  values: Values,
  assignments: string[],
): string[] {
  const failing = fieldsWithProblems(template, values);
  return assignments.flatMap(assignment => {
    const { keys, value } = parseSet(assignment);
    const field = keys.join('.');
    if (
      typeof value === 'string' ||
      (typeof value === 'object' && value !== null)
    ) {
      return [];
    }
    if (!failing.has(field)) return [];
    const raw = assignment.slice(assignment.indexOf('=') + 1);
    const quoted = applySet(values, `${field}=${JSON.stringify(raw)}`);
    if (fieldsWithProblems(template, quoted).has(field)) return [];
    return [
      `--set reads values as YAML, so ${assignment} gave a ${
        value === null ? 'null' : typeof value
      }; quote it to give text: --set "${field}='${raw}'"`,
    ];
  });
}
