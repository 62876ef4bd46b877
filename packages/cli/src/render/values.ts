import fs from 'node:fs';
import yaml from 'yaml';
import type { Values } from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';
import { UsageError } from '../UsageError';

export type { Values };

function isObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads template values from a YAML or JSON file (JSON is YAML, so one parser does both). */
export function readValuesFile(file: string): Values {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read --values ${file}: ${(error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = yaml.parse(text) ?? {};
  } catch (error) {
    throw new UsageError(
      `--values ${file} is not valid YAML or JSON: ${(error as Error).message}`,
    );
  }
  if (!isObject(parsed)) {
    throw new UsageError(
      `--values ${file} must hold a mapping of parameter names to values, e.g. "name: orders-api"`,
    );
  }
  return parsed;
}

const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Splits `--set key=value` into the key's path and the value read as YAML. */
export function parseSet(assignment: string): {
  keys: string[];
  value: unknown;
} {
  const eq = assignment.indexOf('=');
  if (eq <= 0) {
    throw new UsageError(
      `--set ${assignment}: expected key=value, e.g. --set region=eu-west-1`,
    );
  }
  const keys = assignment.slice(0, eq).split('.');
  if (keys.some(key => key === '' || UNSAFE_KEYS.has(key))) {
    throw new UsageError(
      `--set ${assignment}: "${assignment.slice(0, eq)}" is not a usable key`,
    );
  }
  const raw = assignment.slice(eq + 1);
  let value: unknown;
  try {
    value = raw === '' ? '' : (yaml.parse(raw) as unknown);
  } catch {
    value = raw;
  }
  return { keys, value };
}

function withValueAt(
  container: unknown,
  keys: string[],
  value: unknown,
  assignment: string,
  reached: string[],
): unknown {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  const here = [...reached, key];
  if (Array.isArray(container)) {
    const list = reached.join('.');
    if (!/^\d+$/.test(key)) {
      throw new UsageError(
        `--set ${assignment}: ${list} is a list; reach an item by its number (${list}.0.${key}) or give the whole list as YAML, e.g. --set '${list}=[...]'`,
      );
    }
    const index = Number(key);
    if (index > container.length) {
      throw new UsageError(
        `--set ${assignment}: ${list} has ${container.length} item(s), numbered from 0; ${container.length} adds one`,
      );
    }
    const items = [...container];
    items[index] = withValueAt(items[index], rest, value, assignment, here);
    return items;
  }
  // Nothing there yet: a number reaches into a new list, a name into a new object.
  if (container === undefined && /^\d+$/.test(key)) {
    return withValueAt([], keys, value, assignment, reached);
  }
  const object: Values = isObject(container) ? { ...container } : {};
  object[key] = withValueAt(object[key], rest, value, assignment, here);
  return object;
}

/**
 * Applies one `--set key=value` override. Dotted keys reach into objects
 * (`network.region=eu-west-1`) and, by number, into lists (`secrets.0.name=DB`); the
 * value is read as YAML, so `cpu=512` is a number, `exec=true` a boolean and
 * `subnets=[a, b]` a list.
 */
export function applySet(values: Values, assignment: string): Values {
  const { keys, value } = parseSet(assignment);
  return withValueAt(
    structuredClone(values),
    keys,
    value,
    assignment,
    [],
  ) as Values;
}

/** The top-level value names the `--set` assignments give. */
export function setKeys(assignments: string[]): string[] {
  return [...new Set(assignments.map(a => parseSet(a).keys[0]))];
}
