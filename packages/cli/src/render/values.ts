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

/**
 * Applies one `--set key=value` override. Dotted keys reach into objects
 * (`network.region=eu-west-1`); the value is read as YAML, so `cpu=512` is a
 * number, `exec=true` a boolean and `subnets=[a, b]` a list.
 */
export function applySet(values: Values, assignment: string): Values {
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
  const result: Values = structuredClone(values);
  let target: Values = result;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (!isObject(next)) target[key] = {};
    target = target[key] as Values;
  }
  target[keys[keys.length - 1]] = value;
  return result;
}
