import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import { restoreTemplateModes } from './templateFileModes';
import { Values } from './templateValues';

/** A file in a dry run's workspace. */
export type DryRunFile = {
  path: string;
  content: Buffer;
  executable?: boolean;
};

/** One line of a dry run's log, as the scaffolder emits it. */
export type DryRunLogEntry = {
  message: string;
  stepId?: string;
  status?: string;
};

/** A step as the scaffolder ran it, with ids and names filled in. */
export type DryRunStep = { id: string; name: string; action: string };

/** What the scaffolder answers to a successful dry run. */
export type DryRunResult = {
  steps: DryRunStep[];
  log: DryRunLogEntry[];
  output: Record<string, unknown>;
  files: DryRunFile[];
};

/** The scaffolder refused the values or a step failed. */
export class DryRunFailedError extends Error {
  constructor(
    message: string,
    readonly reason: 'invalid-values' | 'step-failed',
    /** HTTP status of the scaffolder's answer: 400 for bad input, from the values or a step. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'DryRunFailedError';
  }
}

/**
 * Runs a template through the scaffolder's own dry-run route
 * (`POST <scaffolder>/v2/dry-run`, what the template editor calls) and
 * returns the files it would write. The template's files travel with it;
 * the route drops their modes, so the executable bit of those that
 * fetch:template and fetch:plain copy is put back afterwards
 * (see restoreTemplateModes).
 */
export async function requestDryRun(options: {
  /** The scaffolder's base URL, e.g. from `discovery.getBaseUrl('scaffolder')`. */
  scaffolderBaseUrl: string;
  /** A token for the scaffolder; absent where the backend needs none. */
  token?: string;
  template: TemplateEntityV1beta3;
  values: Values;
  /** The template's files, as serializeDirectoryContents reads them (with `executable`). */
  files: { path: string; content: Buffer; executable?: boolean }[];
}): Promise<DryRunResult> {
  const response = await fetch(`${options.scaffolderBaseUrl}/v2/dry-run`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token && { authorization: `Bearer ${options.token}` }),
    },
    body: JSON.stringify({
      template: options.template,
      values: options.values,
      directoryContents: options.files.map(file => ({
        path: file.path,
        base64Content: file.content.toString('base64'),
      })),
    }),
  });
  const body = (await response.json().catch(() => undefined)) as any;
  if (!response.ok) {
    // The scaffolder answers `{ errors }` when the values fail the
    // parameter schemas, and `{ error }` when a step throws.
    if (Array.isArray(body?.errors)) {
      throw new DryRunFailedError(
        body.errors.map((e: any) => e.stack ?? e.message).join('; '),
        'invalid-values',
        response.status,
      );
    }
    throw new DryRunFailedError(
      body?.error?.message ??
        `the scaffolder answered ${response.status} ${response.statusText}`,
      'step-failed',
      response.status,
    );
  }
  return {
    steps: body.steps ?? [],
    log: (body.log ?? []).map((entry: any) => ({
      message: String(entry.body?.message ?? ''),
      stepId: entry.body?.stepId,
      status: entry.body?.status,
    })),
    output: body.output ?? {},
    files: restoreTemplateModes(
      options.template,
      options.files,
      (body.directoryContents ?? []).map(
        (file: any): DryRunFile => ({
          path: file.path,
          executable: file.executable,
          content: Buffer.from(file.base64Content, 'base64'),
        }),
      ),
    ),
  };
}
