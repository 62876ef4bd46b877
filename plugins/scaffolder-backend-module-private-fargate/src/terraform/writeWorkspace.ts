import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
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
  let target: string;
  try {
    target = resolveSafeChildPath(workspacePath, targetPath);
  } catch {
    throw new InputError(
      `targetPath: "${targetPath}" is outside the workspace; use a relative path such as infra`,
    );
  }
  if (path.resolve(target) === path.resolve(workspacePath)) {
    throw new InputError(
      'targetPath: must name a folder inside the workspace, such as infra',
    );
  }
  const created = await createFolder(target);
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
async function createFolder(folder: string): Promise<string | undefined> {
  try {
    return await fs.mkdir(folder, { recursive: true });
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
 * Writes the files into `folder`, concurrently: creating a file is the costly part of a write,
 * and the thread pool spreads it over the machine's cores (reads are another matter, see
 * turnTaker). A folder seeded with a copy of the target may hold symlinks leading out of the
 * workspace, and entries in the way: then every path is checked on disk before anything is
 * created through it, and replaced. A fresh folder holds only what is written here, so
 * checking the path itself is enough.
 */
async function writeFiles(
  folder: string,
  files: GeneratedFile[],
  options: { seeded: boolean },
): Promise<void> {
  const safePath = options.seeded ? resolveSafeChildPath : pathInside;
  const folders = [...new Set(files.map(file => path.dirname(file.path)))].map(
    relative => safePath(folder, relative),
  );
  const destinations = files.map(file => safePath(folder, file.path));
  await Promise.all(folders.map(dir => fs.mkdir(dir, { recursive: true })));
  // Wait for every write before failing, so nothing is still writing during the clean-up.
  const writes = await Promise.allSettled(
    files.map(async (file, index) => {
      if (options.seeded) {
        await fs.rm(destinations[index], { force: true, recursive: true });
      }
      await fs.writeFile(destinations[index], file.content, 'utf8');
    }),
  );
  const failure = writes.find(
    (write): write is PromiseRejectedResult => write.status === 'rejected',
  );
  if (failure) throw failure.reason;
}
