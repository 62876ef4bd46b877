import os from 'node:os';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  DryRunResult,
  inMemoryDatabaseServiceFactory,
  requestDryRun,
  Values,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate';

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

  return {
    dryRun: ({ template, values, files }) =>
      requestDryRun({ scaffolderBaseUrl, template, values, files }),
    stop: () => backend.stop(),
  };
}
