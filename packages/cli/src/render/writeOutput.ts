import fs from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { UsageError } from '../UsageError';
import { DryRunFile } from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';

/** Refuses an `--out` that holds files unless `--force`; a missing folder is fine. */
export function checkOutDir(outDir: string, force: boolean): void {
  if (!fs.existsSync(outDir)) return;
  if (!fs.statSync(outDir).isDirectory()) {
    throw new UsageError(`--out ${outDir} is a file; give a folder`);
  }
  if (!force && fs.readdirSync(outDir).length > 0) {
    throw new UsageError(
      `--out ${outDir} is not empty; choose an empty folder or pass --force to write over it`,
    );
  }
}

/** Where each file will land; throws before anything is written if one would leave `outDir`. */
export function planOutputPaths(outDir: string, files: DryRunFile[]): string[] {
  const root = path.resolve(outDir);
  return files.map(file => {
    if (path.isAbsolute(file.path) || file.path.split(/[\\/]/).includes('..')) {
      throw new Error(
        `the template produced "${file.path}", which would land outside --out; a template may only write inside its workspace`,
      );
    }
    // resolveSafeChildPath also follows symlinks already in the folder.
    return resolveSafeChildPath(root, file.path);
  });
}

/** Writes the rendered files; call only after the whole run succeeded. */
export function writeOutput(outDir: string, files: DryRunFile[]): string[] {
  const targets = planOutputPaths(outDir, files);
  files.forEach((file, index) => {
    fs.mkdirSync(path.dirname(targets[index]), { recursive: true });
    fs.writeFileSync(targets[index], file.content, {
      mode: file.executable ? 0o755 : 0o644,
    });
  });
  return targets;
}
