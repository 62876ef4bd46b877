import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { parse } from '@cdktf/hcl2json';
import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubScaffolderModule from '@backstage/plugin-scaffolder-backend-module-github';
import { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import { serializeDirectoryContents } from '@backstage/plugin-scaffolder-node';
import {
  applyDefaults,
  inMemoryDatabaseServiceFactory,
  requestDryRun,
} from '../dryRun';
import privateFargateScaffolderModule from '../index';

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../../../..');
const PORT_ANNOTATION = 'private-fargate/endpoint-service-port';

function readYaml(file: string) {
  return yaml.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
}

const exampleCatalog: Entity[] = yaml
  .parseAllDocuments(
    fs.readFileSync(
      path.join(repoRoot, 'examples/values/catalog.yaml'),
      'utf8',
    ),
  )
  .map(document => document.toJS());

/** Dry-runs one of our templates, skeleton and all, as the portal would, against `entities`. */
async function renderTemplate(
  name: string,
  values: Record<string, unknown>,
  entities: Entity[],
) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      privateFargateScaffolderModule,
      githubScaffolderModule,
      inMemoryDatabaseServiceFactory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost' },
          integrations: { github: [{ host: 'github.com', token: 'unused' }] },
        },
      }),
    ],
  });
  try {
    const address = backend.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dir = path.join(repoRoot, 'templates', name);
    const template: TemplateEntityV1beta3 = readYaml(
      `templates/${name}/template.yaml`,
    );
    const result = await requestDryRun({
      scaffolderBaseUrl: `http://localhost:${port}/api/scaffolder`,
      template,
      // The form fills in defaults before it submits; a dry run does not.
      values: applyDefaults(template, values),
      files: await serializeDirectoryContents(dir),
    });
    return (file: string) => {
      const found = result.files.find(f => f.path === file);
      if (!found) throw new Error(`${name} wrote no ${file}`);
      return found.content.toString('utf8');
    };
  } finally {
    await backend.stop();
  }
}

const hcl = (file: string, content: string) => parse(file, content);

describe('the port a PrivateLink provider publishes and its consumers use', () => {
  let provider: Entity;
  let nlbPort: number;
  let listeners: { nlb: unknown; alb: unknown };

  beforeAll(async () => {
    const file = await renderTemplate(
      'private-fargate-service',
      readYaml(
        'examples/values/private-fargate-service.shared-endpoints-privatelink.yaml',
      ),
      exampleCatalog,
    );
    const root = await hcl('main.tf', file('infra/main.tf'));
    nlbPort = root.module.privatelink_provider[0].alb_listener_port;
    const nlb = await hcl(
      'main.tf',
      file('infra/modules/privatelink-provider/main.tf'),
    );
    const alb = await hcl('main.tf', file('infra/modules/service/main.tf'));
    listeners = {
      nlb: nlb.resource.aws_lb_listener.tcp[0].port,
      alb: alb.resource.aws_lb_listener.http[0].port,
    };

    // Registered, with the endpoint service ID filled in after terraform apply.
    provider = yaml.parse(
      file('catalog-info.yaml').replace(
        /# (private-fargate\/endpoint-service-id): vpce-svc-[0-9a-f]+/,
        '$1: vpce-svc-0a1b2c3d4e5f60718',
      ),
    );
  });

  it("should publish the NLB's listener port in the service's catalog entity", () => {
    // The NLB listens on the port the root module gives it, the ALB listener's.
    expect(typeof nlbPort).toBe('number');
    expect(listeners).toEqual({
      nlb: '${var.alb_listener_port}',
      alb: nlbPort,
    });
    expect(provider.metadata.annotations![PORT_ANNOTATION]).toBe(
      String(nlbPort),
    );
  });

  it('should publish no port for a service that is not a PrivateLink provider', async () => {
    const file = await renderTemplate(
      'private-fargate-service',
      readYaml(
        'examples/values/private-fargate-service.tokyo-internal-alb.yaml',
      ),
      exampleCatalog,
    );
    expect(file('catalog-info.yaml')).not.toContain(PORT_ANNOTATION);
  });

  describe('privatelink-consumer', () => {
    const legacy = (entity: Entity): Entity => {
      const { [PORT_ANNOTATION]: _, ...annotations } =
        entity.metadata.annotations!;
      return {
        ...entity,
        metadata: { ...entity.metadata, name: 'legacy-api', annotations },
      };
    };
    const onPort = (entity: Entity, port: string): Entity => ({
      ...entity,
      metadata: {
        ...entity.metadata,
        name: 'other-port-api',
        annotations: {
          ...entity.metadata.annotations,
          [PORT_ANNOTATION]: port,
        },
      },
    });
    const consumerValues = (providerName: string, port?: number) => ({
      provider: `component:default/${providerName}`,
      name: `${providerName}-from-billing`,
      owner: 'group:default/billing',
      accountId: '210987654321',
      vpcId: 'vpc-0b1c2d3e4f5a60718',
      vpcCidr: '10.1.0.0/16',
      subnets: [
        { id: 'subnet-0b1c2d3e4f5a60721', availabilityZone: 'eu-west-1a' },
        { id: 'subnet-0b1c2d3e4f5a60722', availabilityZone: 'eu-west-1b' },
      ],
      routeTableIds: ['rtb-0b1c2d3e4f5a60723'],
      clientCidrs: ['10.1.10.0/24'],
      repoUrl: 'github.com?owner=example-org&repo=billing-to-provider',
      ...(port === undefined ? {} : { port }),
    });
    async function consumerPort(providerName: string, port?: number) {
      const file = await renderTemplate(
        'privatelink-consumer',
        consumerValues(providerName, port),
        [provider, legacy(provider), onPort(provider, '8443')],
      );
      const consumer = await hcl(
        'main.tf',
        file('infra/modules/privatelink-consumer/main.tf'),
      );
      const [rule] =
        consumer.resource.aws_vpc_security_group_ingress_rule.clients;
      expect(rule.to_port).toBe(rule.from_port);
      const record = JSON.parse(file('.private-fargate/scaffold.json'));
      return { port: rule.from_port, recorded: record.values.port };
    }

    it("should admit its clients on the port the provider's entity publishes", async () => {
      expect(await consumerPort(provider.metadata.name)).toEqual({
        port: nlbPort,
        recorded: undefined,
      });
      expect(await consumerPort('other-port-api')).toEqual({
        port: 8443,
        recorded: undefined,
      });
    });

    it('should take 80 from a provider registered before it published its port', async () => {
      expect(await consumerPort('legacy-api')).toEqual({
        port: 80,
        recorded: undefined,
      });
    });

    it("should let a port given in the form win over the provider's", async () => {
      expect(await consumerPort('other-port-api', 9000)).toEqual({
        port: 9000,
        recorded: 9000,
      });
    });
  });
});
