import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import { sharedStackCatalogFilter } from '@private-fargate/plugin-private-fargate-common';
import { captureIo } from '../testing/captureIo';
import { runUpgrade, UPGRADE_EXIT } from '../upgrade/runUpgrade';
import { actionModules } from './actionModules';
import { readCatalogFiles } from './catalogFiles';
import { startDryRunBackend } from './dryRunBackend';
import { createRecordingCatalog } from './recordingCatalog';
import { renderTemplate, RENDER_EXIT } from './renderTemplate';
import { findRepoRoot, resolveTemplateDir } from './templateFolder';
import { readValuesFile } from './values';

jest.setTimeout(180_000);

const root = findRepoRoot()!;
const valuesDir = path.join(root, 'examples/values');
const examplesCatalog = () =>
  readCatalogFiles([path.join(valuesDir, 'catalog.yaml')]);
const IRELAND_VPC = 'vpc-0f1e2d3c4b5a69788';
const IRELAND_STACK = 'resource:default/eu-west-1-shared-endpoints';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-stacks-test-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let runs = 0;
async function render(
  file: string,
  overrides: object = {},
  entities: Entity[] = examplesCatalog(),
) {
  const outDir = path.join(tmp, `render-${++runs}`);
  const { out, io } = captureIo();
  const code = await renderTemplate(
    {
      templateDir: path.join(root, 'templates', file.split('.')[0]),
      values: { ...readValuesFile(path.join(valuesDir, file)), ...overrides },
      outDir,
      force: false,
      entities,
    },
    io,
  );
  return { code, outDir, ...out };
}

describe('--catalog entities', () => {
  it("answer the terraform step's query for a VPC's shared stacks, and a query that finds none is no missing entity", async () => {
    const { catalog, takeMissing } = createRecordingCatalog(examplesCatalog());
    const credentials = mockCredentials.user();
    const ask = (vpcId: string) =>
      catalog.getEntities(
        {
          filter: sharedStackCatalogFilter(vpcId),
          fields: [
            'kind',
            'metadata.name',
            'metadata.annotations',
            'spec.type',
          ],
        },
        { credentials },
      );
    const found = await ask(IRELAND_VPC);
    expect(found.items.map(e => e.metadata.name)).toEqual([
      'eu-west-1-shared-endpoints',
    ]);
    expect(found.items[0].metadata.annotations).toEqual(
      expect.objectContaining({
        'private-fargate/endpoints': 'ecr.api,ecr.dkr,s3,logs',
      }),
    );
    // tasks-api is a Component of another VPC; the Tokyo VPC has no stack here.
    expect((await ask('vpc-0a1b2c3d4e5f60718')).items).toEqual([]);
    expect(takeMissing()).toEqual([]);
    // A lookup by reference that finds nothing is still recorded.
    await catalog.getEntityByRef('resource:default/nowhere', { credentials });
    expect(takeMissing()).toEqual(['resource:default/nowhere']);
  });
});

