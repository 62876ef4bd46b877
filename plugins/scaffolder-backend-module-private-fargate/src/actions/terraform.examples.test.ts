import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { checkTerraformTree, describeWithTerraformCli } from '../testing';
import { readScaffoldRecord } from '../upgrade/record';
import { createTerraformAction } from './terraform';
import { examples } from './terraform.examples';

jest.setTimeout(60_000);

describe('private-fargate:terraform examples', () => {
  const action = createTerraformAction();
  const workspace = createTestDirectory();

  beforeEach(() => workspace.clear());

  describeWithTerraformCli(
    'should all write Terraform that passes terraform fmt -check and terraform validate',
    async () => {
      const configurations: Record<string, string> = {};
      for (const [index, example] of examples.entries()) {
        const workspacePath = path.join(workspace.path, `example-${index + 1}`);
        fs.mkdirSync(workspacePath);
        const ctx = createMockActionContext({
          input: yaml.parse(example.example).steps[0].input,
          workspacePath,
        });
        await action.handler(ctx);
        const outputs = Object.fromEntries(
          (ctx.output as jest.Mock).mock.calls,
        );
        configurations[`example-${index + 1}`] = path.join(
          workspacePath,
          outputs.targetPath,
        );
      }
      return configurations;
    },
  );

  it.each(examples.map(example => [example.description, example] as const))(
    'should run and pass the quality gates: %s',
    async (_, example) => {
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(action.id);
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: workspace.path,
      });
      await action.handler(ctx);
      const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
      expect(outputs.files).toContain('main.tf');
      const report = await checkTerraformTree(
        path.join(workspace.path, outputs.targetPath),
      );
      expect(report.problems).toEqual([]);
      // An example that records the repository covers every file it wrote.
      const recorded = step.input.record
        ? readScaffoldRecord(workspace.path).files.map(file => file.path)
        : [];
      expect(recorded).toEqual(
        step.input.record
          ? outputs.files.map((file: string) => `${outputs.targetPath}/${file}`)
          : [],
      );
    },
  );
});
