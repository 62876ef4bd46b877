import { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import { dryRunTemplate } from '../__testUtils__/dryRunTemplate';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { createTerraformAction } from './terraform';

jest.setTimeout(60_000);

const VPC = 'vpc-0f1e2d3c4b5a69788';
const STACK = 'resource:default/eu-west-1-shared-endpoints';

function sharedStack(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'private-fargate/aws-account-id': '123456789012',
        'private-fargate/aws-region': 'eu-west-1',
        'private-fargate/vpc-id': VPC,
        'private-fargate/endpoints': 'ecr.api,ecr.dkr,s3,logs',
        ...annotations,
      },
    },
    spec: { type: 'vpc-endpoints', owner: 'group:default/platform' },
  };
}

// The catalog of examples/values/catalog.yaml: the production VPC's stack, and a service
// (not a stack) annotated with the same VPC, which must not count.
const ireland = sharedStack('eu-west-1-shared-endpoints');
const ledgerApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ledger-api',
    namespace: 'default',
    annotations: {
      'private-fargate/aws-region': 'eu-west-1',
      'private-fargate/vpc-id': VPC,
      'private-fargate/endpoints': 'ecr.api,ecr.dkr,s3,logs,sts',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/x' },
};
const catalog = [ireland, ledgerApi];

const network = {
  vpcId: VPC,
  vpcCidr: '10.20.0.0/16',
  privateSubnets: [
    { id: 'subnet-0f1e2d3c4b5a69781', availabilityZone: 'eu-west-1a' },
    { id: 'subnet-0f1e2d3c4b5a69782', availabilityZone: 'eu-west-1b' },
  ],
  privateRouteTableIds: ['rtb-0f1e2d3c4b5a69784'],
  oneSubnetPerZone: true,
};

/** The Terraform step of vpc-endpoints-baseline: a stack of endpoints only. */
const baseline = {
  targetPath: 'infra',
  serviceName: 'prod-ireland-endpoints',
  owner: 'group:default/platform',
  components: ['endpoints'],
  requirements: { region: 'eu-west-1', awsServices: ['sts', 'sqs'] },
  network,
  record: {
    template: 'vpc-endpoints-baseline@1.4.0',
    values: { name: 'prod-ireland-endpoints' },
  },
};

/** The Terraform step of private-fargate-service, creating its endpoints. */
const service = {
  targetPath: 'infra',
  serviceName: 'payouts-api',
  owner: 'group:default/finance',
  components: ['endpoints', 'service'],
  requirements: { region: 'eu-west-1', awsServices: ['sts'] },
  network,
  service: { loadBalancer: {} },
  record: {
    template: 'private-fargate-service@1.6.0',
    values: { name: 'payouts-api' },
  },
};

function terraformStep(input: unknown) {
  return {
    id: 'terraform',
    name: 'Write the Terraform',
    action: 'private-fargate:terraform',
    input,
  };
}

