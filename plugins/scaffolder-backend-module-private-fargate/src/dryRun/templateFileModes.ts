import path from 'node:path';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  parseScaffoldRecord,
  RECORD_PATH,
  serializeScaffoldRecord,
} from '../upgrade/record';

/** A file that goes into or comes out of a dry run. */
type File = { path: string; content: Buffer; executable?: boolean };

/**
 * The actions that copy a folder of the template into the workspace with each file's mode:
 * fetch:plain copies the folder, fetch:template writes each file with its source's mode.
 * (fetch:template:file writes without it, so its output is never executable.)
 */
const FOLDER_COPIES = new Set(['fetch:template', 'fetch:plain']);

/** An expression the scaffolder renders, in a step input or a file name. */
const EXPRESSION = /\{\{|\{%/;

/**
 * A step input that names a place inside the template or the workspace, as a relative path
 * without `./` or a trailing `/` ('' for the root); undefined for an expression, a URL or an
 * absolute path, which cannot be followed.
 */
function literalRelativePath(value: unknown): string | undefined {
  if (typeof value !== 'string' || EXPRESSION.test(value)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || path.posix.isAbsolute(value)) {
    return undefined;
  }
  const normal = path.posix.normalize(value).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return undefined;
  return normal === '.' ? '' : normal;
}

/** fetch:template's templateFileExtension as the action reads it: true is `.njk`. */
function templateExtension(value: unknown): string | undefined {
  if (value === true) return '.njk';
  if (typeof value !== 'string' || !value) return undefined;
  return value.startsWith('.') ? value : `.${value}`;
}

/**
 * The workspace paths where the template's own executable files land: for every
 * fetch:template or fetch:plain step whose `url` is a folder of the template and whose
 * `targetPath` is literal, each file under that folder lands at the same path under
 * `targetPath` (fetch:template drops its `templateFileExtension`, and keeps what an earlier
 * step wrote there unless `replace`). Files whose names the step renders are left out.
 */
export function executablesCopiedFromTemplate(
  template: TemplateEntityV1beta3,
  templateFiles: File[],
): Set<string> {
  const landed = new Map<string, boolean>();
  for (const step of template.spec.steps ?? []) {
    if (!FOLDER_COPIES.has(step.action)) continue;
    const input = (step.input ?? {}) as Record<string, unknown>;
    const from = literalRelativePath(input.url);
    const to = literalRelativePath(input.targetPath ?? '.');
    if (from === undefined || to === undefined) continue;
    const isTemplate = step.action === 'fetch:template';
    const extension = isTemplate
      ? templateExtension(input.templateFileExtension)
      : undefined;
    const replace = !isTemplate || input.replace === true;
    const prefix = from ? `${from}/` : '';
    for (const file of templateFiles) {
      if (!file.path.startsWith(prefix)) continue;
      let relative = file.path.slice(prefix.length);
      if (EXPRESSION.test(relative)) continue;
      if (extension && relative.endsWith(extension)) {
        relative = relative.slice(0, -extension.length);
      }
      const target = to ? `${to}/${relative}` : relative;
      if (!replace && landed.has(target)) continue;
      landed.set(target, file.executable === true);
    }
  }
  return new Set(
    [...landed].filter(([, executable]) => executable).map(([p]) => p),
  );
}

/** A record among the files, with its executable flags set for the files restored. */
function restoreRecord(record: File, restored: Set<string>): File | undefined {
  const prefix = record.path.slice(0, -RECORD_PATH.length);
  let parsed;
  try {
    parsed = parseScaffoldRecord(record.content.toString('utf8'), record.path);
  } catch {
    return undefined;
  }
  let changed = false;
  const files = parsed.files.map(entry => {
    if (entry.executable || !restored.has(`${prefix}${entry.path}`)) {
      return entry;
    }
    changed = true;
    return { ...entry, executable: true };
  });
  if (!changed) return undefined;
  return {
    ...record,
    content: Buffer.from(serializeScaffoldRecord({ ...parsed, files })),
  };
}

/**
 * Backstage's dry run takes a template's files as path and content only (its route keeps
 * nothing else, and writes each file with the default mode), so an executable script of the
 * template comes out of a dry run as a plain file, where the portal's real run, which reads
 * the template with its modes, writes it executable. This puts the bit back on the files that
 * fetch:template and fetch:plain copied from the template's own folders (see
 * executablesCopiedFromTemplate), and on their entries in any record the run wrote
 * (`.private-fargate/scaffold.json`), so the result is what the real run would write.
 * Only ever sets the bit: a later step that clears it is not seen.
 */
export function restoreTemplateModes<T extends File>(
  template: TemplateEntityV1beta3,
  templateFiles: File[],
  result: T[],
): T[] {
  const executables = executablesCopiedFromTemplate(template, templateFiles);
  const restored = new Set<string>();
  const files = result.map(file => {
    if (file.executable || !executables.has(file.path)) return file;
    restored.add(file.path);
    return { ...file, executable: true };
  });
  if (restored.size === 0) return files;
  return files.map(file =>
    file.path === RECORD_PATH || file.path.endsWith(`/${RECORD_PATH}`)
      ? (restoreRecord(file, restored) as T | undefined) ?? file
      : file,
  );
}
