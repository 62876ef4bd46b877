import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { GeneratedFile } from './generate';

async function exists(target: string): Promise<boolean> {
  try {
    await fs.lstat(target);
    return true;
  } catch {
    return false;
  }
}

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
    if (await exists(target)) {
      const stat = await fs.lstat(target);
      if (!stat.isDirectory()) {
        throw new InputError(
          `targetPath: "${targetPath}" exists and is not a folder`,
        );
      }
      await fs.cp(target, staging, { recursive: true, verbatimSymlinks: true });
    }
    for (const file of files) {
      const destination = resolveSafeChildPath(staging, file.path);
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.rm(destination, { force: true, recursive: true });
      await fs.writeFile(destination, file.content, 'utf8');
    }
    const hadTarget = await exists(target);
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
