import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { serializeDirectoryContents } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import githubScaffolderModule from '@backstage/plugin-scaffolder-backend-module-github';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  applyDefaults,
  DryRunFile,
  DryRunFailedError,
  requestDryRun,
} from '../dryRun';
import { applyFileChangesSync } from '../files/applyFileChanges';
import privateFargateScaffolderModule from '../index';
import { inMemoryDatabaseServiceFactory } from '../dryRun';
import { createUpgradeAction } from './upgrade';

jest.setTimeout(120_000);

const fixtures = path.join(__dirname, '../upgrade/__fixtures__');
const values = { name: 'orders', vpcCidr: '10.0.0.0/16' };

function loadTemplate(dir: string): TemplateEntityV1beta3 {
  return yaml.parse(fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'));
}

/** Version 2 of the demo template as the catalog holds it: registered from its folder. */
function catalogTemplate(version: 'v1' | 'v2'): Entity {
  const dir = path.join(fixtures, `upgrade-demo-${version}`);
  const template = loadTemplate(dir);
  return {
    ...template,
    metadata: {
      ...template.metadata,
      namespace: 'default',
      annotations: {
        ...template.metadata.annotations,
        'backstage.io/managed-by-location': `file:${dir}/template.yaml`,
        'backstage.io/source-location': `file:${dir}/template.yaml`,
      },
    },
  };
}

/** A template that fetches a repository from its own folder and upgrades it, as the portal's upgrade template does. */
function upgradeRunner(input: Record<string, unknown>): TemplateEntityV1beta3 {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'upgrade-runner' },
    spec: {
      type: 'maintenance',
      steps: [
        {
          id: 'fetch',
          name: 'Fetch the repository',
          action: 'fetch:plain',
          input: { url: './repo' },
        },
        {
          id: 'upgrade',
          name: 'Upgrade',
          action: 'private-fargate:upgrade',
          input,
        },
      ],
      output: { upgrade: '${{ steps.upgrade.output }}' as any },
    },
  } as TemplateEntityV1beta3;
}

/** The service generated from the demo template, as the catalog holds it after registration. */
const ordersEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: {
      'private-fargate/template': 'upgrade-demo@1.0.0',
      'backstage.io/source-location':
        'url:https://github.com/acme/orders/tree/main/',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-demo' },
};

/** GitHub, as far as fetch:plain needs it: the orders repository's tree. */
const repositories = new Map<string, { path: string; content: Buffer }[]>();
const github = mockServices.urlReader.mock({
  readTree: async (url: string) => {
    const files = repositories.get(url);
    if (!files) throw new NotFoundError(`no repository at ${url}`);
    return {
      etag: 'test',
      files: async () => [],
      archive: async () => {
        throw new Error('not used by fetch:plain');
      },
      dir: async (options?: { targetDir?: string }) => {
        const dir = options!.targetDir!;
        for (const file of files) {
          fs.mkdirSync(path.dirname(path.join(dir, file.path)), {
            recursive: true,
          });
          fs.writeFileSync(path.join(dir, file.path), file.content);
        }
        return dir;
      },
    };
  },
});

async function startBackend(entities: Entity[]) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      privateFargateScaffolderModule,
      inMemoryDatabaseServiceFactory,
      githubScaffolderModule,
      github.factory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost' },
          integrations: { github: [{ host: 'github.com', token: 'unused' }] },
        },
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    backend,
    scaffolderBaseUrl: `http://localhost:${port}/api/scaffolder`,
  };
}

