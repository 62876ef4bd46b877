import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { turnTaker } from '../files/turns';
import { resolveWorkspaceFolder } from '../files/workspaceFolder';
import { GeneratedFile } from './generate';

/**
 * Writes `files` under `targetPath` of the workspace, all or nothing. A new target folder is
 * written in place, and removed again with any parents made for it if a write fails. For an
 * existing one, the new tree (its files plus the generated ones) is built in a staging folder
 * next to it and swapped in with renames, so a failure leaves it as it was.
 */
export async function writeWorkspace(
  workspacePath: string,
  targetPath: string,
  files: GeneratedFile[],
): Promise<string> {
  const target = resolveWorkspaceFolder(workspacePath, targetPath, 'infra');
  if (path.resolve(target) === path.resolve(workspacePath)) {
    throw new InputError(
      'targetPath: must name a folder inside the workspace, such as infra',
    );
  }
  const created = createFolder(target);
  if (created) {
    try {
      await writeFiles(target, files, { seeded: false });
    } catch (error) {
      await fs.rm(created, { recursive: true, force: true });
      throw error;
    }
    return target;
  }
  // Something was there already: it must be a folder, rebuilt beside it and swapped in.
  if (!(await fs.lstat(target)).isDirectory()) {
    throw new InputError(
      `targetPath: "${targetPath}" exists and is not a folder`,
    );
  }
  const staging = await fs.mkdtemp(
    path.join(path.dirname(target), `.${path.basename(target)}.staging-`),
  );
  const backup = `${staging}.previous`;
  try {
    await fs.cp(target, staging, { recursive: true, verbatimSymlinks: true });
    await writeFiles(staging, files, { seeded: true });
    await fs.rename(target, backup);
    try {
      await fs.rename(staging, target);
    } catch (error) {
      await fs.rename(backup, target);
      throw error;
    }
    await fs.rm(backup, { recursive: true, force: true });
    return target;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Creates `folder` and any missing parents; returns the first folder it made, or undefined
 * when something is already there.
 */
function createFolder(folder: string): string | undefined {
  try {
    return fsSync.mkdirSync(folder, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
}

/** `relative` resolved inside `folder`, judged on the path alone. */
function pathInside(folder: string, relative: string): string {
  const resolved = path.resolve(folder, relative);
  const fromFolder = path.relative(folder, resolved);
  if (fromFolder.startsWith('..') || path.isAbsolute(fromFolder)) {
    throw new NotAllowedError(`${relative} is outside ${folder}`);
  }
  return resolved;
}

/**
 * Writes the files into `folder`, synchronously in batches (see turnTaker): an asynchronous
 * write takes three thread-pool round trips, and a generated file is a few kilobytes. A folder
 * seeded with a copy of the target may hold symlinks leading out of the workspace, and entries
 * in the way: then every path is checked on disk before anything is created through it, and
 * replaced. A fresh folder holds only what is written here, so checking the path itself is
 * enough.
 */
async function writeFiles(
  folder: string,
  files: GeneratedFile[],
  options: { seeded: boolean },
): Promise<void> {
  const safePath = options.seeded ? resolveSafeChildPath : pathInside;
  const destinations = files.map(file => safePath(folder, file.path));
  for (const parent of new Set(destinations.map(path.dirname))) {
    fsSync.mkdirSync(parent, { recursive: true });
  }
  const take = turnTaker();
  for (const [index, file] of files.entries()) {
    if (options.seeded) {
      fsSync.rmSync(destinations[index], { force: true, recursive: true });
    }
    fsSync.writeFileSync(destinations[index], file.content, 'utf8');
    await take(Buffer.byteLength(file.content));
  }
}
