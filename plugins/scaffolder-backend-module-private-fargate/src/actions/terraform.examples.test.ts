import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import path from 'node:path';
import yaml from 'yaml';
import { checkTerraformTree } from '../testing';
import { readScaffoldRecord } from '../upgrade/record';
import { createTerraformAction } from './terraform';
import { examples } from './terraform.examples';

jest.setTimeout(60_000);

describe('private-fargate:terraform examples', () => {
  const action = createTerraformAction();
  const workspace = createMockDirectory();

  beforeEach(() => workspace.clear());

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
