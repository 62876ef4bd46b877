import fs from 'node:fs';

/** The entry at `target` without following a symbolic link, or undefined when there is none. */
export function lstatIfPresent(target: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(target);
  } catch (error) {
    // ENOTDIR: a parent is a file, so nothing can be at `target` either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
