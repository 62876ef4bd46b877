import { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { dryRunTemplate } from '../__testUtils__/dryRunTemplate';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { createProviderFetchAction } from './provider';
import { examples } from './provider.examples';

jest.setTimeout(60_000);

const SERVICE_ID = 'vpce-svc-0a1b2c3d4e5f60718';

function provider(
  name: string,
  annotations: Record<string, string>,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace, annotations },
    spec: {
      type: 'service',
      owner: 'group:default/tasks',
      lifecycle: 'production',
    },
  };
}

const tasksApi = provider('tasks-api', {
  'private-fargate/aws-region': 'ap-northeast-1',
  'private-fargate/endpoint-service-id': SERVICE_ID,
});

const tasksApiInPayments = provider(
  'tasks-api',
  {
    'private-fargate/aws-region': 'eu-west-1',
    'private-fargate/endpoint-service-id': SERVICE_ID,
  },
  'payments',
);

describe('private-fargate:provider:fetch', () => {
  const workspace = createTestDirectory();

  async function run(entityRef: unknown, entities: Entity[] = [tasksApi]) {
    const catalog = catalogServiceMock({ entities });
    const action = createProviderFetchAction({ catalog });
    const ctx = createMockActionContext({
      input: { entityRef } as any,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  it("should give the consumer endpoint's service name, reading the annotations as the status card does", async () => {
    const padded = provider('tasks-api', {
      'private-fargate/aws-region': ' ap-northeast-1\n',
      'private-fargate/endpoint-service-id': `${SERVICE_ID} `,
    });
    for (const entities of [[tasksApi], [padded]]) {
      expect(await run('component:default/tasks-api', entities)).toEqual({
        entityRef: 'component:default/tasks-api',
        name: 'tasks-api',
        region: 'ap-northeast-1',
        endpointServiceId: SERVICE_ID,
        serviceName: `com.amazonaws.vpce.ap-northeast-1.${SERVICE_ID}`,
      });
    }
  });

  it("should give the port of the provider's endpoint service, trimmed, when it has the annotation", async () => {
    const withPort = provider('tasks-api', {
      ...tasksApi.metadata.annotations,
      'private-fargate/endpoint-service-port': ' 8080\n',
    });
    expect(await run('component:default/tasks-api', [withPort])).toEqual({
      entityRef: 'component:default/tasks-api',
      name: 'tasks-api',
      region: 'ap-northeast-1',
      endpointServiceId: SERVICE_ID,
      serviceName: `com.amazonaws.vpce.ap-northeast-1.${SERVICE_ID}`,
      port: 8080,
    });
  });

  it('should give no port for a provider registered before it had the annotation, or with a blank one', async () => {
    const blank = provider('tasks-api', {
      ...tasksApi.metadata.annotations,
      'private-fargate/endpoint-service-port': ' ',
    });
    for (const entities of [[tasksApi], [blank]]) {
      const outputs = await run('component:default/tasks-api', entities);
      expect(outputs).not.toHaveProperty('port');
      expect(outputs.serviceName).toBe(
        `com.amazonaws.vpce.ap-northeast-1.${SERVICE_ID}`,
      );
    }
  });

  it('should take a short reference, with kind component and namespace default', async () => {
    const entities = [tasksApi, tasksApiInPayments];
    expect((await run('tasks-api', entities)).region).toBe('ap-northeast-1');
    const outputs = await run('payments/tasks-api', entities);
    expect(outputs.entityRef).toBe('component:payments/tasks-api');
    expect(outputs.region).toBe('eu-west-1');
  });

  it("should ask the catalog with the initiator's credentials", async () => {
    const catalog = catalogServiceMock({ entities: [tasksApi] });
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const action = createProviderFetchAction({ catalog });
    const credentials = mockCredentials.user('user:default/mary');
    const ctx = createMockActionContext({
      input: { entityRef: 'component:default/tasks-api' },
      workspacePath: workspace.path,
    });
    ctx.getInitiatorCredentials = async () => credentials;
    await action.handler(ctx);
    expect(getEntityByRef).toHaveBeenCalledWith('component:default/tasks-api', {
      credentials,
    });
  });

  it.each([
    [
      'a reference that does not parse',
      'component:',
      /^entityRef: "component:" is not an entity reference; use \[<kind>:\]\[<namespace>\/\]<name>/,
    ],
    [
      'a provider the catalog does not hold',
      'component:default/orders-api',
      /^entityRef: component:default\/orders-api is not in the catalog/,
    ],
  ])('should refuse %s, naming the field', async (_, entityRef, message) => {
    await expect(run(entityRef)).rejects.toThrow(message);
  });

  it.each([
    [
      'without a Region',
      { 'private-fargate/endpoint-service-id': SERVICE_ID },
      'entityRef: component:default/tasks-api: Entity tasks-api has no private-fargate/aws-region annotation; add the Region its endpoint service is in to its catalog-info.yaml.',
    ],
    [
      'without an endpoint service',
      { 'private-fargate/aws-region': 'ap-northeast-1' },
      'entityRef: component:default/tasks-api: Entity tasks-api has no private-fargate/endpoint-service-id annotation; add the ID of the endpoint service it publishes',
    ],
    [
      'with a malformed endpoint service ID',
      {
        'private-fargate/aws-region': 'ap-northeast-1',
        'private-fargate/endpoint-service-id': 'vpce-0a1b2c3d4e5f60718',
      },
      'entityRef: component:default/tasks-api: Invalid annotation private-fargate/endpoint-service-id:',
    ],
    [
      'with a port that is not a port',
      {
        'private-fargate/aws-region': 'ap-northeast-1',
        'private-fargate/endpoint-service-id': SERVICE_ID,
        'private-fargate/endpoint-service-port': '80/tcp',
      },
      'entityRef: component:default/tasks-api: Invalid annotation private-fargate/endpoint-service-port:\n(value): must be a port number, a whole number from 1 to 65535, written in digits such as 8080',
    ],
    [
      'with a port out of range',
      {
        'private-fargate/aws-region': 'ap-northeast-1',
        'private-fargate/endpoint-service-id': SERVICE_ID,
        'private-fargate/endpoint-service-port': '65536',
      },
      'entityRef: component:default/tasks-api: Invalid annotation private-fargate/endpoint-service-port:\n(value): must be a port number, a whole number from 1 to 65535',
    ],
  ])(
    'should name the annotation of a provider %s',
    async (_, annotations, message) => {
      await expect(
        run('component:default/tasks-api', [
          provider('tasks-api', annotations),
        ]),
      ).rejects.toThrow(message);
    },
  );
});

describe('private-fargate:provider:fetch examples', () => {
  const tasksApiOn8080 = provider('tasks-api', {
    ...tasksApi.metadata.annotations,
    'private-fargate/endpoint-service-port': '8080',
  });
  it.each(
    examples.flatMap(example => [
      [example.description, 'with a port', tasksApiOn8080, example] as const,
      [example.description, 'without a port', tasksApi, example] as const,
    ]),
  )(
    'should run in a dry run through the real scaffolder engine: %s, the provider %s',
    async (_, _port, providerEntity, example) => {
      const { steps } = yaml.parse(example.example);
      const { response, fileText } = await dryRunTemplate({
        entities: [providerEntity, tasksApiInPayments],
        metadata: { name: 'consumer' },
        steps,
        output: { provider: '${{ steps.provider.output }}' },
        values: {
          provider: 'component:default/tasks-api',
          name: 'orders-to-tasks',
          owner: 'group:default/orders',
          vpcId: 'vpc-0f1e2d3c4b5a69788',
          vpcCidr: '10.20.0.0/16',
          subnets: [
            {
              id: 'subnet-0b1c2d3e4f5a60721',
              availabilityZone: 'ap-northeast-1a',
            },
            {
              id: 'subnet-0b1c2d3e4f5a60722',
              availabilityZone: 'ap-northeast-1c',
            },
          ],
          routeTableIds: ['rtb-0b1c2d3e4f5a60723'],
          clientCidrs: ['10.20.10.0/24'],
        },
      });
      expect(response.body.error).toBeUndefined();
      expect(response.status).toBe(200);
      const { provider: output } = response.body.output;
      const inPayments = output.entityRef === 'component:payments/tasks-api';
      expect(output.region).toBe(inPayments ? 'eu-west-1' : 'ap-northeast-1');
      expect(output.serviceName).toBe(
        `com.amazonaws.vpce.${output.region}.${SERVICE_ID}`,
      );
      expect(output.port).toBe(
        !inPayments && providerEntity === tasksApiOn8080 ? 8080 : undefined,
      );
      // The example that writes the consumer's Terraform connects it to the provider's service,
      // and admits the clients on the provider's port, or on the default 80 without one.
      const writesTerraform = steps.some(
        (step: { action: string }) =>
          step.action === 'private-fargate:terraform',
      );
      const variables = fileText('infra/variables.tf');
      const consumerServiceName = variables
        ? /variable "consumer_service_name" \{[^}]*default += "([^"]+)"/.exec(
            variables,
          )?.[1]
        : undefined;
      expect(consumerServiceName).toBe(
        writesTerraform ? output.serviceName : undefined,
      );
      const consumer = fileText('infra/modules/privatelink-consumer/main.tf');
      const admitted = consumer
        ? /resource "aws_vpc_security_group_ingress_rule" "clients" \{[^}]*from_port += (\d+)\n\s*to_port += (\d+)/.exec(
            consumer,
          )
        : undefined;
      expect(admitted?.slice(1).map(Number)).toEqual(
        writesTerraform ? [output.port ?? 80, output.port ?? 80] : undefined,
      );
    },
  );
});
