import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { lstatIfPresent } from '../files/lstatIfPresent';

/** One change to a file of the repository: new content, or removal when `content` is absent. */
export type FileChange = { path: string; content?: Buffer };

/**
 * Applies every change or none: new contents are staged first, then each
 * target is moved aside and replaced by a rename; any failure moves the
 * originals back, so the repository is left as it was.
 */
export async function applyFileChanges(
  root: string,
  changes: FileChange[],
): Promise<void> {
  const targets = changes.map(change => {
    try {
      return resolveSafeChildPath(root, change.path);
    } catch {
      throw new InputError(
        `${change.path} is outside ${root} (through a symbolic link?); nothing was written`,
      );
    }
  });
  const workDir = path.join(root, '.private-fargate');
  await fs.mkdir(workDir, { recursive: true });
  const staging = await fs.mkdtemp(path.join(workDir, '.upgrade-'));
  const done: { target: string; backup?: string; wrote: boolean }[] = [];
  try {
    await Promise.all(
      changes.map((change, i) =>
        change.content
          ? fs.writeFile(path.join(staging, `new-${i}`), change.content)
          : undefined,
      ),
    );
    for (const [i, change] of changes.entries()) {
      const target = targets[i];
      const step: (typeof done)[number] = { target, wrote: false };
      done.push(step);
      if (await lstatIfPresent(target)) {
        step.backup = path.join(staging, `old-${i}`);
        await fs.rename(target, step.backup);
      }
      if (change.content) {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(path.join(staging, `new-${i}`), target);
        step.wrote = true;
      }
    }
  } catch (error) {
    for (const step of done.reverse()) {
      if (step.wrote) await fs.rm(step.target, { force: true });
      if (step.backup) await fs.rename(step.backup, step.target);
    }
    throw error;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
    // The work folder also holds the record; remove it only if the run left it empty.
    await fs.rmdir(workDir).catch(() => undefined);
  }
}
