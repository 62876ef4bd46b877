import fs from 'node:fs/promises';
import path from 'node:path';
import { comparePaths } from './comparePaths';
import { RECORD_PATH } from './record';

/** A file of a generated tree, with its path relative to the tree's root. */
export type TreeFile = { path: string; content: Buffer };

/**
 * Every regular file under `root` except version-control data and the record
 * itself: what a template generated, when called at the end of a run.
 */
export async function listTreeFiles(root: string): Promise<TreeFile[]> {
  const entries = await fs.readdir(root, {
    recursive: true,
    withFileTypes: true,
  });
  const paths = entries
    .filter(entry => entry.isFile())
    .map(entry =>
      path
        .relative(root, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .filter(
      relative =>
        relative !== RECORD_PATH && !relative.split('/').includes('.git'),
    )
    .sort(comparePaths);
  return Promise.all(
    paths.map(async relative => ({
      path: relative,
      content: await fs.readFile(path.join(root, relative)),
    })),
  );
}
