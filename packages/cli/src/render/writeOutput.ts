import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../UsageError';
import { DryRunFile } from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';

/** The closest of `target` and its ancestors that exists. */
function nearestExisting(target: string): string {
  let current = target;
  while (!fs.existsSync(current) && path.dirname(current) !== current) {
    current = path.dirname(current);
  }
  return current;
}

/** `target` with the symbolic links of its existing part resolved. */
function realPathOf(target: string): string {
  const existing = nearestExisting(target);
  return path.join(fs.realpathSync(existing), path.relative(existing, target));
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative === '' ||
    (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative))
  );
}

/**
 * Refuses, before anything runs, an `--out` that cannot become a folder (it is a file, or
 * lies under one) or that holds files unless `--force`; a missing folder is fine.
 */
export function checkOutDir(outDir: string, force: boolean): void {
  const root = path.resolve(outDir);
  const existing = nearestExisting(root);
  if (!fs.statSync(existing).isDirectory()) {
    throw new UsageError(
      existing === root
        ? `--out ${outDir} is a file; give a folder`
        : `--out ${outDir}: ${existing} is a file, so no folder can be made under it; give a folder path`,
    );
  }
  if (existing === root && !force && fs.readdirSync(root).length > 0) {
    throw new UsageError(
      `--out ${outDir} is not empty; choose an empty folder or pass --force to write over it`,
    );
  }
}

/**
 * The scaffolder reads every file of the template folder into the run, so output
 * written inside it would ship with every later render.
 */
export function checkOutsideTemplate(
  outDir: string,
  templateDir: string,
): void {
  if (isInside(realPathOf(path.resolve(outDir)), realPathOf(templateDir))) {
    throw new UsageError(
      `--out ${outDir} is inside the template folder ${templateDir}, whose every file the scaffolder reads into the run, so later renders would ship this output; choose a folder outside it`,
    );
  }
}

/** Where each file will land; throws before anything is written if one would leave `outDir`. */
export function planOutputPaths(outDir: string, files: DryRunFile[]): string[] {
  const root = path.resolve(outDir);
  return files.map(file => {
    if (path.isAbsolute(file.path) || file.path.split(/[\\/]/).includes('..')) {
      throw new Error(
        `the template produced "${file.path}", which would land outside --out; a template may only write inside its workspace`,
      );
    }
    return path.join(root, file.path);
  });
}

function lstatIfPresent(target: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * Refuses a destination that a file cannot simply be written to: a folder in its place, a
 * file where a folder should be, or a symbolic link on the way (writing through one would
 * change something outside `--out`, or not what the listing shows).
 */
function checkDestinations(outDir: string, files: DryRunFile[]): void {
  const root = path.resolve(outDir);
  for (const file of files) {
    const parts = path.normalize(file.path).split(path.sep).filter(Boolean);
    let current = root;
    for (const [index, part] of parts.entries()) {
      current = path.join(current, part);
      const stat = lstatIfPresent(current);
      if (!stat) break;
      const there = path.relative(root, current);
      const refuse = (why: string) =>
        new UsageError(
          `--out ${outDir}: cannot write ${file.path}: ${why}; move it away or choose another --out`,
        );
      if (stat.isSymbolicLink()) {
        throw refuse(`${there} is a symbolic link`);
      }
      const last = index === parts.length - 1;
      if (last && !stat.isFile()) {
        throw refuse(
          `${there} is ${stat.isDirectory() ? 'a folder' : 'not a file'}`,
        );
      }
      if (!last && !stat.isDirectory()) {
        throw refuse(`${there} is a file, where the template needs a folder`);
      }
    }
  }
}

/**
 * Writes the rendered files all or nothing; call only after the whole run succeeded.
 * Every destination is checked first, then the files are staged (beside a new `--out`,
 * which is then renamed into place; inside an existing one, so that moves stay on one
 * file system) and moved in, keeping what they replace until the end, so a failure
 * leaves `--out` as it was. Problems with the folder are UsageErrors naming `--out`.
 */
export function writeOutput(outDir: string, files: DryRunFile[]): string[] {
  const targets = planOutputPaths(outDir, files);
  checkDestinations(outDir, files);

  const resolved = path.resolve(outDir);
  const existed = fs.existsSync(resolved);
  const root = existed ? fs.realpathSync(resolved) : resolved;
  const undo: (() => void)[] = [];
  let staging: string | undefined;
  let current = outDir;
  try {
    const stagingName = `.private-fargate-render-${randomUUID().slice(0, 8)}`;
    if (existed) {
      staging = path.join(root, stagingName);
    } else {
      const madeParent = fs.mkdirSync(path.dirname(root), { recursive: true });
      if (madeParent)
        undo.push(() => fs.rmSync(madeParent, { recursive: true }));
      staging = path.join(path.dirname(root), stagingName);
    }
    const staged = path.join(staging, 'new');
    const replaced = path.join(staging, 'replaced');
    fs.mkdirSync(replaced, { recursive: true });
    for (const file of files) {
      current = file.path;
      const target = path.join(staged, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content, {
        mode: file.executable ? 0o755 : 0o644,
      });
    }

    if (!existed) {
      current = outDir;
      fs.renameSync(staged, root);
      return targets;
    }
    for (const [index, file] of files.entries()) {
      current = file.path;
      const target = path.join(root, file.path);
      const madeDir = fs.mkdirSync(path.dirname(target), { recursive: true });
      if (madeDir) undo.push(() => fs.rmSync(madeDir, { recursive: true }));
      if (fs.existsSync(target)) {
        const backup = path.join(replaced, String(index));
        fs.renameSync(target, backup);
        undo.push(() => fs.renameSync(backup, target));
      }
      fs.renameSync(path.join(staged, file.path), target);
      undo.push(() => fs.rmSync(target, { force: true }));
    }
    return targets;
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Undo the rest regardless; the error below says what went wrong first.
      }
    }
    throw new UsageError(
      `--out ${outDir}: cannot write ${current}: ${(error as Error).message}`,
    );
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}
