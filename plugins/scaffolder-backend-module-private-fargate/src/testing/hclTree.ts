import { parse } from '@cdktf/hcl2json';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A parsed `.tf` file: hcl2json's JSON form (blocks are arrays of bodies). */
export interface ParsedFile {
  /** Path relative to the tree root. */
  path: string;
  text: string;
  json: Record<string, any>;
}

/** All files of one Terraform module (one directory). */
export interface ParsedModule {
  /** Directory relative to the tree root, `''` for the root. */
  dir: string;
  files: ParsedFile[];
}

async function listTfFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), {
    withFileTypes: true,
  });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !entry.name.startsWith('.')) {
      found.push(...(await listTfFiles(root, relative)));
    } else if (entry.isFile() && entry.name.endsWith('.tf')) {
      found.push(relative);
    }
  }
  return found;
}

/** Reads and parses every `.tf` file under `root`, grouped by module directory. Parse errors are returned, not thrown. */
export async function readTerraformTree(root: string): Promise<{
  modules: ParsedModule[];
  errors: Array<{ file: string; message: string }>;
}> {
  const modules = new Map<string, ParsedModule>();
  const errors: Array<{ file: string; message: string }> = [];
  for (const file of await listTfFiles(root)) {
    const text = await fs.readFile(path.join(root, file), 'utf8');
    const dir =
      path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    let json: Record<string, any>;
    try {
      json = await parse(file, text);
    } catch (error) {
      errors.push({ file, message: String((error as Error).message ?? error) });
      continue;
    }
    const module = modules.get(dir) ?? { dir, files: [] };
    module.files.push({ path: file, text, json });
    modules.set(dir, module);
  }
  return { modules: [...modules.values()], errors };
}

/** One `resource`, `data`, `module`, `variable`, `output` or `locals` body with where it came from. */
export interface BlockInstance {
  file: string;
  kind: 'resource' | 'data';
  type: string;
  name: string;
  body: Record<string, any>;
}

/** Every resource and data block of a module. */
export function blocksOf(module: ParsedModule): BlockInstance[] {
  const found: BlockInstance[] = [];
  for (const file of module.files) {
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, byName] of Object.entries<Record<string, any[]>>(
        file.json[kind] ?? {},
      )) {
        for (const [name, bodies] of Object.entries(byName)) {
          for (const body of bodies)
            found.push({ file: file.path, kind, type, name, body });
        }
      }
    }
  }
  return found;
}

/** Named top-level blocks of one kind (`variable`, `output`, `module`), merged over the module's files. */
export function namedBlocks(
  module: ParsedModule,
  kind: string,
): Map<string, { file: string; body: Record<string, any> }> {
  const found = new Map<string, { file: string; body: Record<string, any> }>();
  for (const file of module.files) {
    for (const [name, bodies] of Object.entries<any[]>(file.json[kind] ?? {})) {
      for (const body of bodies) found.set(name, { file: file.path, body });
    }
  }
  return found;
}

/** Names defined in `locals` blocks. */
export function localNames(module: ParsedModule): Set<string> {
  const names = new Set<string>();
  for (const file of module.files) {
    for (const body of file.json.locals ?? []) {
      for (const name of Object.keys(body)) names.add(name);
    }
  }
  return names;
}

/** Every string in a JSON value, with a dotted path for messages. */
export function* stringsIn(
  value: unknown,
  at = '',
): Generator<{ at: string; value: string }> {
  if (typeof value === 'string') {
    yield { at, value };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      yield* stringsIn(value[i], `${at}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      yield* stringsIn(item, at ? `${at}.${key}` : key);
  }
}

/** Whether a parsed string holds an expression (`${...}` not escaped as `$${`). */
export function isExpression(value: string): boolean {
  return /(^|[^$])\$\{/.test(value) || /(^|[^%])%\{/.test(value);
}
