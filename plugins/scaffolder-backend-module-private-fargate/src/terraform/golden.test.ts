import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { goldenCases } from '../__golden__/cases';
import { checkTerraformTree, describeWithTerraformCli } from '../testing';
import { generateTerraform } from './generate';
import { TERRAFORM_COMPONENTS } from './request';

const GOLDEN_DIR = path.resolve(__dirname, '../__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await fs
    .readdir(path.join(root, dir), { withFileTypes: true })
    .catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else files.push(relative);
  }
  return files.sort();
}

async function writeTree(
  root: string,
  files: Array<{ path: string; content: string }>,
) {
  await fs.rm(root, { recursive: true, force: true });
  for (const file of files) {
    await fs.mkdir(path.dirname(path.join(root, file.path)), {
      recursive: true,
    });
    await fs.writeFile(path.join(root, file.path), file.content);
  }
}

jest.setTimeout(120_000);

describe('private-fargate:terraform golden outputs', () => {
  it('should cover every component in at least twelve cases', () => {
    expect(goldenCases.length).toBeGreaterThanOrEqual(12);
    const covered = new Set(goldenCases.flatMap(c => c.input.components));
    expect([...covered].sort()).toEqual([...TERRAFORM_COMPONENTS].sort());
  });

  describeWithTerraformCli(
    'should all pass terraform fmt -check and terraform validate',
    async () =>
      Object.fromEntries(
        goldenCases.map(c => [c.name, path.join(GOLDEN_DIR, c.name)]),
      ),
  );

  describe.each(goldenCases.map(c => [c.name, c] as const))(
    '%s',
    (name, goldenCase) => {
      const caseDir = path.join(GOLDEN_DIR, name);

      it('should match the golden files byte for byte', async () => {
        const generated = await generateTerraform(goldenCase.input);
        if (UPDATE) await writeTree(caseDir, generated.files);
        expect(await listFiles(caseDir)).toEqual(
          generated.files.map(f => f.path),
        );
        for (const file of generated.files) {
          expect(
            `${file.path}:\n${await fs.readFile(
              path.join(caseDir, file.path),
              'utf8',
            )}`,
          ).toBe(`${file.path}:\n${file.content}`);
        }
      });

      it('should be deterministic', async () => {
        const first = await generateTerraform(goldenCase.input);
        const second = await generateTerraform(
          structuredClone(goldenCase.input),
        );
        expect(second.files).toEqual(first.files);
      });

      it('should pass every quality gate', async () => {
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pf-golden-'));
        try {
          const generated = await generateTerraform(goldenCase.input);
          await writeTree(dir, generated.files);
          const report = await checkTerraformTree(dir, {
            allowAcceptanceOptOut: goldenCase.allowAcceptanceOptOut,
          });
          expect(report.problems).toEqual([]);
          expect(report.checkedBlocks).toBeGreaterThan(0);
          expect(report.s3PolicyBuckets).toEqual(
            [...(goldenCase.s3Buckets ?? [])].sort(),
          );
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }
      });
    },
  );
});
