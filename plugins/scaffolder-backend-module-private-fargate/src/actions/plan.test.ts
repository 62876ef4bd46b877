import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { createPlanAction } from './plan';

describe('private-fargate:plan', () => {
  const action = createPlanAction();
  const workspace = createTestDirectory();

  /** Runs the action; returns its outputs by name. */
  async function run(input: Record<string, unknown>) {
    const ctx = createMockActionContext<any>({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  const servicesOf = (outputs: Record<string, any>): string[] =>
    outputs.endpoints.map((e: { service: string }) => e.service);

  it('should plan the no-NAT endpoints of an ECR + awslogs service with costs and a summary', async () => {
    const outputs = await run({
      requirements: { region: 'ap-northeast-1' },
      availabilityZones: 2,
      trafficGbPerMonth: 10,
    });

    const endpoints = outputs.endpoints;
    expect(servicesOf(outputs)).toEqual(['ecr.api', 'ecr.dkr', 's3', 'logs']);
    expect(
      endpoints.find((e: { service: string }) => e.service === 's3').type,
    ).toBe('Gateway');
    expect(endpoints[0].serviceName).toBe(
      'com.amazonaws.ap-northeast-1.ecr.api',
    );

    const cost = outputs.monthlyCost;
    expect(cost.currency).toBe('USD');
    expect(cost.endpointsOnly).toBeGreaterThan(0);
    expect(cost.natPlusEndpoints).toBeGreaterThan(cost.natOnly);

    const summary: string = outputs.summary;
    expect(summary).toContain(
      '| `com.amazonaws.ap-northeast-1.ecr.dkr` | Interface |',
    );
    expect(summary).toContain('NAT gateways only');

    expect(outputs.requirements).toMatchObject({
      region: 'ap-northeast-1',
      launchType: 'FARGATE',
      logging: 'awslogs',
      exec: { enabled: false },
    });
  });

  it('should plan a Region without prices, leaving the cost out and saying why', async () => {
    const outputs = await run({ requirements: { region: 'eu-west-2' } });
    expect(servicesOf(outputs)).toEqual(['ecr.api', 'ecr.dkr', 's3', 'logs']);
    expect(outputs.endpoints[0].serviceName).toBe(
      'com.amazonaws.eu-west-2.ecr.api',
    );
    expect(outputs).not.toHaveProperty('monthlyCost');
    expect(outputs.summary).toContain(
      'No prices for eu-west-2 in this version (priced Regions: ap-northeast-1',
    );
    expect(outputs.summary).not.toContain('NAT gateways only');
    expect(outputs.requirements.region).toBe('eu-west-2');
  });

  it('should plan ssmmessages for ECS Exec and report the planner warnings', async () => {
    const outputs = await run({
      requirements: {
        region: 'ap-northeast-1',
        platformVersion: '1.3.0',
        exec: { enabled: true },
      },
    });
    expect(servicesOf(outputs)).toContain('ssmmessages');
    expect(outputs.warnings.map((w: { code: string }) => w.code)).toContain(
      'exec-needs-1.4.0',
    );
  });

  it("should plan the endpoints of the stores the container's secrets point into", async () => {
    const outputs = await run({
      requirements: { region: 'ap-northeast-1', secrets: ['ssm'] },
      containerSecrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom:
            'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders-db-AbCdEf',
        },
        {
          name: 'API_KEY',
          valueFrom:
            'arn:aws:ssm:ap-northeast-1:123456789012:parameter/orders/api-key',
        },
      ],
    });
    expect(servicesOf(outputs)).toEqual(
      expect.arrayContaining(['secretsmanager', 'ssm']),
    );
    // Passed on to private-fargate:terraform, which checks the secrets against them: the
    // stores the requirements name first, then those only the ARNs name.
    expect(outputs.requirements.secrets).toEqual(['ssm', 'secretsmanager']);
  });

  it('should keep the stores the requirements name when no container secrets are given', async () => {
    const outputs = await run({
      requirements: {
        region: 'ap-northeast-1',
        secrets: ['ssm', 'secretsmanager'],
      },
    });
    expect(servicesOf(outputs)).toEqual(
      expect.arrayContaining(['secretsmanager', 'ssm']),
    );
    expect(outputs.requirements.secrets).toEqual(['ssm', 'secretsmanager']);
  });

  it('should reject a container secret that is not a secret ARN, naming the field', async () => {
    const ctx = createMockActionContext<any>({
      workspacePath: workspace.path,
      input: {
        requirements: { region: 'ap-northeast-1' },
        containerSecrets: [
          { name: 'DB_PASSWORD', valueFrom: 'arn:aws:s3:::orders-db' },
        ],
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /containerSecrets\[0\]\.valueFrom: must be a Secrets Manager secret ARN/,
    );
  });

  it('should reject a partial secret ARN, which ECS cannot read, naming the field and the fix', async () => {
    await expect(
      run({
        requirements: { region: 'ap-northeast-1' },
        containerSecrets: [
          {
            name: 'DB_PASSWORD',
            valueFrom:
              'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders-db:password::',
          },
        ],
      }),
    ).rejects.toThrow(
      /containerSecrets\[0\]\.valueFrom: must be the secret's full ARN, which ends in a hyphen and the six random characters/,
    );
  });

  it('should reject a secret in another Region when nothing leaves the VPC, and take it with a NAT path', async () => {
    const input = {
      requirements: { region: 'ap-northeast-1' },
      containerSecrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom:
            'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-db-AbCdEf',
        },
      ],
    };
    await expect(run(input)).rejects.toThrow(
      /containerSecrets\[0\]\.valueFrom: is in us-east-1, but the task runs in ap-northeast-1 .*: replicate the secret into ap-northeast-1/,
    );
    const outputs = await run({
      ...input,
      requirements: { ...input.requirements, egress: 'nat' },
    });
    expect(servicesOf(outputs)).toContain('secretsmanager');
  });

  it('should take one JSON key of a secret from platform 1.4.0, and reject it on 1.3.0 naming the field', async () => {
    const input = {
      requirements: { region: 'ap-northeast-1', platformVersion: 'LATEST' },
      containerSecrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom:
            'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders-db-AbCdEf:password::',
        },
      ],
    };
    expect(servicesOf(await run(input))).toContain('secretsmanager');
    await expect(
      run({
        ...input,
        requirements: { ...input.requirements, platformVersion: '1.3.0' },
      }),
    ).rejects.toThrow(
      /containerSecrets\[0\]\.valueFrom: selects a JSON key or a version of the secret, which Fargate injects from platform version 1\.4\.0/,
    );
  });

  it('should reject an unknown Region naming the field', async () => {
    const ctx = createMockActionContext<any>({
      input: { requirements: { region: 'mars-north-1' } },
      workspacePath: workspace.path,
    });
    const failure = action.handler(ctx);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(/requirements\.region/);
  });
});
