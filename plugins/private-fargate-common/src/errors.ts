import { InputError } from '@backstage/errors';
import type { z } from 'zod/v3';

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) {
    return '(value)';
  }
  return path
    .map((part, index) => {
      if (typeof part === 'number') {
        return `[${part}]`;
      }
      return index === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
}

/**
 * Formats a zod error as one `field.path: message` line per issue.
 *
 * @public
 */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map(issue => `${formatPath(issue.path)}: ${issue.message}`)
    .join('\n');
}

/**
 * Parses `value` with `schema`, or throws an `InputError` that names every bad field.
 * `what` says what was being parsed, e.g. `plan requirements`.
 *
 * @public
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(`Invalid ${what}:\n${formatZodError(result.error)}`);
  }
  return result.data;
}
