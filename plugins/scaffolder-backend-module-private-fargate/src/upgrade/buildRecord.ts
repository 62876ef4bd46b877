import fs from 'node:fs';
import path from 'node:path';
import { listTreeFiles } from './files';
import {
  manifestEntry,
  RECORD_PATH,
  ScaffoldRecord,
  serializeScaffoldRecord,
} from './record';

function containsSecret(value: unknown, secrets: Set<string>): boolean {
  if (typeof value === 'string') return secrets.has(value);
  if (Array.isArray(value)) return value.some(v => containsSecret(v, secrets));
  if (value && typeof value === 'object') {
    return Object.values(value).some(v => containsSecret(v, secrets));
  }
  return false;
}

/**
 * The values worth recording: without the keys a template names as secret,
 * and without any value that carries one of the run's secrets.
 */
export function valuesWithoutSecrets(
  values: Record<string, unknown>,
  omit: string[],
  secrets: string[],
): { values: Record<string, unknown>; omitted: string[] } {
  const secretValues = new Set(secrets.filter(s => s.length > 0));
  const kept: Record<string, unknown> = {};
  const omitted: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (omit.includes(key) || containsSecret(value, secretValues)) {
      omitted.push(key);
    } else if (value !== undefined) {
      kept[key] = value;
    }
  }
  return { values: kept, omitted };
}

/**
 * Writes `.private-fargate/scaffold.json` in `root` (a folder of the workspace, resolved
 * inside it), with a sha256 for every file there and which are executable (written to a temporary name, then renamed).
 * A record is a few kilobytes, written synchronously like the Terraform (see writeWorkspace).
 */
export async function writeScaffoldRecord(options: {
  root: string;
  record: Omit<ScaffoldRecord, 'files' | 'schemaVersion'>;
}): Promise<ScaffoldRecord> {
  const { root } = options;
  const target = path.join(root, RECORD_PATH);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const files = await listTreeFiles(root);
  const record: ScaffoldRecord = {
    schemaVersion: 1,
    ...options.record,
    files: files.map(manifestEntry),
  };
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, serializeScaffoldRecord(record));
  fs.renameSync(temporary, target);
  return record;
}
