// A backend with only this plugin, a catalog of the demo entities and the demo EC2 server:
// `npx backstage-cli package start` here, then
// curl http://localhost:7007/api/private-fargate/v1/entities/default/Component/payments-api/status
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { parseAllDocuments } from 'yaml';
import { Ec2QueryServer } from '../src/testing/ec2QueryServer';
import { demoFixture } from '../src/testing/demoFixture';

const DEMO_EC2_PORT = 4599;

async function main() {
  // The demo entities, and the templates the status compares `private-fargate/template` with.
  const templatesDir = resolve(__dirname, '../../../templates');
  const files = [
    resolve(__dirname, '../../../examples/entities.yaml'),
    ...readdirSync(templatesDir)
      .map(name => resolve(templatesDir, name, 'template.yaml'))
      .filter(file => existsSync(file)),
  ];
  const entities = files
    .flatMap(file => parseAllDocuments(readFileSync(file, 'utf8')))
    .map(document => document.toJS() as Entity | null)
    .filter((entity): entity is Entity => Boolean(entity));

  try {
    const ec2 = await Ec2QueryServer.start({
      fixture: demoFixture(),
      port: DEMO_EC2_PORT,
    });
    process.once('exit', () => ec2.stop());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      throw error;
    }
    // `npm start` at the repo root already runs the demo EC2 server on this port.
  }

  const backend = createBackend();
  backend.add(mockServices.auth.factory());
  backend.add(mockServices.httpAuth.factory());
  backend.add(catalogServiceMock.factory({ entities }));
  backend.add(import('../src'));
  await backend.start();
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
