import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { lstatIfPresent } from '../files/lstatIfPresent';
import { GeneratedFile } from './generate';

/**
 * Writes `files` under `targetPath` of the workspace, all or nothing: the new tree (existing
 * files in the target folder plus the generated ones) is built in a staging folder next to it
 * and swapped in with renames, so a failure leaves the workspace as it was.
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
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(
    path.join(parent, `.${path.basename(target)}.staging-`),
  );
  const backup = `${staging}.previous`;
  try {
    const existing = await lstatIfPresent(target);
    const hadTarget = existing !== undefined;
    if (existing) {
      if (!existing.isDirectory()) {
        throw new InputError(
          `targetPath: "${targetPath}" exists and is not a folder`,
        );
      }
      await fs.cp(target, staging, { recursive: true, verbatimSymlinks: true });
    }
    await writeFiles(staging, files, { seeded: hadTarget });
    if (hadTarget) await fs.rename(target, backup);
    try {
      await fs.rename(staging, target);
    } catch (error) {
      if (hadTarget) await fs.rename(backup, target);
      throw error;
    }
    if (hadTarget) await fs.rm(backup, { recursive: true, force: true });
    return target;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
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
 * Writes the files into `folder`, concurrently. A folder seeded with a copy of the target may
 * hold symlinks leading out of the workspace, and entries in the way: then every path is
 * checked on disk before anything is created through it, and replaced. A fresh folder holds
 * only what is written here, so checking the path itself is enough.
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