describe('private-fargate:terraform next to a shared endpoint stack, through the scaffolder engine', () => {
  it('should refuse a second stack in the VPC, naming the field, the stack, the endpoints and the fix, and write nothing', async () => {
    const { response } = await dryRunTemplate({
      entities: catalog,
      steps: [terraformStep(baseline)],
    });
    expect(response.status).toBe(400);
    const message: string = response.body.error.message;
    expect(message).toContain(
      `network.vpcId: ${VPC} in eu-west-1 has the shared endpoint stack ${STACK}, which already provides ecr.api, ecr.dkr, s3, logs, and this configuration would create them again`,
    );
    expect(message).toContain('private DNS');
    expect(message).toContain(
      `change the repository of ${STACK} instead of creating another stack`,
    );
    expect(message).not.toContain('ledger-api');
    expect(response.body.directoryContents).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(
      /infra\/main\.tf|scaffold\.json/,
    );
  });

  it("should refuse a service that creates the stack's endpoints, saying to use the shared stack", async () => {
    const { response } = await dryRunTemplate({
      entities: catalog,
      steps: [terraformStep(service)],
    });
    expect(response.status).toBe(400);
    const message: string = response.body.error.message;
    expect(message).toMatch(
      new RegExp(
        `^network\\.vpcId: ${VPC} in eu-west-1 has the shared endpoint stack ${STACK}, which already provides ecr\\.api, ecr\\.dkr, s3, logs,`,
      ),
    );
    expect(message).toContain(
      `choose "Use the VPC's shared endpoints" and pick ${STACK}`,
    );
    expect(message).toContain('network.sharedEndpoints');
  });

  it('should count the endpoints only the bastion creates', async () => {
    const { response } = await dryRunTemplate({
      entities: [
        sharedStack('eu-west-1-session-endpoints', {
          'private-fargate/endpoints': 'ssm,ssmmessages',
        }),
      ],
      steps: [
        terraformStep({
          ...baseline,
          serviceName: 'orders-db',
          components: ['endpoints', 'bastion'],
          requirements: { region: 'eu-west-1', bastion: true },
          bastion: { enabled: false },
        }),
      ],
    });
    const message: string = response.body.error.message;
    expect(message).toContain(
      'resource:default/eu-west-1-session-endpoints, which already provides ssm, ssmmessages',
    );
    // The bastion's own template offers the shared stack; a bastion is not a second stack.
    expect(message).toContain(
      `in the ssm-bastion template choose "Use the VPC's shared endpoints" and pick resource:default/eu-west-1-session-endpoints`,
    );
    expect(message).toContain(
      "the stack's stay on while the bastion is switched off",
    );
    expect(message).not.toContain('instead of creating another stack');
  });

  it.each([
    [
      'in another VPC',
      { ...baseline, network: { ...network, vpcId: 'vpc-0c2d4e6f8a0b13579' } },
    ],
    [
      'in a VPC of the same ID in another Region',
      {
        ...baseline,
        requirements: { region: 'eu-west-2' },
        network: {
          ...network,
          privateSubnets: [
            { id: 'subnet-0f1e2d3c4b5a69781', availabilityZone: 'eu-west-2a' },
            { id: 'subnet-0f1e2d3c4b5a69782', availabilityZone: 'eu-west-2b' },
          ],
        },
      },
    ],
    [
      'that is the stack itself, rendered again (as an upgrade does)',
      { ...baseline, serviceName: 'eu-west-1-shared-endpoints' },
    ],
    [
      'that creates none of the endpoints (a PrivateLink consumer)',
      {
        ...baseline,
        components: ['privatelink-consumer'],
        privateLinkConsumer: {
          serviceName:
            'com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718',
          clientCidrs: ['10.20.10.0/24'],
        },
      },
    ],
  ])('should write a configuration %s', async (_, input) => {
    const { response, fileText } = await dryRunTemplate({
      entities: catalog,
      steps: [terraformStep(input)],
    });
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(fileText('infra/main.tf')).toBeDefined();
    expect(fileText('.private-fargate/scaffold.json')).toBeDefined();
  });

  it("should write a service on the VPC's shared endpoints, creating only what the stack lacks", async () => {
    const { response, fileText } = await dryRunTemplate({
      entities: catalog,
      // As private-fargate-service does with endpointMode "shared".
      steps: [
        {
          id: 'shared-endpoints',
          name: 'Read the shared endpoint stack',
          action: 'catalog:fetch',
          input: { entityRef: STACK },
        },
        terraformStep({
          ...service,
          network: {
            ...network,
            sharedEndpoints:
              "${{ steps['shared-endpoints'].output.entity.metadata.annotations['private-fargate/endpoints'] }}",
            sharedEndpointStack: STACK,
          },
        }),
      ],
      output: { endpoints: '${{ steps.terraform.output.endpoints }}' },
    });
    expect(response.body.error).toBeUndefined();
    expect(response.body.output.endpoints).toEqual([
      'com.amazonaws.eu-west-1.sts',
    ]);
    expect(fileText('infra/modules/endpoints/main.tf')).toBeDefined();
  });

  it("should write a bastion on the VPC's shared endpoints, creating only its session endpoints", async () => {
    const { response, fileText } = await dryRunTemplate({
      entities: catalog,
      // As ssm-bastion does with endpointMode "shared".
      steps: [
        {
          id: 'shared-endpoints',
          name: 'Read the shared endpoint stack',
          action: 'catalog:fetch',
          input: { entityRef: STACK },
        },
        terraformStep({
          ...baseline,
          serviceName: 'ledger-db',
          components: ['endpoints', 'bastion'],
          requirements: { region: 'eu-west-1', bastion: true },
          network: {
            ...network,
            sharedEndpoints:
              "${{ steps['shared-endpoints'].output.entity.metadata.annotations['private-fargate/endpoints'] }}",
            sharedEndpointStack: STACK,
          },
          bastion: { enabled: false },
        }),
      ],
      output: { endpoints: '${{ steps.terraform.output.endpoints }}' },
    });
    expect(response.body.error).toBeUndefined();
    expect(response.body.output.endpoints).toEqual([
      'com.amazonaws.eu-west-1.ssm',
      'com.amazonaws.eu-west-1.ssmmessages',
    ]);
    expect(fileText('infra/modules/endpoints/main.tf')).not.toContain(
      'resource "aws_vpc_endpoint"',
    );
  });
});

