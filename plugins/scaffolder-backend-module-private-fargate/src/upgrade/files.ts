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
  const result: TreeFile[] = [];
  async function walk(relative: string) {
    const entries = await fs.readdir(path.join(root, relative), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(child);
      } else if (entry.isFile() && child !== RECORD_PATH) {
        result.push({
          path: child,
          content: await fs.readFile(path.join(root, child)),
        });
      }
    }
  }
  await walk('');
  return result.sort((a, b) => comparePaths(a.path, b.path));
}
