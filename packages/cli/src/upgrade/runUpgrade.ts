import { InputError } from '@backstage/errors';
import { upgradeRepository } from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';
import { CommandIo } from '../CommandIo';
import { DryRunBackend } from '../render';
import { UsageError } from '../UsageError';
import { createTemplateFolderRenderer } from './templateFolderRenderer';

/** Exit codes of `upgrade`: the issue fixes them, scripts rely on them. */
export const UPGRADE_EXIT = {
  ok: 0,
  failed: 1,
  invalid: 2,
  conflicts: 3,
} as const;

/** Everything `upgrade` needs, already parsed from the command line. */
export type UpgradeOptions = {
  folder: string;
  targetVersion?: string;
  values: Record<string, unknown>;
  dryRun: boolean;
  resolveDir(templateName: string): string;
  backend(): Promise<DryRunBackend>;
};

/** Runs the upgrade engine with templates from disk and prints the change list. */
export async function runUpgrade(
  options: UpgradeOptions,
  io: CommandIo,
): Promise<number> {
  let result;
  try {
    result = await upgradeRepository({
      folder: options.folder,
      targetVersion: options.targetVersion,
      values: options.values,
      dryRun: options.dryRun,
      renderer: createTemplateFolderRenderer({
        resolveDir: options.resolveDir,
        backend: options.backend,
      }),
    });
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      io.stderr(`${error.message}\nNothing was written.\n`);
      return UPGRADE_EXIT.invalid;
    }
    throw error;
  }
  io.stdout(result.markdown);
  if (options.dryRun) {
    io.stdout(
      result.changedPaths.length > 0
        ? `\nDry run: would write or delete ${
            result.changedPaths.length
          } file(s):\n${result.changedPaths
            .map(p => `  ${p}`)
            .join('\n')}\nNothing was written.\n`
        : '\nDry run: nothing to change.\n',
    );
  }
  return result.summary.conflicts.length > 0
    ? UPGRADE_EXIT.conflicts
    : UPGRADE_EXIT.ok;
}
