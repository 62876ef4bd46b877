import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { inMemoryDatabaseServiceFactory } from '../dryRun';
import privateFargateScaffolderModule from '../index';

/** A backend with the scaffolder, our module and a catalog holding `entities`; its server. */
export async function startModuleBackend(entities: Entity[] = []) {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      privateFargateScaffolderModule,
      inMemoryDatabaseServiceFactory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { backend: { baseUrl: 'http://localhost' } },
      }),
    ],
  });
  return server;
}

/**
 * Dry-runs a template of `steps` through the scaffolder's own route, as the template editor
 * does, on {@link startModuleBackend}'s backend.
 */
export async function dryRunTemplate(options: {
  steps: unknown[];
  output?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  values?: Record<string, unknown>;
  entities?: Entity[];
}) {
  const server = await startModuleBackend(options.entities);
  const response = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({
      template: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: options.metadata ?? { name: 'private-fargate-test' },
        spec: {
          owner: 'team-platform',
          type: 'service',
          parameters: [],
          steps: options.steps,
          output: options.output,
        },
      },
      values: options.values ?? {},
      directoryContents: [],
    });
  /** A file of the dry run's result, as text; undefined when the run did not write it. */
  const fileText = (file: string): string | undefined => {
    const found = response.body.directoryContents?.find(
      (f: { path: string }) => f.path === file,
    );
    return found
      ? Buffer.from(found.base64Content, 'base64').toString('utf8')
      : undefined;
  };
  return { response, fileText };
}
