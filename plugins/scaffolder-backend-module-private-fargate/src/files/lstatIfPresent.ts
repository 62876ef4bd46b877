import { Stats } from 'node:fs';
import fs from 'node:fs/promises';

/** The entry at `target` without following a symbolic link, or undefined when there is none. */
export async function lstatIfPresent(
  target: string,
): Promise<Stats | undefined> {
  try {
    return await fs.lstat(target);
  } catch (error) {
    // ENOTDIR: a parent is a file, so nothing can be at `target` either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
