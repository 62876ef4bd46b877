import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { createPlanAction } from './plan';
import { examples } from './plan.examples';

describe('private-fargate:plan examples', () => {
  const action = createPlanAction();
  const workspace = createTestDirectory();

  it.each(examples.map(example => [example.description, example] as const))(
    'should run: %s',
    async (_, example) => {
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(action.id);
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: workspace.path,
      });
      await action.handler(ctx);
      const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
      expect(outputs.endpoints.length).toBeGreaterThan(0);
      expect(outputs.summary).toContain('### VPC endpoints');
      expect(outputs.monthlyCost.endpointsOnly).toBeGreaterThan(0);
    },
  );
});
