import { InputError } from '@backstage/errors';
import {
  DryRunFailedError,
  FileChangeFailedError,
  readScaffoldRecord,
  upgradeRepository,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';
import { CommandIo } from '../CommandIo';
import { applySet, DryRunBackend } from '../render';
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
  /** Values that override recorded ones, besides `sets`. */
  values?: Record<string, unknown>;
  /** `--set` assignments, applied on top of the recorded values (so `secrets.0.name` edits one). */
  sets?: string[];
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
    const record = readScaffoldRecord(options.folder);
    const { name, version } = record.template;
    if (options.targetVersion === version) {
      io.stdout(
        `Up to date: ${options.folder} is at ${name}@${version}, the version --to asks for. Nothing to change.\n`,
      );
      return UPGRADE_EXIT.ok;
    }
    result = await upgradeRepository({
      folder: options.folder,
      record,
      targetVersion: options.targetVersion,
      values: (options.sets ?? []).reduce(applySet, {
        ...record.values,
        ...options.values,
      }),
      dryRun: options.dryRun,
      renderer: createTemplateFolderRenderer({
        resolveDir: options.resolveDir,
        backend: options.backend,
        sets: options.sets,
      }),
    });
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      io.stderr(`${error.message}\nNothing was written.\n`);
      return UPGRADE_EXIT.invalid;
    }
    if (error instanceof DryRunFailedError) {
      io.stderr(
        `The template failed: ${error.message}\nNothing was written.\n`,
      );
      return UPGRADE_EXIT.failed;
    }
    if (error instanceof FileChangeFailedError) {
      io.stderr(
        `${options.folder}: ${error.message}\nThe repository was left as it was.\n`,
      );
      return UPGRADE_EXIT.failed;
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
