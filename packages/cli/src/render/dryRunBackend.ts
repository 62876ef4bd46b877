import os from 'node:os';
import {
  BackendFeature,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  DryRunFailedError,
  DryRunResult,
  inMemoryDatabaseServiceFactory,
  requestDryRun,
  Values,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';
import { createRecordingCatalog } from './recordingCatalog';

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
 * A run failed after a step asked the catalog for entities it does not hold: the
 * `--catalog` files lack them (a portal's catalog would have them, or say so).
 */
export class MissingCatalogEntityError extends InputError {
  constructor(readonly refs: string[], cause: DryRunFailedError) {
    const them = refs.length === 1 ? 'that entity' : 'those entities';
    super(
      `the catalog has no ${refs.join(
        ', ',
      )}, which the template reads (the step said: ${
        cause.message
      }); pass --catalog <file> with ${them} (examples/values/catalog.yaml holds the ones the examples use)`,
    );
  }
}

/**
 * Starts the real scaffolder plugin in this process with the given action
 * modules and a catalog that holds `entities`, listening on loopback only.
 */
export async function startDryRunBackend(options: {
  modules: BackendFeature[];
  entities?: Entity[];
}): Promise<DryRunBackend> {
  const { catalog, takeMissing } = createRecordingCatalog(
    options.entities ?? [],
  );
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      ...options.modules,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      inMemoryDatabaseServiceFactory,
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
  const scaffolderBaseUrl = `http://127.0.0.1:${port}/api/scaffolder`;
  // The scaffolder itself looks up the user who runs the template, the test backend's
  // mock user, which no catalog holds; only what the steps miss is worth reporting.
  const runner = mockCredentials.user().principal.userEntityRef;
  const missedBySteps = () => takeMissing().filter(ref => ref !== runner);

  return {
    async dryRun({ template, values, files }) {
      takeMissing();
      try {
        return await requestDryRun({
          scaffolderBaseUrl,
          template,
          values,
          files,
        });
      } catch (error) {
        const missing = missedBySteps();
        if (error instanceof DryRunFailedError && missing.length > 0) {
          throw new MissingCatalogEntityError(missing, error);
        }
        throw error;
      }
    },
    stop: () => backend.stop(),
  };
}
