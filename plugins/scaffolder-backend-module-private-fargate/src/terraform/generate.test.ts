import { parse } from '@cdktf/hcl2json';
import { estimateMonthlyCost } from '@private-fargate/plugin-private-fargate-common';
import { goldenCases } from '../__golden__/cases';
import { generateTerraform } from './generate';

function caseInput(name: string) {
  return goldenCases.find(c => c.name === name)!.input;
}

async function parsed(name: string, file: string) {
  const generated = await generateTerraform(caseInput(name));
  const content = generated.files.find(f => f.path === file)!.content;
  return { generated, json: await parse(file, content) };
}

describe('generateTerraform', () => {
  it('should write a Region without prices, saying the cost is not estimated and where AWS prices it', async () => {
    const input = JSON.parse(
      JSON.stringify(caseInput('bastion-with-service-exec')).replaceAll(
        'ap-northeast-1',
        'eu-west-2',
      ),
    );
    const generated = await generateTerraform(input);
    expect(generated.cost).toBeUndefined();
    expect(generated.createdEndpoints).toContain(
      'com.amazonaws.eu-west-2.ecr.dkr',
    );
    const readme = generated.files.find(f => f.path === 'README.md')!.content;
    expect(readme).toContain(
      'No estimate for 5 interface endpoint(s) in 2 Availability Zone(s) and 10 GB a month.',
    );
    expect(readme).toContain(
      "The bastion's 1 interface endpoint(s) exist only while bastion_enabled = true; it starts true here, so the count includes them.",
    );
    expect(readme).toContain(
      'No prices for eu-west-2 in this version (priced Regions: ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, us-east-1, us-west-2), so the cost is not estimated; see https://aws.amazon.com/privatelink/pricing/',
    );
    expect(readme).not.toContain('$');
  });

  it("should price a PrivateLink consumer's own endpoint, and assume no AWS-service endpoints it does not use", async () => {
    const input = caseInput('privatelink-consumer-zone');
    const generated = await generateTerraform(input);
    const zones = generated.context.endpointZones.length;
    expect(zones).toBe(2);
    // One interface endpoint in each zone, and the traffic through it.
    expect(generated.cost!.endpointsOnly.total).toBe(
      estimateMonthlyCost({
        region: 'ap-northeast-1',
        azs: zones,
        interfaceEndpoints: 1,
        gbPerMonth: generated.request.trafficGbPerMonth,
      }).endpointsOnly.total,
    );
    expect(generated.cost!.endpointsOnly.total).toBeGreaterThan(20);
    expect(generated.createdEndpoints).toEqual([
      input.privateLinkConsumer!.serviceName,
    ]);
    expect(generated.context.assumedEndpoints).toEqual([]);
    expect(generated.context.warnings.map(w => w.code)).not.toContain(
      'endpoints-not-generated',
    );
    const readme = generated.files.find(f => f.path === 'README.md')!.content;
    expect(readme).toContain(
      `| \`${
        input.privateLinkConsumer!.serviceName
      }\` | Interface | modules/privatelink-consumer |`,
    );
    expect(readme).not.toContain('ecr.api');
    // A NAT gateway cannot stand in for a PrivateLink endpoint.
    expect(readme).not.toContain('NAT gateways only');
  });

  it("should price the bastion's own endpoints as bastion_enabled starts, and say what they cost while it is on", async () => {
    const cost = (interfaceEndpoints: number, gbPerMonth: number) =>
      estimateMonthlyCost({
        region: 'ap-northeast-1',
        azs: 2,
        interfaceEndpoints,
        gbPerMonth,
      }).endpointsOnly.total;
    const standalone = caseInput('bastion-standalone');
    for (const enabled of [false, true]) {
      const generated = await generateTerraform({
        ...standalone,
        bastion: { ...standalone.bastion, enabled },
      });
      const bastionOnly = generated.context.bastionEndpoints.filter(
        e => e.type === 'Interface',
      ).length;
      const always = generated.context.stackEndpoints.filter(
        e => e.type === 'Interface',
      ).length;
      expect(bastionOnly).toBe(2);
      expect(generated.cost!.endpointsOnly.total).toBe(
        cost(always + (enabled ? bastionOnly : 0), 10),
      );
      const readme = generated.files.find(f => f.path === 'README.md')!.content;
      expect(readme).toContain(
        `The bastion's 2 interface endpoint(s) exist only while bastion_enabled = true, and cost $${cost(
          2,
          0,
        ).toFixed(2)} a month while it is on; it starts ${enabled}`,
      );
    }
  });

  it('should refuse subnets that share a zone only when asked for one subnet per zone', async () => {
    const input = caseInput('endpoints-two-subnets-per-zone');
    const zones = input.network.privateSubnets.map(s => s.availabilityZone);
    expect(new Set(zones).size).toBeLessThan(zones.length);
    // By default the endpoints take the first subnet of each zone, with a warning.
    const generated = await generateTerraform(input);
    expect(generated.context.warnings.map(w => w.code)).toContain(
      'one-endpoint-subnet-per-zone',
    );
    const oneEach = {
      ...input,
      network: { ...input.network, oneSubnetPerZone: true },
    };
    await expect(generateTerraform(oneEach)).rejects.toThrow(
      /network\.privateSubnets: subnet-\w+ and subnet-\w+ are both in [a-z0-9-]+; list one subnet per Availability Zone/,
    );
    const threeInOne = {
      ...oneEach,
      network: {
        ...oneEach.network,
        privateSubnets: ['11', '12', '13'].map(n => ({
          id: `subnet-0a1b2c3d4e5f607${n}`,
          availabilityZone: 'ap-northeast-1a',
        })),
      },
    };
    await expect(generateTerraform(threeInOne)).rejects.toThrow(
      'network.privateSubnets: subnet-0a1b2c3d4e5f60711 and subnet-0a1b2c3d4e5f60712 and subnet-0a1b2c3d4e5f60713 are all in ap-northeast-1a',
    );
  });

  it('should still say which endpoints a service without the endpoints component assumes', async () => {
    const generated = await generateTerraform(
      caseInput('privatelink-provider-no-acceptance'),
    );
    expect(generated.context.assumedEndpoints.length).toBeGreaterThan(0);
    expect(generated.context.warnings.map(w => w.code)).toContain(
      'endpoints-not-generated',
    );
  });

  it('should not create endpoints the VPC already shares, and say so', async () => {
    const { generated, json } = await parsed(
      'service-shared-endpoints',
      'modules/endpoints/main.tf',
    );
    const created = Object.values<any>(json.resource.aws_vpc_endpoint).map(
      ([body]) => body.service_name,
    );
    expect(created).toEqual([
      'com.amazonaws.ap-northeast-1.logs',
      'com.amazonaws.ap-northeast-1.sqs',
    ]);
    expect(
      json.resource.aws_vpc_endpoint_route_table_association,
    ).toBeUndefined();
    expect(generated.context.warnings.map(w => w.code)).toContain(
      'shared-endpoints-reused',
    );
    const readme = generated.files.find(f => f.path === 'README.md')!.content;
    expect(readme).toContain(
      '| `com.amazonaws.ap-northeast-1.ecr.api` | Interface | not created: the VPC already has it (shared) |',
    );
  });

  it('should hang the bastion task and its own endpoints off bastion_enabled', async () => {
    const { json } = await parsed(
      'bastion-standalone',
      'modules/bastion/main.tf',
    );
    const ungated: string[] = [];
    for (const [type, byName] of Object.entries<any>(json.resource)) {
      for (const [name, [body]] of Object.entries<any>(byName)) {
        if (body.count !== '${var.bastion_enabled ? 1 : 0}')
          ungated.push(`${type}.${name}`);
      }
    }
    // The repository bills by storage; the account-wide tier setting must not follow the switch.
    expect(ungated).toEqual([
      'aws_ecr_repository.bastion',
      'aws_ssm_service_setting.activation_tier',
    ]);
    expect(Object.keys(json.resource.aws_vpc_endpoint)).toEqual([
      'ssm',
      'ssmmessages',
    ]);
    const root = await parsed('bastion-standalone', 'variables.tf');
    expect(root.json.variable.bastion_enabled[0].default).toBe(false);
  });

  it('should let the execution role decrypt the secrets key only through the stores that hold the secrets', async () => {
    const { json } = await parsed(
      'service-exec-secrets-xray',
      'modules/service/main.tf',
    );
    const [execution] = json.data.aws_iam_policy_document.execution;
    const decrypt = execution.statement.find(
      (statement: any) => statement.sid === 'DecryptSecrets',
    );
    expect(decrypt.actions).toEqual(['kms:Decrypt']);
    expect(decrypt.resources).toEqual([
      'arn:aws:kms:ap-northeast-1:123456789012:key/1b2c3d4e-2345-6789-abcd-1b2c3d4e5f60',
    ]);
    expect(decrypt.condition).toEqual([
      {
        test: 'StringEquals',
        variable: 'kms:ViaService',
        values: [
          'secretsmanager.ap-northeast-1.amazonaws.com',
          'ssm.ap-northeast-1.amazonaws.com',
        ],
      },
    ]);
    const withoutKey = await parsed(
      'service-alb-nat-buckets',
      'modules/service/main.tf',
    );
    expect(JSON.stringify(withoutKey.json)).not.toContain('DecryptSecrets');
  });

  it('should refuse a secrets key without secrets, naming the field', async () => {
    const input = JSON.parse(
      JSON.stringify(caseInput('service-exec-secrets-xray')),
    );
    input.service.secrets = [];
    input.requirements.secrets = [];
    await expect(generateTerraform(input)).rejects.toThrow(
      /service\.secretsKmsKeyArn.*no secrets to decrypt/,
    );
  });

  it('should leave the account-wide advanced-instances tier to the team unless asked, and say why', async () => {
    const { json } = await parsed(
      'bastion-standalone',
      'modules/bastion/main.tf',
    );
    const [setting] = json.resource.aws_ssm_service_setting.activation_tier;
    expect(setting.count).toBe('${var.manage_advanced_instances_tier ? 1 : 0}');
    expect(setting.setting_value).toBe('advanced');
    expect(setting.setting_id).toContain(
      'servicesetting/ssm/managed-instance/activation-tier',
    );
    const root = await parsed('bastion-standalone', 'variables.tf');
    expect(
      root.json.variable.bastion_manage_advanced_instances_tier[0].default,
    ).toBe(false);
    const main = await parsed('bastion-standalone', 'main.tf');
    expect(main.json.module.bastion[0].manage_advanced_instances_tier).toBe(
      '${var.bastion_manage_advanced_instances_tier}',
    );
    expect(
      main.generated.context.warnings.map(warning => warning.code),
    ).toContain('bastion-needs-advanced-tier');
    const readme = main.generated.files.find(
      f => f.path === 'README.md',
    )!.content;
    expect(readme).toContain('advanced-instances tier');
  });

  it('should give each zone one dedicated endpoint subnet that overlaps nothing', async () => {
    const { json } = await parsed(
      'endpoints-dedicated-subnets',
      'modules/endpoints/main.tf',
    );
    const subnets = Object.values<any>(json.resource.aws_subnet).map(
      ([body]) => [body.availability_zone, body.cidr_block],
    );
    expect(subnets.map(([zone]) => zone)).toEqual([
      'ap-northeast-1a',
      'ap-northeast-1c',
    ]);
    const existing = [
      '10.0.1.0/24',
      '10.0.2.0/24',
      '10.0.4.0/24',
      '10.0.5.0/24',
    ];
    for (const [, cidr] of subnets) {
      expect(cidr).toMatch(/^10\.0\./);
      expect(existing).not.toContain(cidr);
    }
    const endpoint = json.resource.aws_vpc_endpoint.ecr_api[0];
    expect(endpoint.subnet_ids).toEqual([
      '${aws_subnet.endpoints_ap_northeast_1a.id}',
      '${aws_subnet.endpoints_ap_northeast_1c.id}',
    ]);
  });

  it('should use one existing subnet per zone and warn when a zone has several', async () => {
    const generated = await generateTerraform(
      caseInput('endpoints-two-subnets-per-zone'),
    );
    const variables = await parse(
      'variables.tf',
      generated.files.find(f => f.path === 'variables.tf')!.content,
    );
    expect(variables.variable.endpoint_subnet_ids[0].default).toEqual([
      'subnet-0a1b2c3d4e5f60711',
      'subnet-0a1b2c3d4e5f60712',
    ]);
    expect(generated.context.warnings.map(w => w.code)).toEqual([
      'one-endpoint-subnet-per-zone',
    ]);
  });

  it('should write acceptance_required = false only when asked, with a warning', async () => {
    const { generated, json } = await parsed(
      'privatelink-provider-no-acceptance',
      'modules/privatelink-provider/main.tf',
    );
    expect(
      json.resource.aws_vpc_endpoint_service.this[0].acceptance_required,
    ).toBe(false);
    expect(generated.context.warnings.map(w => w.code)).toEqual(
      expect.arrayContaining([
        'acceptance-not-required',
        'no-allowed-principals',
      ]),
    );
  });

  it('should pin the platform version and keep tasks off public IPs', async () => {
    const { json } = await parsed(
      'service-exec-secrets-xray',
      'modules/service/main.tf',
    );
    const service = json.resource.aws_ecs_service.service[0];
    expect(service.platform_version).toBe('1.4.0');
    expect(service.network_configuration[0].assign_public_ip).toBe(false);
    expect(json.resource.aws_ecs_task_definition.service[0].cpu).toBe('1024');
  });
});
