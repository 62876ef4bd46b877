/**
 * Typed HCL values. Plain JavaScript strings, numbers and booleans always become literals;
 * only the constructors below produce expressions, and they are called with names chosen by
 * the generator, never with user input.
 */

/** A Terraform expression written by the generator (a reference or a function call). */
export class HclExpression {
  readonly kind = 'expression';
  constructor(readonly text: string) {}
}

/** An object literal whose keys are written as given (`{ Name = "x" }`). */
export class HclObject {
  readonly kind = 'object';
  constructor(readonly entries: ReadonlyArray<readonly [string, HclValue]>) {}
}

/** Any value the builder can render. `undefined` attributes are skipped. */
export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclExpression
  | HclObject
  | readonly HclValue[];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const TRAVERSAL =
  /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\]|\.\d+)*$/;

/** Asserts that a generator-chosen name is a valid HCL identifier. */
export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(`Not an HCL identifier: ${JSON.stringify(name)}`);
  }
  return name;
}

/** A reference such as `var.vpc_id` or `aws_lb.internal.arn`. */
export function ref(traversal: string): HclExpression {
  if (!TRAVERSAL.test(traversal)) {
    throw new Error(`Not an HCL traversal: ${JSON.stringify(traversal)}`);
  }
  return new HclExpression(traversal);
}

/** A function call, e.g. `call('jsonencode', value)`. */
export function call(name: string, ...args: HclValue[]): HclExpression {
  assertIdentifier(name);
  return new HclExpression(`${name}(${args.map(renderValue).join(', ')})`);
}

/** A conditional `cond ? a : b`. */
export function conditional(
  condition: HclExpression,
  whenTrue: HclValue,
  whenFalse: HclValue,
): HclExpression {
  return new HclExpression(
    `${condition.text} ? ${renderValue(whenTrue)} : ${renderValue(whenFalse)}`,
  );
}

/** A type constraint or other fixed expression chosen by the generator (e.g. `list(string)`). */
export function raw(text: string): HclExpression {
  return new HclExpression(text);
}

/** An object literal; keys that are not identifiers are quoted. */
export function obj(record: Record<string, HclValue | undefined>): HclObject {
  return new HclObject(
    Object.entries(record).filter(
      (entry): entry is [string, HclValue] => entry[1] !== undefined,
    ),
  );
}

/**
 * Escapes text for a quoted HCL string so that it stays a literal: quotes, backslashes,
 * control characters, and the template sequences `${` and `%{` (written `$${` and `%%{`).
 */
export function escapeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    const code = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if ((ch === '$' || ch === '%') && next === '{') out += `${ch}${ch}`;
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16)}`;
    } else out += ch;
  }
  return `"${out}"`;
}

/**
 * A quoted string template: the literal parts escaped as {@link escapeString} escapes them, so
 * they stay literal whatever they hold, and the expressions interpolated as `${...}`.
 */
export function template(
  ...parts: Array<string | HclExpression>
): HclExpression {
  return new HclExpression(
    `"${parts
      .map(part =>
        typeof part === 'string'
          ? escapeString(part).slice(1, -1)
          : `\${${part.text}}`,
      )
      .join('')}"`,
  );
}

/** Renders one value as HCL source. */
export function renderValue(value: HclValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return escapeString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof HclExpression) return value.text;
  if (value instanceof HclObject) {
    if (value.entries.length === 0) return '{}';
    const lines = value.entries.map(
      ([key, item]) =>
        `${IDENTIFIER.test(key) ? key : escapeString(key)} = ${renderValue(
          item,
        )}`,
    );
    return `{\n${lines.join('\n')}\n}`;
  }
  if (Array.isArray(value)) {
    const items = (value as readonly HclValue[]).map(renderValue);
    const multiline =
      items.some(item => item.includes('\n')) || items.join(', ').length > 80;
    return multiline
      ? `[\n${items.map(item => `${item},`).join('\n')}\n]`
      : `[${items.join(', ')}]`;
  }
  throw new Error(`Unsupported HCL value: ${String(value)}`);
}