describe('private-fargate:upgrade', () => {
  let scaffolderBaseUrl: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const started = await startBackend([catalogTemplate('v2'), ordersEntity]);
    scaffolderBaseUrl = started.scaffolderBaseUrl;
    stop = () => started.backend.stop();
  });
  afterAll(() => stop?.());

  async function renderV1(): Promise<DryRunFile[]> {
    const dir = path.join(fixtures, 'upgrade-demo-v1');
    const template = loadTemplate(dir);
    const result = await requestDryRun({
      scaffolderBaseUrl,
      template,
      // The form fills in defaults before it submits; a dry run does not.
      values: applyDefaults(template, values),
      files: await serializeDirectoryContents(dir),
    });
    return result.files;
  }

  async function upgrade(
    repo: { path: string; content: Buffer }[],
    input: Record<string, unknown> = {},
  ) {
    const result = await requestDryRun({
      scaffolderBaseUrl,
      template: upgradeRunner(input),
      values: {},
      files: repo.map(f => ({ ...f, path: `repo/${f.path}` })),
    });
    return {
      output: result.output.upgrade as Record<string, any>,
      files: Object.fromEntries(
        result.files.map(f => [f.path, f.content.toString('utf8')]),
      ),
    };
  }

  const text = (files: DryRunFile[], file: string) =>
    files.find(f => f.path === file)!.content.toString('utf8');

  it('re-renders through the catalog template and the scaffolder, keeping the team edits', async () => {
    const repo = await renderV1();
    const edited = `# The team allows the office VPN too.\n${text(
      repo,
      'security.tf',
    )}`;
    const withEdits = [
      ...repo.filter(f => f.path !== 'security.tf'),
      { path: 'security.tf', content: Buffer.from(edited) },
      {
        path: 'src/app.ts',
        content: Buffer.from('export const port = 8080;\n'),
      },
    ];

    const first = await upgrade(withEdits, {
      sourceLocation: 'url:https://github.com/acme/orders/tree/main/',
    });
    expect(first.output).toMatchObject({
      upToDate: false,
      fromVersion: '1.0.0',
      toVersion: '2.0.0',
      conflicts: ['security.tf'],
      repoUrl: 'github.com?owner=acme&repo=orders',
      repoPath: '',
      branchName: 'private-fargate/upgrade-upgrade-demo-2.0.0',
      title: 'Upgrade to upgrade-demo template 2.0.0 (1 conflicts to merge)',
    });
    expect(first.output.changedFiles).toEqual(
      expect.arrayContaining([
        'variables.tf',
        'catalog-info.yaml',
        'security.tf.private-fargate-new',
        'docs/v1-notes.md',
        '.private-fargate/scaffold.json',
      ]),
    );
    expect(first.output.summary).toMatch(
      /added `com.amazonaws.ap-northeast-1.xray`: X-Ray traces/,
    );
    // The reviewer reads why from the template's changelog: the entries after 1.0.0.
    expect(first.output.summary).toContain(
      "### What changed (from the template's CHANGELOG.md)\n\n#### 2.0.0\n\n- Adds the X-Ray endpoint",
    );
    expect(first.output.summary).toContain(
      '#### 1.1.0\n\n- Adds `log_retention_days`',
    );
    expect(first.output.summary).not.toContain('First version');
    expect(first.files['security.tf']).toBe(edited);
    expect(first.files['security.tf.private-fargate-new']).toContain(
      'cidr_blocks       = ["10.0.0.0/16"]',
    );
    expect(first.files['infra/modules/endpoints/main.tf']).toContain(
      '"com.amazonaws.ap-northeast-1.xray"',
    );
    expect(first.files['docs/v1-notes.md']).toBeUndefined();
    expect(first.files['src/app.ts']).toBe('export const port = 8080;\n');
    const record = JSON.parse(first.files['.private-fargate/scaffold.json']);
    expect(record.template).toEqual({ name: 'upgrade-demo', version: '2.0.0' });
    expect(record.values).toMatchObject({ ...values, logRetentionDays: 30 });

    const second = await upgrade(
      Object.entries(first.files).map(([file, content]) => ({
        path: file,
        content: Buffer.from(content),
      })),
    );
    expect(second.output).toMatchObject({ upToDate: true, changedFiles: [] });
    expect(second.files).toEqual(first.files);
  });

  it('takes values for parameters the new version adds', async () => {
    const { output, files } = await upgrade(await renderV1(), {
      values: { logRetentionDays: 90 },
    });
    expect(output.conflicts).toEqual([]);
    expect(files['variables.tf']).toContain('default     = 90');
  });

  it.each([
    [
      'a target version the catalog does not hold',
      { targetVersion: '3.0.0' },
      /target version 3\.0\.0: the catalog holds upgrade-demo@2\.0\.0/,
    ],
    [
      'a target version older than the recorded one',
      { targetVersion: '0.9.0' },
      /target version 0\.9\.0 is older than the recorded upgrade-demo@1\.0\.0/,
    ],
    [
      'a source location that is not a repository URL',
      { sourceLocation: 'file:/srv/orders/catalog-info.yaml' },
      /sourceLocation: "file:\/srv\/orders\/catalog-info.yaml" is not a url location/,
    ],
    [
      'a target path outside the workspace',
      { targetPath: '../outside' },
      /targetPath: "\.\.\/outside" is outside the workspace/,
    ],
    [
      'values the new version refuses',
      { values: { logRetentionDays: 'forever' } },
      /the recorded values do not fit upgrade-demo@2\.0\.0[\s\S]*logRetentionDays/,
    ],
  ])('refuses %s', async (_case, input, message) => {
    const error = await upgrade(await renderV1(), input).catch(e => e);
    expect(error).toBeInstanceOf(DryRunFailedError);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('refuses a repository whose template is not in the catalog', async () => {
    const other = await startBackend([]);
    try {
      const error = await requestDryRun({
        scaffolderBaseUrl: other.scaffolderBaseUrl,
        template: upgradeRunner({}),
        values: {},
        files: (await renderV1()).map(f => ({ ...f, path: `repo/${f.path}` })),
      }).catch(e => e);
      expect(error.message).toMatch(
        /template upgrade-demo is not in the catalog \(looked for template:default\/upgrade-demo\)/,
      );
    } finally {
      await other.backend.stop();
    }
  });

  describe('executable bits', () => {
    let tmp: string;
    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-modes-'));
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    /** A copy of a fixture template with its scripts' modes set (a checkout may not keep them). */
    function execDemo(version: 'v1' | 'v2', executable: string[]): string {
      const dir = path.join(tmp, `exec-demo-${version}`);
      fs.cpSync(path.join(fixtures, `exec-demo-${version}`), dir, {
        recursive: true,
      });
      for (const file of executable) {
        fs.chmodSync(path.join(dir, 'skeleton', file), 0o755);
      }
      return dir;
    }
    const isExecutable = (dir: string, file: string) =>
      (fs.statSync(path.join(dir, file)).mode & 0o100) !== 0;

    it('leaves the workspace with the modes publish:github:pull-request sends', async () => {
      const v1 = execDemo('v1', ['scripts/keep.sh']);
      const v2 = execDemo('v2', [
        'scripts/keep.sh',
        'scripts/build.sh',
        'scripts/deploy.sh',
      ]);
      // The repository as fetch:plain leaves it in the workspace: version 1, modes included.
      const template = loadTemplate(v1);
      const generated = await requestDryRun({
        scaffolderBaseUrl,
        template,
        values: applyDefaults(template, {}),
        files: await serializeDirectoryContents(v1),
      });
      const workspace = path.join(tmp, 'workspace');
      applyFileChangesSync(workspace, generated.files);
      expect(isExecutable(workspace, 'scripts/keep.sh')).toBe(true);

      const entity = loadTemplate(v2) as Entity;
      entity.metadata.namespace = 'default';
      entity.metadata.annotations = {
        ...entity.metadata.annotations,
        'backstage.io/source-location': `file:${v2}/template.yaml`,
      };
      const action = createUpgradeAction({
        catalog: catalogServiceMock({ entities: [entity] }),
        reader: mockServices.urlReader.mock(),
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
        auth: mockServices.auth(),
        discovery: {
          getBaseUrl: async () => scaffolderBaseUrl,
          getExternalBaseUrl: async () => scaffolderBaseUrl,
        },
      });
      const ctx = createMockActionContext({
        workspacePath: workspace,
        input: { targetPath: '.', values: {} },
      });
      await action.handler(ctx);

      expect(ctx.output).toHaveBeenCalledWith(
        'changedFiles',
        expect.arrayContaining([
          'scripts/build.sh',
          'scripts/deploy.sh',
          'scripts/keep.sh',
        ]),
      );
      const summary = (ctx.output as jest.Mock).mock.calls.find(
        ([name]) => name === 'summary',
      )![1];
      expect(summary).toContain(
        '### Mode changed, content unchanged (1)\n- `scripts/build.sh`: now executable',
      );
      // What the pull request action reads: 100755 for every script.
      const published = await serializeDirectoryContents(workspace, {
        gitignore: true,
      });
      expect(
        published
          .filter(f => f.executable)
          .map(f => f.path)
          .sort(),
      ).toEqual(['scripts/build.sh', 'scripts/deploy.sh', 'scripts/keep.sh']);
      expect(
        fs.readFileSync(path.join(workspace, 'scripts/keep.sh'), 'utf8'),
      ).toContain('(v2)');
    });
  });

  describe('in the private-fargate-upgrade template', () => {
    const templateDir = path.join(
      __dirname,
      '../../../../templates/private-fargate-upgrade',
    );
    const repoUrl = 'https://github.com/acme/orders/tree/main/';
    afterEach(() => repositories.clear());

    async function runTemplate(formValues: Record<string, unknown>) {
      const template = loadTemplate(templateDir);
      return requestDryRun({
        scaffolderBaseUrl,
        template,
        values: applyDefaults(template, formValues),
        files: await serializeDirectoryContents(templateDir),
      });
    }
    const stepLog = (
      result: { log: { stepId?: string; message: string }[] },
      id: string,
    ) =>
      result.log
        .filter(l => l.stepId === id)
        .map(l => l.message)
        .join('\n');

    it("fetches the entity's repository, upgrades it and opens a pull request with the summary", async () => {
      const repo = await renderV1();
      repositories.set(repoUrl, repo);
      const result = await runTemplate({ entity: 'component:default/orders' });

      const files = Object.fromEntries(
        result.files.map(f => [f.path, f.content.toString('utf8')]),
      );
      expect(files['catalog-info.yaml']).toContain('upgrade-demo@2.0.0');
      expect(files['docs/v1-notes.md']).toBeUndefined();
      expect(stepLog(result, 'pull-request')).toContain(
        'Performing dry run of creating pull request',
      );
      const summary = (
        result.output.text as { title: string; content: string }[]
      )[0];
      expect(summary.title).toBe('Upgrade summary');
      expect(summary.content).toContain('template 1.0.0 → 2.0.0');
      expect(summary.content).toMatch(/### Deleted[\s\S]*`docs\/v1-notes.md`/);
    });

    it('opens no pull request when the repository is up to date', async () => {
      const first = await runTemplate({
        entity: 'component:default/orders',
      }).catch(e => e);
      expect(first).toBeInstanceOf(DryRunFailedError);
      expect(first.message).toMatch(
        /no repository at https:\/\/github.com\/acme\/orders/,
      );

      const upgraded = await upgrade(await renderV1());
      repositories.set(
        repoUrl,
        Object.entries(upgraded.files).map(([file, content]) => ({
          path: file,
          content: Buffer.from(content),
        })),
      );
      const result = await runTemplate({ entity: 'component:default/orders' });
      expect(stepLog(result, 'pull-request')).not.toContain(
        'Performing dry run of creating pull request',
      );
      expect(
        (result.output.text as { content: string }[])[0].content,
      ).toContain('Up to date: no file changes.');
    });

    it('passes values for new parameters as YAML from the form', async () => {
      repositories.set(repoUrl, await renderV1());
      const result = await runTemplate({
        entity: 'component:default/orders',
        values: 'logRetentionDays: 90\n',
      });
      const variables = result.files.find(f => f.path === 'variables.tf')!;
      expect(variables.content.toString('utf8')).toContain('default     = 90');

      const error = await runTemplate({
        entity: 'component:default/orders',
        values: '- 90',
      }).catch(e => e);
      expect(error.message).toMatch(/^values: must be "name: value" lines/);
    });
  });
});
