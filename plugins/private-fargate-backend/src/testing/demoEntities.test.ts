import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  PRIVATE_FARGATE_ANNOTATIONS,
  compareTemplateVersions,
} from '@private-fargate/plugin-private-fargate-common';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { startStatusBackend } from '../__testUtils__/statusBackend';
import { demoFixture } from './demoFixture';
import { Ec2QueryServer } from './ec2QueryServer';

// The demo's catalog (examples/entities.yaml) and the demo EC2 server must tell one story.
const entities = parseAllDocuments(
  readFileSync(
    resolve(__dirname, '../../../../examples/entities.yaml'),
    'utf8',
  ),
).map(document => document.toJS() as Entity);

describe('demo entities against the demo EC2 server', () => {
  let server: Ec2QueryServer;

  beforeAll(async () => {
    server = await Ec2QueryServer.start({ fixture: demoFixture() });
  });

  afterAll(async () => {
    await server.stop();
  });

  async function statusOf(kind: string, name: string) {
    const { backend } = await startStatusBackend({
      server,
      entities,
      privateFargate: { demo: true },
    });
    const res = await request(backend.server).get(
      `/api/private-fargate/v1/entities/default/${kind}/${name}/status`,
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body.source).toBe('demo');
    return res.body;
  }

  it('should show the provider with accepted, pending and rejected connections', async () => {
    const status = await statusOf('Component', 'payments-api');
    expect(status.endpoints.map((row: any) => row.state)).toEqual(
      expect.arrayContaining(['available', 'pending']),
    );
    expect(status.endpointService.connectionCountsByState).toEqual({
      available: 1,
      pendingacceptance: 1,
      rejected: 1,
    });
  });

  it('should compare the provider with the service template the demo catalog loads', async () => {
    // The demo app loads templates/*/template.yaml into the catalog next to these entities.
    const template = parseAllDocuments(
      readFileSync(
        resolve(
          __dirname,
          '../../../../templates/private-fargate-service/template.yaml',
        ),
        'utf8',
      ),
    )[0].toJS() as Entity;
    const latest =
      template.metadata.annotations?.[
        PRIVATE_FARGATE_ANNOTATIONS.templateVersion
      ];
    const { backend } = await startStatusBackend({
      server,
      entities: [...entities, template],
      privateFargate: { demo: true },
    });
    const res = await request(backend.server).get(
      '/api/private-fargate/v1/entities/default/Component/payments-api/status',
    );
    expect(res.status).toBe(200);
    expect(res.body.template).toEqual({
      name: 'private-fargate-service',
      version: '1.0.0',
      latestVersion: latest,
      behind: compareTemplateVersions('1.0.0', latest!) < 0,
    });
  });

  it('should show the consumer its PrivateLink endpoint', async () => {
    const status = await statusOf('Component', 'orders-worker');
    expect(status.consumerEndpoints).toEqual([
      expect.objectContaining({ state: 'available', present: true }),
    ]);
    expect(status.declaredButMissing).toEqual([]);
  });

  it('should show the service whose declared endpoint AWS lacks', async () => {
    const status = await statusOf('Component', 'reports-batch');
    expect(status.declaredButMissing).toEqual(['ssm']);
    expect(status.endpoints).toContainEqual(
      expect.objectContaining({ service: 'kms', state: 'failed' }),
    );
    expect(status.declaredButUnhealthy).toEqual([
      {
        service: 'kms',
        reason: expect.stringContaining('is in state failed'),
      },
    ]);
  });

  it('should show the shared endpoint stack of the Resource', async () => {
    const status = await statusOf('Resource', 'payments-vpc-endpoints');
    expect(status.declaredButMissing).toEqual([]);
    expect(status.presentButNotDeclared).toEqual([]);
  });
});
