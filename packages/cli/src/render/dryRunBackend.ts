import os from 'node:os';
import knexFactory from 'knex';
import {
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import { Values } from './values';

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

/** An in-process Backstage backend with the scaffolder, able to dry-run templates. */
export type DryRunBackend = {
  dryRun(options: {
    template: TemplateEntityV1beta3;
    values: Values;
    files: { path: string; content: Buffer }[];
  }): Promise<DryRunResult>;
  stop(): Promise<void>;
};

/**
 * One SQLite database in memory per plugin, closed when the backend stops.
 * Backstage's own database services leave SQLite pools open (Jest reaps them),
 * which would keep a command-line process alive after its work is done.
 */
const inMemoryDatabaseFactory = createServiceFactory({
  service: coreServices.database,
  deps: { lifecycle: coreServices.lifecycle },
  async factory({ lifecycle }) {
    const client = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
      // Every connection to ':memory:' is a separate database: keep one.
      pool: { min: 1, max: 1 },
    });
    lifecycle.addShutdownHook(() => client.destroy());
    return { getClient: async () => client, migrations: { skip: false } };
  },
});

/**
 * Starts the real scaffolder plugin in this process with the given action
 * modules and a catalog that holds `entities`, listening on loopback only.
 */
export async function startDryRunBackend(options: {
  modules: BackendFeature[];
  entities?: Entity[];
}): Promise<DryRunBackend> {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      ...options.modules,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      inMemoryDatabaseFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://localhost:7007',
          },
          // publish:github:pull-request builds its client before it checks for a
          // dry run, so it needs a token; a dry run returns before any request.
          integrations: {
            github: [{ host: 'github.com', token: 'dry-run-never-sent' }],
          },
          // Dry runs need no task workers, and idle workers would keep the process alive.
          scaffolder: {
            workingDirectory: os.tmpdir(),
            concurrentTasksLimit: 0,
          },
        },
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/api/scaffolder/v2/dry-run`;

  return {
    async dryRun({ template, values, files }) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          template,
          values,
          directoryContents: files.map(file => ({
            path: file.path,
            base64Content: file.content.toString('base64'),
          })),
        }),
      });
      const body = (await response.json()) as any;
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
          body?.error?.message ?? JSON.stringify(body),
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
        files: (body.directoryContents ?? []).map((file: any) => ({
          path: file.path,
          executable: file.executable,
          content: Buffer.from(file.base64Content, 'base64'),
        })),
      };
    },
    stop: () => backend.stop(),
  };
}
