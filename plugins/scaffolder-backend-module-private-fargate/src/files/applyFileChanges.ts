import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { lstatIfPresent } from './lstatIfPresent';
import { turnTaker } from './turns';

/**
 * One change to a file under a folder: new content, written executable (0755 before the
 * umask) or not (0644, also when `executable` is absent), or the file's removal when `content`
 * is absent. A change of mode alone is new content equal to the old.
 */
export type FileChange = {
  /** Relative to the folder, with `/` between its parts. */
  path: string;
  content?: Buffer;
  executable?: boolean;
};

/**
 * A change refused before anything was written: its path leads outside the folder, or
 * something other than a plain folder or file is in the way (a symbolic link anywhere on it,
 * a folder where the file goes, a file where a folder must go). An InputError: the caller's
 * folder or changes are what to fix.
 */
export class FileChangeRefusedError extends InputError {
  /** The change's path, as given. */
  readonly path: string;
  /** Why, e.g. "link is a symbolic link", with paths relative to the folder. */
  readonly reason: string;

  constructor(change: string, reason: string) {
    super(`cannot write ${change}: ${reason}`);
    this.path = change;
    this.reason = reason;
  }
}

/** Writing failed part-way; everything already done was undone, so the folder is as it was. */
export class FileChangeFailedError extends Error {
  /** The change being made when it failed; absent when the folder itself could not be made. */
  readonly path: string | undefined;
  /** What the file system said. */
  readonly failure: Error;

  constructor(change: string | undefined, failure: Error, folder: string) {
    super(`cannot write ${change ?? folder}: ${failure.message}`);
    this.name = 'FileChangeFailedError';
    this.path = change;
    this.failure = failure;
  }
}

const STAGING_PREFIX = '.private-fargate-staging-';

/**
 * Refuses, before anything is written, a change whose path leaves `root` or whose way holds a
 * symbolic link (writing through one would change something other than what the change names,
 * maybe outside `root`), a folder where its file goes, or a file where a folder must go; and a
 * path changed twice, whose undo could not be ordered.
 */
function checkChanges(root: string, changes: FileChange[]): void {
  const seen = new Set<string>();
  for (const change of changes) {
    const refuse = (reason: string) =>
      new FileChangeRefusedError(change.path, reason);
    const split = change.path.split(/[\\/]/);
    if (path.isAbsolute(change.path) || split.includes('..')) {
      throw refuse(`it would land outside ${root}`);
    }
    const parts = split.filter(part => part !== '' && part !== '.');
    if (parts.length === 0) throw refuse('it names no file');
    const key = parts.join('/');
    if (seen.has(key)) throw refuse('it is changed twice');
    seen.add(key);

    let current = root;
    for (const [index, part] of parts.entries()) {
      current = path.join(current, part);
      const stat = lstatIfPresent(current);
      if (!stat) break;
      const there = path.relative(root, current);
      if (stat.isSymbolicLink()) throw refuse(`${there} is a symbolic link`);
      const last = index === parts.length - 1;
      if (last && !stat.isFile()) {
        throw refuse(
          `${there} is ${stat.isDirectory() ? 'a folder' : 'not a file'}`,
        );
      }
      if (!last && !stat.isDirectory()) {
        throw refuse(`${there} is a file, where a folder is needed`);
      }
    }
  }
}

/**
 * The applier, as steps: checks every change, makes `root` if need be, stages every new
 * content in a folder inside `root` (so that moves stay on one file system) with its mode, then
 * moves each target aside and the new file in, keeping what it replaced until the end. Any
 * failure undoes every step done, removing the folders it made (`root` included), and throws
 * a FileChangeFailedError naming the change. Yields the bytes of each file it wrote, so that a
 * driver may give the event loop a turn between them (see turnTaker).
 */
function* applySteps(
  root: string,
  changes: FileChange[],
): Generator<number, void, void> {
  const folder = path.resolve(root);
  checkChanges(folder, changes);

  const undo: (() => void)[] = [];
  let failing: string | undefined;
  let staging: string | undefined;
  try {
    const madeRoot = fs.mkdirSync(folder, { recursive: true });
    if (madeRoot) undo.push(() => fs.rmSync(madeRoot, { recursive: true }));
    const real = fs.realpathSync(folder);
    staging = fs.mkdtempSync(path.join(real, STAGING_PREFIX));

    for (const [index, change] of changes.entries()) {
      if (!change.content) continue;
      failing = change.path;
      fs.writeFileSync(path.join(staging, `new-${index}`), change.content, {
        mode: change.executable ? 0o755 : 0o644,
      });
      yield change.content.length;
    }

    for (const [index, change] of changes.entries()) {
      failing = change.path;
      const target = path.join(real, change.path);
      if (lstatIfPresent(target)) {
        const backup = path.join(staging, `old-${index}`);
        fs.renameSync(target, backup);
        undo.push(() => fs.renameSync(backup, target));
      }
      if (change.content) {
        const madeDir = fs.mkdirSync(path.dirname(target), { recursive: true });
        if (madeDir) undo.push(() => fs.rmSync(madeDir, { recursive: true }));
        fs.renameSync(path.join(staging, `new-${index}`), target);
        undo.push(() => fs.rmSync(target, { force: true }));
      }
      yield 0;
    }
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Undo the rest regardless; the error below says what went wrong first.
      }
    }
    throw new FileChangeFailedError(failing, error as Error, root);
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Applies every change under `root` or none (see applySteps), giving the event loop a turn
 * between batches of files: for servers, where a large tree must not stall other requests.
 * Throws FileChangeRefusedError (an InputError) before writing anything, or
 * FileChangeFailedError once everything was put back.
 */
export async function applyFileChanges(
  root: string,
  changes: FileChange[],
): Promise<void> {
  const take = turnTaker();
  const steps = applySteps(root, changes);
  for (let step = steps.next(); !step.done; step = steps.next()) {
    await take(step.value);
  }
}

/** applyFileChanges in one go, for command lines that wait for it anyway. */
export function applyFileChangesSync(
  root: string,
  changes: FileChange[],
): void {
  const steps = applySteps(root, changes);
  let step = steps.next();
  while (!step.done) step = steps.next();
}