const OTHER_VPC = 'vpc-0c2d4e6f8a0b13579';

/** The steps of private-fargate-service with endpointMode "shared", picking `stack`. */
function serviceOnStack(
  stack: string,
  change: { network?: object; requirements?: object } = {},
) {
  return [
    {
      id: 'shared-endpoints',
      name: 'Read the shared endpoint stack',
      action: 'catalog:fetch',
      input: { entityRef: stack },
    },
    terraformStep({
      ...service,
      requirements: { ...service.requirements, ...change.requirements },
      network: {
        ...network,
        sharedEndpoints:
          "${{ steps['shared-endpoints'].output.entity.metadata.annotations['private-fargate/endpoints'] }}",
        sharedEndpointStack: stack,
        ...change.network,
      },
    }),
  ];
}

describe('private-fargate:terraform given the shared stack it uses (network.sharedEndpointStack)', () => {
  it('should refuse the stack of another VPC, naming the field, both VPCs and the fix, and write nothing', async () => {
    const { response } = await dryRunTemplate({
      entities: catalog,
      steps: serviceOnStack(STACK, { network: { vpcId: OTHER_VPC } }),
    });
    expect(response.status).toBe(400);
    const message: string = response.body.error.message;
    expect(message).toMatch(
      new RegExp(
        `^network\\.sharedEndpointStack: ${STACK} is the shared endpoint stack of VPC ${VPC} in eu-west-1, but this configuration goes into VPC ${OTHER_VPC} in eu-west-1 \\(network\\.vpcId, requirements\\.region\\)`,
      ),
    );
    expect(message).toContain(
      'none of the endpoints left to that stack (ecr.api, ecr.dkr, s3, logs)',
    );
    expect(message).toContain(
      `Pick the shared endpoint stack of VPC ${OTHER_VPC} in eu-west-1, or create the endpoints in this repository: in the private-fargate-service template choose "Create the endpoints in this repository"`,
    );
    expect(response.body.directoryContents).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(
      /infra\/main\.tf|scaffold\.json/,
    );
  });

  it('should refuse the stack of a VPC of the same ID in another Region', async () => {
    const { response } = await dryRunTemplate({
      entities: catalog,
      steps: serviceOnStack(STACK, {
        requirements: { region: 'eu-west-2' },
        network: {
          privateSubnets: [
            { id: 'subnet-0f1e2d3c4b5a69781', availabilityZone: 'eu-west-2a' },
            { id: 'subnet-0f1e2d3c4b5a69782', availabilityZone: 'eu-west-2b' },
          ],
        },
      }),
    });
    expect(response.status).toBe(400);
    const message: string = response.body.error.message;
    expect(message).toContain(
      `network.sharedEndpointStack: ${STACK} is the shared endpoint stack of VPC ${VPC} in eu-west-1, but this configuration goes into VPC ${VPC} in eu-west-2`,
    );
    expect(message).toContain(
      `Pick the shared endpoint stack of VPC ${VPC} in eu-west-2`,
    );
  });

  it('should write a service on the stack of its VPC and Region, as before', async () => {
    const { response, fileText } = await dryRunTemplate({
      entities: catalog,
      steps: serviceOnStack(STACK),
      output: { endpoints: '${{ steps.terraform.output.endpoints }}' },
    });
    expect(response.body.error).toBeUndefined();
    expect(response.body.output.endpoints).toEqual([
      'com.amazonaws.eu-west-1.sts',
    ]);
    expect(fileText('infra/main.tf')).toBeDefined();
  });

  it('should refuse a stack the catalog does not hold', async () => {
    const { response } = await dryRunTemplate({
      entities: catalog,
      steps: [
        terraformStep({
          ...service,
          network: {
            ...network,
            sharedEndpoints: ['ecr.api', 'ecr.dkr', 's3', 'logs'],
            sharedEndpointStack: 'resource:default/nowhere-endpoints',
          },
        }),
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      new RegExp(
        `^network\\.sharedEndpointStack: resource:default/nowhere-endpoints is not in the catalog, or you may not read it\\. Pick the shared endpoint stack of VPC ${VPC} in eu-west-1`,
      ),
    );
    expect(response.body.directoryContents).toBeUndefined();
  });

  it('should refuse an entity that is not a vpc-endpoints Resource, even one annotated with the VPC', async () => {
    const { response } = await dryRunTemplate({
      entities: catalog,
      steps: serviceOnStack('component:default/ledger-api'),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^network\.sharedEndpointStack: component:default\/ledger-api is a Component of type service, not a shared endpoint stack \(a Resource of type vpc-endpoints\)\./,
    );
  });

  it("should refuse endpoints the stack's annotation does not name, for callers that list them", async () => {
    const { response } = await dryRunTemplate({
      entities: catalog,
      steps: [
        terraformStep({
          ...service,
          network: {
            ...network,
            sharedEndpoints: ['ecr.api', 'ecr.dkr', 's3', 'logs', 'sts'],
            sharedEndpointStack: STACK,
          },
        }),
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      `network.sharedEndpointStack: ${STACK} does not provide sts, which network.sharedEndpoints lists (its private-fargate/endpoints annotation names ecr.api, ecr.dkr, s3, logs), so nothing would create it. Pass that annotation as network.sharedEndpoints, as the templates do: the endpoints the stack lacks are then created here.`,
    );
  });

  it('should refuse what is not an entity reference, naming the field', async () => {
    const { response } = await dryRunTemplate({
      entities: catalog,
      steps: [
        terraformStep({
          ...service,
          network: {
            ...network,
            sharedEndpoints: ['ecr.api'],
            sharedEndpointStack: 'resource:default/',
          },
        }),
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'network.sharedEndpointStack: "resource:default/" is not an entity reference; use [<kind>:][<namespace>/]<name>',
    );
  });
});

describe('private-fargate:terraform reading the catalog', () => {
  const workspace = createTestDirectory();
  beforeEach(() => workspace.clear());

  function context(input: unknown) {
    return createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
      isDryRun: true,
    });
  }

  it("should ask for the VPC's stacks with the initiator's credentials, filtering on the server", async () => {
    const catalogService = catalogServiceMock({ entities: [] });
    const getEntities = jest.spyOn(catalogService, 'getEntities');
    const credentials = mockCredentials.user('user:default/mary');
    const ctx = context(service);
    ctx.getInitiatorCredentials = async () => credentials;
    await createTerraformAction({ catalog: catalogService }).handler(ctx);
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          kind: 'resource',
          'spec.type': 'vpc-endpoints',
          'metadata.annotations.private-fargate/vpc-id': VPC,
        },
      }),
      { credentials },
    );
  });

  it('should not ask the catalog when the configuration creates no AWS-service endpoints', async () => {
    const catalogService = catalogServiceMock({ entities: catalog });
    const getEntities = jest.spyOn(catalogService, 'getEntities');
    await createTerraformAction({ catalog: catalogService }).handler(
      context({
        ...baseline,
        components: ['privatelink-consumer'],
        privateLinkConsumer: {
          serviceName:
            'com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718',
          clientCidrs: ['10.20.10.0/24'],
        },
      }),
    );
    expect(getEntities).not.toHaveBeenCalled();
  });

  it("should read the shared stack it is given with the initiator's credentials", async () => {
    const catalogService = catalogServiceMock({ entities: catalog });
    const getEntityByRef = jest.spyOn(catalogService, 'getEntityByRef');
    const credentials = mockCredentials.user('user:default/mary');
    const ctx = context({
      ...service,
      network: {
        ...network,
        sharedEndpoints: 'ecr.api,ecr.dkr,s3,logs',
        sharedEndpointStack: 'Resource:default/EU-West-1-Shared-Endpoints',
      },
    });
    ctx.getInitiatorCredentials = async () => credentials;
    await createTerraformAction({ catalog: catalogService }).handler(ctx);
    expect(getEntityByRef).toHaveBeenCalledWith(STACK, { credentials });
  });

  it('should not check the shared stack without a catalog', async () => {
    const ctx = context({
      ...service,
      network: {
        ...network,
        vpcId: OTHER_VPC,
        sharedEndpoints: 'ecr.api,ecr.dkr,s3,logs',
        sharedEndpointStack: STACK,
      },
    });
    await createTerraformAction().handler(ctx);
    expect(fs.readdirSync(workspace.path)).toContain('infra');
  });

  it('should leave the workspace as it was when it refuses the shared stack', async () => {
    const action = createTerraformAction({
      catalog: catalogServiceMock({ entities: catalog }),
    });
    await expect(
      action.handler(
        context({
          ...service,
          network: {
            ...network,
            vpcId: OTHER_VPC,
            sharedEndpoints: 'ecr.api,ecr.dkr,s3,logs',
            sharedEndpointStack: STACK,
          },
        }),
      ),
    ).rejects.toThrow(/^network\.sharedEndpointStack: /);
    expect(fs.readdirSync(workspace.path)).toEqual([]);
  });

  it('should leave the workspace as it was when it refuses', async () => {
    const action = createTerraformAction({
      catalog: catalogServiceMock({ entities: catalog }),
    });
    await expect(action.handler(context(baseline))).rejects.toThrow(
      /^network\.vpcId: /,
    );
    expect(fs.readdirSync(workspace.path)).toEqual([]);
  });
});
