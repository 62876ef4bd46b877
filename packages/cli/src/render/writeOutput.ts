import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../UsageError';
import {
  applyFileChangesSync,
  DryRunFile,
  FileChangeFailedError,
  FileChangeRefusedError,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';

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

/**
 * Writes the rendered files all or nothing, with their executable bits; call only after the
 * whole run succeeded. The module's applier (the upgrade's) does the work: it checks every
 * destination first (a folder where a file goes, a file where a folder must go, or a symbolic
 * link on the way is refused: writing through one would change something outside `--out`, or
 * not what the listing shows), makes `--out` if need be, stages the files inside it and moves
 * them in, keeping what they replace until the end, so a failure leaves `--out` as it was and
 * removes the folders it made. Problems with the folder are UsageErrors naming `--out`.
 */
export function writeOutput(outDir: string, files: DryRunFile[]): string[] {
  const targets = planOutputPaths(outDir, files);
  try {
    applyFileChangesSync(
      outDir,
      files.map(file => ({
        path: file.path,
        content: file.content,
        executable: file.executable,
      })),
    );
  } catch (error) {
    if (error instanceof FileChangeRefusedError) {
      throw new UsageError(
        `--out ${outDir}: cannot write ${error.path}: ${error.reason}; move it away or choose another --out`,
      );
    }
    if (error instanceof FileChangeFailedError) {
      throw new UsageError(
        `--out ${outDir}: cannot write ${error.path ?? outDir}: ${
          error.failure.message
        }`,
      );
    }
    throw error;
  }
  return targets;
}
