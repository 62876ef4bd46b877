import fs from 'node:fs';
import path from 'node:path';
import { FILE_BATCH, turnTaker } from '../files/turns';
import { comparePaths } from '../files/comparePaths';
import { RECORD_PATH } from './record';

/**
 * A file of a generated tree, with its path relative to the tree's root and whether it is
 * executable (any execute bit, as the scaffolder's serializeDirectoryContents reads it; absent
 * counts as not).
 */
export type TreeFile = { path: string; content: Buffer; executable?: boolean };

/**
 * Every regular file under `root`, with its executable bit, except version-control data and
 * the record itself: what a template generated, when called at the end of a run. Read in
 * synchronous batches (see turnTaker); a file larger than a batch is read
 * asynchronously.
 */
export async function listTreeFiles(root: string): Promise<TreeFile[]> {
  const take = turnTaker();
  const files: TreeFile[] = [];
  const folders = [''];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    const entries = fs.readdirSync(path.join(root, folder), {
      withFileTypes: true,
    });
    await take(0);
    for (const entry of entries) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.name === '.git' || relative === RECORD_PATH) continue;
      if (entry.isDirectory()) {
        folders.push(relative);
      } else if (entry.isFile()) {
        const file = path.join(root, relative);
        const stat = fs.statSync(file);
        const content =
          stat.size > FILE_BATCH.bytes
            ? await fs.promises.readFile(file)
            : fs.readFileSync(file);
        files.push({
          path: relative,
          content,
          executable: (stat.mode & 0o111) !== 0,
        });
        await take(content.length);
      }
    }
  }
  return files.sort((a, b) => comparePaths(a.path, b.path));
}