describe('render next to a shared endpoint stack', () => {
  it.each([
    [
      'vpc-endpoints-baseline.invalid-duplicate-stack.yaml',
      `change the repository of ${IRELAND_STACK} instead of creating another stack`,
    ],
    [
      'private-fargate-service.invalid-endpoints-in-shared-vpc.yaml',
      `choose "Use the VPC's shared endpoints" and pick ${IRELAND_STACK}`,
    ],
  ])(
    'exits 2 for %s, naming the field, the stack and the fix, and writes nothing',
    async (file, fix) => {
      const result = await render(file);
      expect(result.code).toBe(RENDER_EXIT.invalid);
      expect(fs.existsSync(result.outDir)).toBe(false);
      expect(result.stderr).toContain(
        `refused the values: network.vpcId: ${IRELAND_VPC} in eu-west-1 has the shared endpoint stack ${IRELAND_STACK}, which already provides ecr.api, ecr.dkr, s3, logs`,
      );
      expect(result.stderr).toContain(fix);
      expect(result.stderr).toContain('Nothing was written.');
      expect(result.stderr).not.toContain('--catalog');
    },
  );

  it('renders the invalid service once it uses the shared stack, its values being otherwise valid', async () => {
    const result = await render(
      'private-fargate-service.invalid-endpoints-in-shared-vpc.yaml',
      { endpointMode: 'shared', sharedEndpoints: IRELAND_STACK },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(RENDER_EXIT.ok);
  });

  it('renders the duplicate stack where the catalog has no stack for its VPC', async () => {
    const result = await render(
      'vpc-endpoints-baseline.invalid-duplicate-stack.yaml',
      {},
      [],
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(RENDER_EXIT.ok);
  });
});

describe('render with the shared stack of another VPC', () => {
  const file = 'private-fargate-service.invalid-stack-of-another-vpc.yaml';
  const FRANKFURT_VPC = 'vpc-0d2e3f4a5b6c70819';

  it('exits 2 for the invalid example, naming the field, both VPCs and Regions and the fix, and writes nothing', async () => {
    const result = await render(file);
    expect(result.code).toBe(RENDER_EXIT.invalid);
    expect(fs.existsSync(result.outDir)).toBe(false);
    expect(result.stderr).toMatch(
      /^Template private-fargate-service refused the values: network\.sharedEndpointStack: /,
    );
    expect(result.stderr).toContain(
      `network.sharedEndpointStack: ${IRELAND_STACK} is the shared endpoint stack of VPC ${IRELAND_VPC} in eu-west-1, but this configuration goes into VPC ${FRANKFURT_VPC} in eu-central-1`,
    );
    expect(result.stderr).toContain(
      `Pick the shared endpoint stack of VPC ${FRANKFURT_VPC} in eu-central-1, or create the endpoints in this repository`,
    );
    expect(result.stderr).toContain('Nothing was written.');
    expect(result.stderr).not.toContain('--catalog');
  });

  it('renders the invalid example once it creates its endpoints, its values being otherwise valid', async () => {
    const result = await render(file, { endpointMode: 'create' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(RENDER_EXIT.ok);
  });

  it("refuses a bastion on another VPC's stack the same way, saying to create the endpoints in ssm-bastion", async () => {
    const result = await render('ssm-bastion.shared-endpoints.yaml', {
      region: 'eu-central-1',
      vpcId: FRANKFURT_VPC,
      privateSubnets: [
        { id: 'subnet-0d2e3f4a5b6c70811', availabilityZone: 'eu-central-1a' },
        { id: 'subnet-0d2e3f4a5b6c70812', availabilityZone: 'eu-central-1b' },
      ],
    });
    expect(result.code).toBe(RENDER_EXIT.invalid);
    expect(fs.existsSync(result.outDir)).toBe(false);
    expect(result.stderr).toMatch(
      /^Template ssm-bastion refused the values: network\.sharedEndpointStack: /,
    );
    expect(result.stderr).toContain(
      `but this configuration goes into VPC ${FRANKFURT_VPC} in eu-central-1`,
    );
    expect(result.stderr).toContain(
      'in the ssm-bastion template choose "Create the endpoints in this repository"',
    );
    expect(result.stderr).toContain('Nothing was written.');
  });
});

describe('upgrade of a shared stack the catalog holds', () => {
  async function renderStack() {
    const result = await render(
      'vpc-endpoints-baseline.tokyo-new-repo.yaml',
      {},
      [],
    );
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: RENDER_EXIT.ok,
      stderr: '',
    });
    // The Resource the repository registers, as the catalog holds it once registered.
    const registered: Entity = yaml.parse(
      fs.readFileSync(path.join(result.outDir, 'catalog-info.yaml'), 'utf8'),
    );
    return { repo: result.outDir, registered };
  }

  async function upgrade(repo: string, entities: Entity[]) {
    const backend = await startDryRunBackend({
      modules: actionModules(),
      entities,
    });
    const { out, io } = captureIo();
    try {
      const code = await runUpgrade(
        {
          folder: repo,
          dryRun: false,
          resolveDir: name => resolveTemplateDir(name, root),
          backend: async () => backend,
        },
        io,
      );
      return { code, ...out };
    } finally {
      await backend.stop();
    }
  }

  it('re-renders the stack without counting the stack itself as a conflict', async () => {
    const { repo, registered } = await renderStack();
    expect(registered.spec?.type).toBe('vpc-endpoints');
    const result = await upgrade(repo, [registered]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(UPGRADE_EXIT.ok);
  });

  it('refuses when another stack of the same VPC provides its endpoints, and writes nothing', async () => {
    const { repo, registered } = await renderStack();
    const other: Entity = {
      ...registered,
      metadata: { ...registered.metadata, name: 'tokyo-core-endpoints' },
    };
    const record = fs.readFileSync(
      path.join(repo, '.private-fargate/scaffold.json'),
      'utf8',
    );
    const result = await upgrade(repo, [registered, other]);
    expect(result.code).toBe(UPGRADE_EXIT.invalid);
    expect(result.stderr).toContain(
      'has the shared endpoint stack resource:default/tokyo-core-endpoints, which already provides ecr.api',
    );
    expect(result.stderr).toContain('Nothing was written.');
    expect(
      fs.readFileSync(
        path.join(repo, '.private-fargate/scaffold.json'),
        'utf8',
      ),
    ).toBe(record);
  });
});
