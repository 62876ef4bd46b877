import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { goldenCases } from '../__golden__/cases';
import { readScaffoldRecord, sha256 } from '../upgrade/record';
import { createTerraformAction } from './terraform';

const tokyoCase = goldenCases.find(
  c => c.name === 'bastion-with-service-exec',
)!.input;

describe('private-fargate:terraform', () => {
  const action = createTerraformAction();
  const workspace = createTestDirectory();
  const outside = createTestDirectory();

  beforeEach(() => workspace.clear());

  async function run(input: Record<string, unknown>, isDryRun = false) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
      isDryRun,
    });
    await action.handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  /** Runs the action with the disk failing on the fifth file write; returns the writes tried. */
  async function runFailingOnFifthWrite(input: Record<string, unknown>) {
    const realWriteFile = fsSync.writeFileSync;
    let writes = 0;
    const spy = jest
      .spyOn(fsSync, 'writeFileSync')
      .mockImplementation((...args) => {
        writes++;
        if (writes === 5) throw new Error('disk full');
        return realWriteFile(
          ...(args as Parameters<typeof fsSync.writeFileSync>),
        );
      });
    try {
      await expect(run(input)).rejects.toThrow('disk full');
    } finally {
      spy.mockRestore();
    }
    return writes;
  }

  it('should write the root module, one module of one file per component and the README', async () => {
    const outputs = await run({ ...tokyoCase, targetPath: 'infra' });
    expect(outputs.targetPath).toBe('infra');
    expect(outputs.files).toEqual([
      'README.md',
      'main.tf',
      'modules/bastion/main.tf',
      'modules/endpoints/main.tf',
      'modules/service/main.tf',
      'outputs.tf',
      'providers.tf',
      'variables.tf',
      'versions.tf',
    ]);
    for (const file of outputs.files) {
      await expect(
        fs.stat(path.join(workspace.path, 'infra', file)),
      ).resolves.toBeTruthy();
    }
    expect(outputs.endpoints).toContain('com.amazonaws.ap-northeast-1.ssm');
    expect(outputs.monthlyCost).toBeGreaterThan(0);
    const versions = await fs.readFile(
      path.join(workspace.path, 'infra/versions.tf'),
      'utf8',
    );
    expect(versions).toContain('version = "~> 6.0"');
  });

  it('should write in a dry run too, so the preview shows the files', async () => {
    const outputs = await run({ ...tokyoCase }, true);
    expect(outputs.files.length).toBeGreaterThan(5);
    await expect(
      fs.stat(path.join(workspace.path, 'infra/main.tf')),
    ).resolves.toBeTruthy();
  });

  it('should keep files already in the target folder that it does not generate', async () => {
    workspace.setContent({
      'infra/backend.tf': 'terraform {}\n',
      'infra/main.tf': 'old',
    });
    await run({ ...tokyoCase });
    expect(
      await fs.readFile(path.join(workspace.path, 'infra/backend.tf'), 'utf8'),
    ).toBe('terraform {}\n');
    expect(
      await fs.readFile(path.join(workspace.path, 'infra/main.tf'), 'utf8'),
    ).toContain('module "service"');
  });

  it('should not write through a symlink in the target folder that leads out of the workspace', async () => {
    workspace.setContent({ 'infra/backend.tf': 'terraform {}\n' });
    await fs.symlink(outside.path, path.join(workspace.path, 'infra/modules'));
    await expect(run({ ...tokyoCase })).rejects.toThrow('outside its parent');
    expect(await fs.readdir(outside.path)).toEqual([]);
    expect(await fs.readdir(path.join(workspace.path, 'infra'))).toEqual([
      'backend.tf',
      'modules',
    ]);
  });

  it.each([
    [{ network: { ...tokyoCase.network, vpcId: 'vpc-123' } }, 'network.vpcId'],
    [{ service: { cpu: 256, memory: 4096 } }, 'service.memory'],
    [{ components: ['endpoints', 'private-dns'] }, 'privateDns'],
    [
      { components: ['service', 'privatelink-provider'], service: {} },
      'service.loadBalancer',
    ],
    [{ owner: 'team "orders"' }, 'owner'],
    [
      {
        requirements: {
          region: 'ap-northeast-1',
          platformVersion: '1.3.0',
          secrets: ['secretsmanager'],
        },
        service: {
          secrets: [
            {
              name: 'DB_PASSWORD',
              valueFrom:
                'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders-db-AbCdEf:password::',
            },
          ],
        },
      },
      'service.secrets[0].valueFrom: selects a JSON key or a version of the secret, which Fargate injects from platform version 1.4.0',
    ],
    [
      { serviceName: 'sg-orders' },
      'serviceName: must not be "sg" or begin with "sg-": security groups are named after the service',
    ],
    [
      {
        serviceName: 'internal',
        service: { loadBalancer: { listenerPort: 80 } },
      },
      'serviceName: would name the internal load balancer "internal-alb", and AWS refuses load balancer names that begin with "internal-"',
    ],
    [{ targetPath: '../outside' }, 'targetPath'],
    [
      {
        network: {
          ...tokyoCase.network,
          endpointIngress: 'task-security-group',
        },
      },
      'network.endpointIngress',
    ],
    [
      {
        requirements: {
          region: 'ap-northeast-1',
          logging: 'firelens-cloudwatch',
        },
      },
      'requirements.logging',
    ],
    [
      {
        privateLinkConsumer: {
          serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0a1b2c3d',
          clientCidrs: ['0.0.0.0/0'],
        },
        components: ['privatelink-consumer'],
      },
      'privateLinkConsumer.clientCidrs',
    ],
    [
      {
        service: {
          secrets: [
            {
              name: 'API_KEY',
              valueFrom:
                'arn:aws:ssm:ap-northeast-1:123456789012:parameter/inventory/api-key',
            },
          ],
        },
      },
      'service.secrets[0].valueFrom: points into SSM Parameter Store, but requirements.secrets does not list "ssm"',
    ],
    [
      {
        requirements: { region: 'ap-northeast-1', secrets: ['ssm'] },
        service: {
          secrets: [
            {
              name: 'API_KEY',
              valueFrom:
                'arn:aws:ssm:eu-west-1:123456789012:parameter/inventory/api-key',
            },
          ],
        },
      },
      'service.secrets[0].valueFrom: is in eu-west-1, but the task runs in ap-northeast-1',
    ],
    [
      {
        requirements: {
          region: 'ap-northeast-1',
          exec: { enabled: true, kmsKey: true },
        },
        service: {
          execKmsKeyArn:
            'arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1234-5678-9abc-0a1b2c3d4e5f',
        },
      },
      'service.execKmsKeyArn: is in us-east-1, but the task runs in ap-northeast-1',
    ],
    [
      {
        privateLinkConsumer: {
          serviceName:
            'com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718',
          clientCidrs: ['10.0.0.0/16'],
        },
        components: ['privatelink-consumer'],
      },
      'privateLinkConsumer.serviceName: is an endpoint service in eu-west-1, but this stack is in ap-northeast-1',
    ],
    [
      { network: { ...tokyoCase.network, sharedEndpoints: '' } },
      "network.sharedEndpoints: lists no endpoints: the shared stack's private-fargate/endpoints annotation must name them",
    ],
    [
      { network: { ...tokyoCase.network, sharedEndpoints: 'ecr.api,nat' } },
      'network.sharedEndpoints: unknown endpoint service "nat"',
    ],
    [
      { network: { ...tokyoCase.network, sharedEndpoints: 443 } },
      'network.sharedEndpoints: must be a list of endpoint suffixes, or their text as in the private-fargate/endpoints annotation',
    ],
  ])(
    'should reject bad input naming the field (%#) and write nothing',
    async (patch, field) => {
      const failure = run({ ...tokyoCase, ...patch });
      await expect(failure).rejects.toThrow(InputError);
      await expect(failure).rejects.toThrow(field);
      expect(await fs.readdir(workspace.path)).toEqual([]);
    },
  );

  it('should take a service name that begins with "internal-" when no load balancer is named after it', async () => {
    const output = await run({ ...tokyoCase, serviceName: 'internal-tools' });
    expect(output.files).toContain('modules/service/main.tf');
    const service = await fs.readFile(
      `${workspace.path}/infra/modules/service/main.tf`,
      'utf8',
    );
    expect(service).not.toContain('resource "aws_lb"');
  });

  it("should read shared endpoints from a stack's annotation text as from a list", async () => {
    const fromList = await run({
      ...tokyoCase,
      network: {
        ...tokyoCase.network,
        sharedEndpoints: ['ecr.api', 'ecr.dkr'],
      },
    });
    workspace.clear();
    const fromText = await run({
      ...tokyoCase,
      network: { ...tokyoCase.network, sharedEndpoints: ' ecr.api, ecr.dkr ' },
    });
    expect(fromText.endpoints).toEqual(fromList.endpoints);
    expect(fromText.endpoints).not.toContain(
      'com.amazonaws.ap-northeast-1.ecr.api',
    );
  });

  it('should refuse a target path that is a file, and leave the file as it was', async () => {
    workspace.setContent({ infra: 'not a folder\n' });
    const failure = run({ ...tokyoCase, targetPath: 'infra' });
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(
      'targetPath: "infra" exists and is not a folder',
    );
    expect(await fs.readdir(workspace.path)).toEqual(['infra']);
    expect(await fs.readFile(path.join(workspace.path, 'infra'), 'utf8')).toBe(
      'not a folder\n',
    );
  });

  it('should leave no target folder behind when a write into a new one fails half-way', async () => {
    workspace.setContent({ 'README.md': 'kept\n' });
    const writes = await runFailingOnFifthWrite({
      ...tokyoCase,
      targetPath: 'deploy/infra',
    });
    expect(writes).toBe(5);
    expect(await fs.readdir(workspace.path)).toEqual(['README.md']);
  });

  it('should leave the workspace as it was when a write fails half-way', async () => {
    workspace.setContent({ 'infra/main.tf': 'old main\n' });
    await runFailingOnFifthWrite({ ...tokyoCase });
    expect(await fs.readdir(workspace.path)).toEqual(['infra']);
    expect(await fs.readdir(path.join(workspace.path, 'infra'))).toEqual([
      'main.tf',
    ]);
    expect(
      await fs.readFile(path.join(workspace.path, 'infra/main.tf'), 'utf8'),
    ).toBe('old main\n');
  });
});

