import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CommandIo } from '../CommandIo';
import { UsageError } from '../UsageError';
import { actionModules } from './actionModules';
import { isCatalogFile, validateCatalogFile } from './catalogFiles';
import {
  applyDefaults,
  DryRunFailedError,
  DryRunResult,
  formatProblems as formatValueProblems,
  validateValues,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';
import { DryRunBackend, startDryRunBackend } from './dryRunBackend';
import { quoteHints } from './quoteHints';
import { formatLog, formatReport } from './report';
import {
  loadTemplateFolder,
  TemplateFolder,
  TemplateInvalidError,
} from './templateFolder';
import { unknownKeyProblems } from './unknownKeys';
import { Values } from './values';
import {
  checkOutDir,
  checkOutsideTemplate,
  planOutputPaths,
  writeOutput,
} from './writeOutput';

/** Exit codes of `render`: the issue fixes them, scripts rely on them. */
export const RENDER_EXIT = { ok: 0, templateFailed: 1, invalid: 2 } as const;

/** Everything `render` needs, already parsed from the command line. */
export type RenderOptions = {
  templateDir: string;
  values: Values;
  outDir: string;
  force: boolean;
  /** Entities the in-process catalog serves (for `catalog:fetch` and pickers). */
  entities: Entity[];
  /** The `--set` assignments already in `values`, to say how to quote one that should be text. */
  sets?: string[];
};

async function withBackend<T>(
  entities: Entity[],
  fn: (backend: DryRunBackend) => Promise<T>,
): Promise<T> {
  const backend = await startDryRunBackend({
    modules: actionModules(),
    entities,
  });
  try {
    return await fn(backend);
  } finally {
    await backend.stop();
  }
}

/**
 * Validates the values, dry-runs the template through the scaffolder and
 * writes the workspace under `outDir` only when every step and check passed.
 */
export async function renderTemplate(
  options: RenderOptions,
  io: CommandIo,
): Promise<number> {
  checkOutDir(options.outDir, options.force);
  checkOutsideTemplate(options.outDir, options.templateDir);
  let folder: TemplateFolder;
  try {
    folder = await loadTemplateFolder(options.templateDir);
  } catch (error) {
    if (!(error instanceof TemplateInvalidError)) throw error;
    io.stderr(`${error.message}\nNothing was written.\n`);
    return RENDER_EXIT.templateFailed;
  }
  const name = folder.template.metadata.name;

  const values = applyDefaults(folder.template, options.values);
  const problems = [
    ...unknownKeyProblems(folder.template, Object.keys(options.values)),
    ...validateValues(folder.template, values),
  ];
  if (problems.length > 0) {
    const hints = quoteHints(
      folder.template,
      options.values,
      options.sets ?? [],
    );
    io.stderr(
      `The values do not fit template ${name} (${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }):\n${formatValueProblems(problems)}\n${hints
        .map(hint => `${hint}\n`)
        .join(
          '',
        )}Fix them in the values file or with --set <field>=<value>. Nothing was written.\n`,
    );
    return RENDER_EXIT.invalid;
  }

  let result: DryRunResult;
  try {
    result = await withBackend(options.entities, backend =>
      backend.dryRun({
        template: folder.template,
        values,
        files: folder.files,
      }),
    );
  } catch (error) {
    // A step that refuses its input answers 400, as the upgrade reads it too: the values
    // (or the catalog entities they name) are what to fix, not the template.
    if (
      error instanceof DryRunFailedError &&
      (error.reason === 'invalid-values' || error.status === 400)
    ) {
      io.stderr(
        `Template ${name} refused the values: ${error.message}\nNothing was written.\n`,
      );
      return RENDER_EXIT.invalid;
    }
    if (error instanceof InputError) {
      io.stderr(
        `Template ${name} cannot run: ${error.message}\nNothing was written.\n`,
      );
      return RENDER_EXIT.invalid;
    }
    if (error instanceof DryRunFailedError) {
      io.stderr(
        `Template ${name} failed: ${error.message}\nNothing was written.\n`,
      );
      return RENDER_EXIT.templateFailed;
    }
    throw error;
  }

  const catalogProblems = (
    await Promise.all(
      result.files
        .filter(file => isCatalogFile(file.path))
        .map(file =>
          validateCatalogFile(file.path, file.content.toString('utf8')),
        ),
    )
  ).flat();
  if (catalogProblems.length > 0) {
    io.stderr(
      `Template ${name} produced catalog entities the catalog would reject:\n${catalogProblems
        .map(p => `  ${p}`)
        .join('\n')}\n${formatLog(result.log)}\nNothing was written.\n`,
    );
    return RENDER_EXIT.templateFailed;
  }

  try {
    planOutputPaths(options.outDir, result.files);
  } catch (error) {
    io.stderr(
      `Template ${name} failed: ${
        (error as Error).message
      }\nNothing was written.\n`,
    );
    return RENDER_EXIT.templateFailed;
  }
  try {
    writeOutput(options.outDir, result.files);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\nNothing was written.\n`);
    return RENDER_EXIT.invalid;
  }
  io.stdout(formatReport(name, result, options.outDir));
  return RENDER_EXIT.ok;
}
