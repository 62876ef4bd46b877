import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPlanAction } from './plan';

describe('private-fargate:plan', () => {
  const action = createPlanAction();

  it('should plan the no-NAT endpoints of an ECR + awslogs service with costs and a summary', async () => {
    const ctx = createMockActionContext<any>({
      input: {
        requirements: { region: 'ap-northeast-1' },
        availabilityZones: 2,
        trafficGbPerMonth: 10,
      },
    });
    await action.handler(ctx);

    const endpoints = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'endpoints',
    )[1];
    expect(endpoints.map((e: { service: string }) => e.service)).toEqual([
      'ecr.api',
      'ecr.dkr',
      's3',
      'logs',
    ]);
    expect(
      endpoints.find((e: { service: string }) => e.service === 's3').type,
    ).toBe('Gateway');
    expect(endpoints[0].serviceName).toBe(
      'com.amazonaws.ap-northeast-1.ecr.api',
    );

    const cost = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'monthlyCost',
    )[1];
    expect(cost.currency).toBe('USD');
    expect(cost.endpointsOnly).toBeGreaterThan(0);
    expect(cost.natPlusEndpoints).toBeGreaterThan(cost.natOnly);

    const summary: string = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'summary',
    )[1];
    expect(summary).toContain(
      '| `com.amazonaws.ap-northeast-1.ecr.dkr` | Interface |',
    );
    expect(summary).toContain('NAT gateways only');

    const requirements = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'requirements',
    )[1];
    expect(requirements).toMatchObject({
      region: 'ap-northeast-1',
      launchType: 'FARGATE',
      logging: 'awslogs',
      exec: { enabled: false },
    });
  });

  it('should plan ssmmessages for ECS Exec and report the planner warnings', async () => {
    const ctx = createMockActionContext<any>({
      input: {
        requirements: {
          region: 'ap-northeast-1',
          platformVersion: '1.3.0',
          exec: { enabled: true },
        },
      },
    });
    await action.handler(ctx);
    const calls = (ctx.output as jest.Mock).mock.calls;
    const services = calls
      .find(([name]) => name === 'endpoints')[1]
      .map((e: { service: string }) => e.service);
    expect(services).toContain('ssmmessages');
    const warnings = calls.find(([name]) => name === 'warnings')[1];
    expect(warnings.map((w: { code: string }) => w.code)).toContain(
      'exec-needs-1.4.0',
    );
  });

  it("should plan the endpoints of the stores the container's secrets point into", async () => {
    const ctx = createMockActionContext<any>({
      input: {
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
      },
    });
    await action.handler(ctx);
    const calls = (ctx.output as jest.Mock).mock.calls;
    const services = calls
      .find(([name]) => name === 'endpoints')[1]
      .map((e: { service: string }) => e.service);
    expect(services).toEqual(expect.arrayContaining(['secretsmanager', 'ssm']));
    // Passed on to private-fargate:terraform, which checks the secrets against them: the
    // stores the requirements name first, then those only the ARNs name.
    expect(calls.find(([name]) => name === 'requirements')[1].secrets).toEqual([
      'ssm',
      'secretsmanager',
    ]);
  });

  it('should keep the stores the requirements name when no container secrets are given', async () => {
    const ctx = createMockActionContext<any>({
      input: {
        requirements: {
          region: 'ap-northeast-1',
          secrets: ['ssm', 'secretsmanager'],
        },
      },
    });
    await action.handler(ctx);
    const calls = (ctx.output as jest.Mock).mock.calls;
    expect(
      calls
        .find(([name]) => name === 'endpoints')[1]
        .map((e: { service: string }) => e.service),
    ).toEqual(expect.arrayContaining(['secretsmanager', 'ssm']));
    expect(calls.find(([name]) => name === 'requirements')[1].secrets).toEqual([
      'ssm',
      'secretsmanager',
    ]);
  });

  it('should reject a container secret that is not a secret ARN, naming the field', async () => {
    const ctx = createMockActionContext<any>({
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

  it('should reject an unknown Region naming the field', async () => {
    const ctx = createMockActionContext<any>({
      input: { requirements: { region: 'mars-north-1' } },
    });
    const failure = action.handler(ctx);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(/requirements\.region/);
  });
});