describe('private-fargate:terraform with a record', () => {
  const action = createTerraformAction();
  const workspace = createTestDirectory();
  const templateInfo = {
    baseUrl: 'file:///templates/private-fargate-service/template.yaml',
    entity: {
      metadata: {
        name: 'private-fargate-service',
        annotations: { 'private-fargate/template-version': '1.3.0' },
      },
    },
  };
  const twoSubnetsPerZone = goldenCases.find(
    c => c.name === 'endpoints-two-subnets-per-zone',
  )!.input;
  const consumer = goldenCases.find(
    c => c.name === 'privatelink-consumer-zone',
  )!.input;

  beforeEach(() => workspace.clear());

  async function run(
    input: Record<string, unknown>,
    options: { secrets?: Record<string, string>; templateInfo?: any } = {},
  ) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
      templateInfo: options.templateInfo ?? templateInfo,
      secrets: options.secrets,
    });
    await action.handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  function workspaceFile(relative: string): string {
    return fsSync.readFileSync(path.join(workspace.path, relative), 'utf8');
  }

  it("should hash every file of the finished tree, with the Terraform's own requirements, zones and traffic", async () => {
    workspace.setContent({ 'catalog-info.yaml': 'kind: Component\n' });
    const outputs = await run(
      {
        ...twoSubnetsPerZone,
        trafficGbPerMonth: 25,
        record: {
          values: { name: 'catalog', token: 'abc123', tier: 'gold' },
          omitValues: ['tier'],
        },
      },
      { secrets: { githubToken: 'abc123' } },
    );
    expect(outputs.recordPath).toBe('.private-fargate/scaffold.json');
    const record = readScaffoldRecord(workspace.path);
    expect(record.template).toEqual({
      name: 'private-fargate-service',
      version: '1.3.0',
    });
    // Named secrets and values equal to a run secret stay out of the record.
    expect(record.values).toEqual({ name: 'catalog' });
    expect(record.files.map(file => file.path)).toEqual([
      'catalog-info.yaml',
      ...outputs.files.map((file: string) => `infra/${file}`),
    ]);
    for (const file of record.files) {
      expect(file.sha256).toBe(sha256(workspaceFile(file.path)));
    }
    // The zones the endpoints sit in (two), not the three subnets; the README's traffic.
    expect(record.cost).toEqual({ availabilityZones: 2, gbPerMonth: 25 });
    expect(record.requirements).toMatchObject({
      region: 'ap-northeast-1',
      logging: 'none',
    });
    expect(workspaceFile('infra/README.md')).toContain(
      'in 2 Availability Zone(s) and 25 GB a month',
    );
  });

  it('should record no endpoint or cost data when it writes no endpoint stack', async () => {
    await run({
      ...consumer,
      record: { template: 'privatelink-consumer@1.3.0', values: {} },
    });
    const record = readScaffoldRecord(workspace.path);
    expect(record.template.name).toBe('privatelink-consumer');
    expect(record.requirements).toBeUndefined();
    expect(record.cost).toBeUndefined();
  });

  it('should put the record in the folder it names, covering only that folder', async () => {
    workspace.setContent({ 'other-team/main.tf': 'terraform {}\n' });
    const outputs = await run({
      ...twoSubnetsPerZone,
      targetPath: 'networks/tokyo/infra',
      record: { targetPath: 'networks/tokyo', values: {} },
    });
    expect(outputs.recordPath).toBe(
      'networks/tokyo/.private-fargate/scaffold.json',
    );
    const record = readScaffoldRecord(
      path.join(workspace.path, 'networks/tokyo'),
    );
    expect(record.files.every(file => file.path.startsWith('infra/'))).toBe(
      true,
    );
  });

  it.each([
    [{ values: 'name=catalog' }, 'record.values'],
    [{ values: {}, template: 'catalog' }, 'record.template'],
    [{ values: {}, targetPath: 7 }, 'record.targetPath'],
    [
      { values: {}, mode: 'all' },
      "record: Unrecognized key(s) in object: 'mode'",
    ],
    [
      { values: {}, targetPath: '../outside' },
      'record.targetPath: "../outside" is outside the workspace',
    ],
    [
      { values: {}, targetPath: 'docs' },
      'record.targetPath: "docs" does not hold the Terraform\'s targetPath "infra"',
    ],
  ])(
    'should refuse a bad record (%#) naming the field, before writing anything',
    async (record, field) => {
      const failure = run({ ...twoSubnetsPerZone, record });
      await expect(failure).rejects.toThrow(InputError);
      await expect(failure).rejects.toThrow(field);
      expect(await fs.readdir(workspace.path)).toEqual([]);
    },
  );

  it('should say how to name the template when the template has no version annotation, before writing anything', async () => {
    const failure = run(
      { ...twoSubnetsPerZone, record: { values: {} } },
      { templateInfo: { entity: { metadata: { name: 'handmade' } } } },
    );
    await expect(failure).rejects.toThrow(
      'record.template: give <name>@<version>, or add the annotation private-fargate/template-version: <version>',
    );
    expect(await fs.readdir(workspace.path)).toEqual([]);
  });
});
