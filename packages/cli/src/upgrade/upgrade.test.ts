import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureIo } from '../testing/captureIo';
import { createHash } from 'node:crypto';
import {
  DryRunBackend,
  actionModules,
  findRepoRoot,
  readCatalogFiles,
  readValuesFile,
  renderTemplate,
  resolveTemplateDir,
  startDryRunBackend,
} from '../render';
import { upgradeCommand } from '../commands/upgrade';
import { EXIT_USAGE } from '../runCli';
import { UsageError } from '../UsageError';
import { runUpgrade, UPGRADE_EXIT, UpgradeOptions } from './runUpgrade';

jest.setTimeout(180_000);

// The test templates live next to the engine they exercise.
const fixtures = path.join(
  path.dirname(
    require.resolve(
      '@private-fargate/plugin-scaffolder-backend-module-private-fargate/package.json',
    ),
  ),
  'src/upgrade/__fixtures__',
);
const v1 = path.join(fixtures, 'upgrade-demo-v1');
const v2 = path.join(fixtures, 'upgrade-demo-v2');
const values = { name: 'orders', vpcCidr: '10.0.0.0/16' };

let tmp: string;
let backend: DryRunBackend;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-test-'));
  backend = await startDryRunBackend({ modules: actionModules() });
});
afterAll(async () => {
  await backend?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

let count = 0;
async function renderV1(): Promise<string> {
  const outDir = path.join(tmp, `repo-${++count}`);
  const { out, io } = captureIo();
  const code = await renderTemplate(
    { templateDir: v1, values, outDir, force: false, entities: [] },
    io,
  );
  expect({ code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
  return outDir;
}

/** Every file under `dir` with its content, to show what an upgrade did (or did not) write. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter(f => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map(f => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

async function upgrade(folder: string, options: Partial<UpgradeOptions> = {}) {
  const { out, io } = captureIo();
  const code = await runUpgrade(
    {
      folder,
      dryRun: false,
      resolveDir: () => v2,
      backend: async () => backend,
      ...options,
    },
    io,
  );
  return { code, ...out };
}

const read = (dir: string, file: string) =>
  fs.readFileSync(path.join(dir, file), 'utf8');
const recordOf = (dir: string) =>
  JSON.parse(read(dir, '.private-fargate/scaffold.json'));

describe('upgrade', () => {
  it('records what version 1 generated', async () => {
    const repo = await renderV1();
    const record = recordOf(repo);
    expect(record.template).toEqual({ name: 'upgrade-demo', version: '1.0.0' });
    expect(record.values).toEqual({ ...values, region: 'ap-northeast-1' });
    const paths = record.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        'security.tf',
        'docs/v1-notes.md',
        'infra/main.tf',
      ]),
    );
    for (const file of record.files) {
      expect(
        createHash('sha256')
          .update(fs.readFileSync(path.join(repo, file.path)))
          .digest('hex'),
      ).toBe(file.sha256);
    }
    expect(read(repo, 'catalog-info.yaml')).toContain(
      'private-fargate/template: upgrade-demo@1.0.0',
    );
  });

  it('updates untouched files, keeps edits with the new version beside them, and leaves application files alone', async () => {
    const repo = await renderV1();
    const edited = `# The team allows the office VPN too.\n${read(
      repo,
      'security.tf',
    )}`;
    fs.writeFileSync(path.join(repo, 'security.tf'), edited);
    fs.mkdirSync(path.join(repo, 'src'));
    fs.writeFileSync(
      path.join(repo, 'src/app.ts'),
      'export const port = 8080;\n',
    );
    const endpointsBefore = read(repo, 'infra/modules/endpoints/main.tf');
    expect(endpointsBefore).not.toContain('xray');

    const first = await upgrade(repo);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(UPGRADE_EXIT.conflicts);

    // The team's edit stands; the new rule waits beside it.
    expect(read(repo, 'security.tf')).toBe(edited);
    const beside = read(repo, 'security.tf.private-fargate-new');
    expect(beside).toContain('cidr_blocks       = ["10.0.0.0/16"]');
    expect(beside).not.toContain('0.0.0.0/0');
    // Untouched generated files follow version 2: a new endpoint, a new variable, the new stamp.
    expect(read(repo, 'infra/modules/endpoints/main.tf')).toContain(
      '"com.amazonaws.ap-northeast-1.xray"',
    );
    expect(read(repo, 'variables.tf')).toContain('default     = 30');
    expect(read(repo, 'catalog-info.yaml')).toContain('upgrade-demo@2.0.0');
    expect(fs.existsSync(path.join(repo, 'docs/v1-notes.md'))).toBe(false);
    // Never generated, never touched.
    expect(read(repo, 'src/app.ts')).toBe('export const port = 8080;\n');

    const record = recordOf(repo);
    expect(record.template.version).toBe('2.0.0');
    expect(record.values).toMatchObject({
      tracing: true,
      logRetentionDays: 30,
    });
    const paths = record.files.map((f: { path: string }) => f.path);
    expect(paths).toContain('variables.tf');
    expect(paths).not.toContain('docs/v1-notes.md');
    expect(paths).not.toContain('src/app.ts');

    expect(first.stdout).toContain('template 1.0.0 → 2.0.0');
    expect(first.stdout).toMatch(
      /### Conflicts \(1\)[\s\S]*`security.tf`.*security.tf.private-fargate-new/,
    );
    expect(first.stdout).toMatch(
      /added `com.amazonaws.ap-northeast-1.xray`: X-Ray traces/,
    );
    expect(first.stdout).toMatch(
      /### Monthly cost \(endpoints, USD\)\n\$\d+\.\d\d → \$\d+\.\d\d \(\+\$\d+\.\d\d\)/,
    );
    expect(first.stdout).toMatch(/### Deleted[\s\S]*`docs\/v1-notes.md`/);

    const after = snapshot(repo);
    const second = await upgrade(repo);
    expect(second.code).toBe(UPGRADE_EXIT.ok);
    expect(second.stdout).toContain('Up to date: no file changes.');
    expect(snapshot(repo)).toEqual(after);
  });

  // Through the real bin script, as scripts run it: the backend it starts must not swallow the code.
  it('exits 3 from the binary when an upgrade leaves conflicts, and 0 once up to date', async () => {
    const repo = await renderV1();
    fs.appendFileSync(path.join(repo, 'security.tf'), '# edited\n');
    const bin = path.resolve(__dirname, '../../bin/private-fargate');
    const run = () =>
      spawnSync(process.execPath, [bin, 'upgrade', repo, '--template', v2], {
        encoding: 'utf8',
        timeout: 120_000,
      });

    const first = run();
    expect(first.stdout).toMatch(/### Conflicts \(1\)/);
    expect(first.status).toBe(UPGRADE_EXIT.conflicts);
    const second = run();
    expect(second.stdout).toContain('Up to date: no file changes.');
    expect(second.status).toBe(UPGRADE_EXIT.ok);
  });

  it('prints the change list and writes nothing in a dry run', async () => {
    const repo = await renderV1();
    const before = snapshot(repo);
    const result = await upgrade(repo, { dryRun: true });
    expect(result.code).toBe(UPGRADE_EXIT.ok);
    expect(result.stdout).toMatch(
      /Dry run: would write or delete \d+ file\(s\):[\s\S]* {2}variables\.tf/,
    );
    expect(result.stdout).toMatch(
      /#### 2\.0\.0\n\n- Adds the X-Ray endpoint[\s\S]*#### 1\.1\.0\n/,
    );
    expect(result.stdout).not.toContain('First version');
    expect(snapshot(repo)).toEqual(before);
  });

  describe('bad input gives a clear error and writes nothing', () => {
    async function expectRefused(
      repo: string,
      message: RegExp,
      options: Partial<UpgradeOptions> = {},
    ) {
      const before = snapshot(repo);
      const result = await upgrade(repo, options);
      expect(result.code).toBe(UPGRADE_EXIT.invalid);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('Nothing was written.');
      expect(snapshot(repo)).toEqual(before);
    }

    it('a repository without a record', async () => {
      const repo = path.join(tmp, 'no-record');
      fs.mkdirSync(repo);
      fs.writeFileSync(path.join(repo, 'main.tf'), '# hand-written\n');
      await expectRefused(repo, /has no \.private-fargate\/scaffold\.json/);
    });

    it('a record with a bad hash', async () => {
      const repo = await renderV1();
      const record = recordOf(repo);
      record.files[0].sha256 = 'not-a-hash';
      fs.writeFileSync(
        path.join(repo, '.private-fargate/scaffold.json'),
        JSON.stringify(record),
      );
      await expectRefused(repo, /files\.0\.sha256|files\[0\]\.sha256/);
    });

    it('a record naming an unknown template', async () => {
      const repo = await renderV1();
      const record = recordOf(repo);
      record.template.name = 'no-such-template';
      fs.writeFileSync(
        path.join(repo, '.private-fargate/scaffold.json'),
        JSON.stringify(record),
      );
      await expectRefused(repo, /no template "no-such-template"/, {
        resolveDir: name => resolveTemplateDir(name, tmp),
      });
    });

    it('a target version older than the recorded one', async () => {
      const repo = await renderV1();
      await expectRefused(
        repo,
        /target version 0\.9\.0 is older than the recorded upgrade-demo@1\.0\.0/,
        {
          targetVersion: '0.9.0',
        },
      );
    });

    it('a target version the template folder does not hold', async () => {
      const repo = await renderV1();
      await expectRefused(repo, /--to 3\.0\.0: .* holds upgrade-demo@2\.0\.0/, {
        targetVersion: '3.0.0',
      });
    });
  });

  it('says "up to date" for --to the recorded version, and writes nothing', async () => {
    const repo = await renderV1();
    const before = snapshot(repo);
    const result = await upgrade(repo, { targetVersion: '1.0.0' });
    expect(result).toEqual({
      code: UPGRADE_EXIT.ok,
      stdout: `Up to date: ${repo} is at upgrade-demo@1.0.0, the version --to asks for. Nothing to change.\n`,
      stderr: '',
    });
    expect(snapshot(repo)).toEqual(before);
  });

  it('refuses a --set key the new version has no parameter for, but keeps recorded values it dropped', async () => {
    const repo = await renderV1();
    const before = snapshot(repo);
    const typo = await upgrade(repo, { sets: ['logRetentionDay=14'] });
    expect(typo.code).toBe(UPGRADE_EXIT.invalid);
    expect(typo.stderr).toContain(
      '  logRetentionDay: is not a parameter of upgrade-demo; did you mean logRetentionDays?',
    );
    expect(snapshot(repo)).toEqual(before);

    const record = recordOf(repo);
    record.values.droppedInV2 = 'kept from 1.0.0';
    fs.writeFileSync(
      path.join(repo, '.private-fargate/scaffold.json'),
      JSON.stringify(record),
    );
    const upgraded = await upgrade(repo, { sets: ['logRetentionDays=14'] });
    expect(upgraded.stderr).toBe('');
    expect(upgraded.code).toBe(UPGRADE_EXIT.ok);
    expect(recordOf(repo).values.logRetentionDays).toBe(14);
  });

  it('exits 2 with a hint to pass --catalog when the template reads an entity the catalog lacks', async () => {
    const root = findRepoRoot()!;
    const repo = path.join(tmp, 'shared-endpoints');
    const { out, io } = captureIo();
    const rendered = await renderTemplate(
      {
        templateDir: path.join(root, 'templates/private-fargate-service'),
        values: readValuesFile(
          path.join(
            root,
            'examples/values/private-fargate-service.shared-endpoints-privatelink.yaml',
          ),
        ),
        outDir: repo,
        force: false,
        entities: readCatalogFiles([
          path.join(root, 'examples/values/catalog.yaml'),
        ]),
      },
      io,
    );
    expect({ rendered, stderr: out.stderr }).toEqual({
      rendered: 0,
      stderr: '',
    });
    const before = snapshot(repo);
    const result = await upgrade(repo, {
      resolveDir: name => resolveTemplateDir(name, root),
    });
    expect(result.code).toBe(UPGRADE_EXIT.invalid);
    expect(result.stderr).toContain(
      'the catalog has no resource:default/eu-west-1-shared-endpoints, which the template reads',
    );
    expect(result.stderr).toContain('pass --catalog <file> with that entity');
    expect(snapshot(repo)).toEqual(before);
  });

  describe('executable bits', () => {
    /**
     * A copy of a fixture template with its scripts' modes set: a checkout may not keep them,
     * and the scaffolder reads a template's modes from its folder, as the portal does.
     */
    function execDemo(version: 'v1' | 'v2', executable: string[]): string {
      const dir = path.join(tmp, `exec-demo-${version}-${++count}`);
      fs.cpSync(path.join(fixtures, `exec-demo-${version}`), dir, {
        recursive: true,
      });
      for (const file of executable) {
        fs.chmodSync(path.join(dir, 'skeleton', file), 0o755);
      }
      return dir;
    }
    /** Whether the owner may execute the file (the bit git keeps; the rest follows the umask). */
    const executable = (dir: string, file: string) =>
      (fs.statSync(path.join(dir, file)).mode & 0o100) !== 0;
    const git = (dir: string, ...args: string[]) => {
      const result = spawnSync(
        'git',
        [
          '-c',
          'user.name=Test',
          '-c',
          'user.email=test@example.com',
          '-c',
          'core.fileMode=true',
          ...args,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      return result.stdout;
    };

    it("keeps the template's scripts executable, adds new ones executable, and applies a change of mode alone", async () => {
      const execV1 = execDemo('v1', ['scripts/keep.sh']);
      const execV2 = execDemo('v2', [
        'scripts/keep.sh',
        'scripts/build.sh',
        'scripts/deploy.sh',
      ]);
      const repo = path.join(tmp, `exec-repo-${++count}`);
      const { out, io } = captureIo();
      const rendered = await renderTemplate(
        {
          templateDir: execV1,
          values: {},
          outDir: repo,
          force: false,
          entities: [],
        },
        io,
      );
      expect({ rendered, stderr: out.stderr }).toEqual({
        rendered: 0,
        stderr: '',
      });
      // The dry run takes the template's modes into account, as the portal's run does.
      expect(executable(repo, 'scripts/keep.sh')).toBe(true);
      expect(executable(repo, 'scripts/build.sh')).toBe(false);
      git(repo, 'init', '--quiet');
      git(repo, 'add', '--all');
      git(
        repo,
        'commit',
        '--quiet',
        '--message',
        'Generated from exec-demo 1.0.0',
      );

      const first = await upgrade(repo, { resolveDir: () => execV2 });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(UPGRADE_EXIT.ok);
      expect(read(repo, 'scripts/keep.sh')).toContain('(v2)');
      expect(executable(repo, 'scripts/keep.sh')).toBe(true);
      expect(executable(repo, 'scripts/deploy.sh')).toBe(true);
      expect(executable(repo, 'scripts/build.sh')).toBe(true);
      expect(executable(repo, 'README.md')).toBe(false);
      expect(first.stdout).toContain(
        '### Mode changed, content unchanged (1)\n- `scripts/build.sh`: now executable\n',
      );
      expect(first.stdout).toMatch(
        /### Updated \(\d+\)[\s\S]*`scripts\/keep.sh`/,
      );
      expect(first.stdout).toMatch(/### Added \(1\)\n- `scripts\/deploy.sh`/);

      // What the team commits, as git sees it.
      git(repo, 'add', '--all');
      expect(git(repo, 'diff', '--cached', '--summary')).toContain(
        'mode change 100644 => 100755 scripts/build.sh',
      );
      const staged = git(repo, 'ls-files', '--stage', 'scripts');
      expect(staged).toMatch(/^100755 \w+ 0\tscripts\/build.sh$/m);
      expect(staged).toMatch(/^100755 \w+ 0\tscripts\/deploy.sh$/m);
      expect(staged).toMatch(/^100755 \w+ 0\tscripts\/keep.sh$/m);

      const record = recordOf(repo);
      expect(
        record.files
          .filter((f: { executable?: boolean }) => f.executable)
          .map((f: { path: string }) => f.path),
      ).toEqual(['scripts/build.sh', 'scripts/deploy.sh', 'scripts/keep.sh']);

      git(repo, 'commit', '--quiet', '--message', 'Upgrade to exec-demo 2.0.0');
      const second = await upgrade(repo, { resolveDir: () => execV2 });
      expect(second.code).toBe(UPGRADE_EXIT.ok);
      expect(second.stdout).toContain('Up to date: no file changes.');
      expect(git(repo, 'status', '--porcelain')).toBe('');
    });

    it("keeps a team's change of mode where the template did not change it", async () => {
      const execV1 = execDemo('v1', ['scripts/keep.sh']);
      const execV2 = execDemo('v2', [
        'scripts/keep.sh',
        'scripts/build.sh',
        'scripts/deploy.sh',
      ]);
      const repo = path.join(tmp, `exec-repo-${++count}`);
      const { io } = captureIo();
      await renderTemplate(
        {
          templateDir: execV1,
          values: {},
          outDir: repo,
          force: false,
          entities: [],
        },
        io,
      );
      // The team makes the README executable, for whatever reason, and keep.sh not.
      fs.chmodSync(path.join(repo, 'README.md'), 0o755);
      fs.chmodSync(path.join(repo, 'scripts/keep.sh'), 0o644);

      const result = await upgrade(repo, { resolveDir: () => execV2 });
      expect(result.code).toBe(UPGRADE_EXIT.ok);
      // Both files have new content; each keeps the team's mode.
      expect(read(repo, 'README.md')).toContain('scripts/deploy.sh');
      expect(executable(repo, 'README.md')).toBe(true);
      expect(read(repo, 'scripts/keep.sh')).toContain('(v2)');
      expect(executable(repo, 'scripts/keep.sh')).toBe(false);
    });
  });

  // runCli loads commands with import(), which Jest's CommonJS runtime cannot do;
  // this is its UsageError-to-exit-code mapping around the same command.
  async function runCommand(args: string[]): Promise<number> {
    try {
      return await upgradeCommand.run(args);
    } catch (error) {
      if (error instanceof UsageError) return EXIT_USAGE;
      throw error;
    }
  }

  it('runs as `npx private-fargate upgrade` and exits 2 on bad input', async () => {
    const write = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(() => true);
    try {
      expect(await runCommand([])).toBe(2);
      expect(await runCommand([path.join(tmp, 'missing'), '--dry-run'])).toBe(
        2,
      );
      expect(String(write.mock.calls.map(c => c[0]).join(''))).toContain(
        'has no .private-fargate/scaffold.json',
      );
    } finally {
      write.mockRestore();
    }
  });
});
