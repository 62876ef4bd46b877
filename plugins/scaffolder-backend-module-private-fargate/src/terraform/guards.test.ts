import { parse } from '@cdktf/hcl2json';
import { goldenCases } from '../__golden__/cases';
import { TerraformRequestInput } from './request';
import { generateTerraform } from './generate';

function caseInput(name: string): TerraformRequestInput {
  return structuredClone(goldenCases.find(c => c.name === name)!.input);
}

async function hclOf(input: TerraformRequestInput, file: string) {
  const generated = await generateTerraform(input);
  const content = generated.files.find(f => f.path === file)?.content;
  return content === undefined ? undefined : parse(file, content);
}

function fileOf(
  generated: Awaited<ReturnType<typeof generateTerraform>>,
  path: string,
) {
  return generated.files.find(f => f.path === path)?.content;
}

describe('what the generated Terraform guards against', () => {
  it('should refuse an allowed principal with an IAM path, which PrivateLink does not accept, and say what to allow instead', async () => {
    const input = caseInput('privatelink-provider');
    input.privateLinkProvider!.allowedPrincipals = [
      'arn:aws:iam::210987654321:root',
      'arn:aws:iam::111122223333:role/consumers/tasks-client',
    ];
    await expect(generateTerraform(input)).rejects.toThrow(
      /privateLinkProvider\.allowedPrincipals\[1\]: .*is a role ARN with a path, and PrivateLink does not accept principal ARNs with path components.*arn:aws:iam::111122223333:root/s,
    );
  });

  it('should stop the plan of every private-DNS interface endpoint unless the VPC has DNS support and DNS hostnames on', async () => {
    let checked = 0;
    for (const goldenCase of goldenCases) {
      const generated = await generateTerraform(goldenCase.input);
      for (const file of generated.files.filter(f => f.path.endsWith('.tf'))) {
        const json = await parse(file.path, file.content);
        const endpoints = Object.values(
          (json.resource?.aws_vpc_endpoint ?? {}) as Record<string, any[]>,
        ).map(([body]) => body);
        const withPrivateDns = endpoints.filter(
          body => body.private_dns_enabled === true,
        );
        if (withPrivateDns.length === 0) continue;
        expect(json.data?.aws_vpc?.this?.[0]?.id).toBe('${var.vpc_id}');
        for (const body of withPrivateDns) {
          const [precondition] = body.lifecycle[0].precondition;
          expect(precondition.condition).toBe(
            '${data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames}',
          );
          expect(precondition.error_message).toMatch(
            /DNS resolution and DNS hostnames.*--enable-dns-support.*--enable-dns-hostnames/,
          );
          checked++;
        }
      }
    }
    // The endpoints and bastion modules of several cases.
    expect(checked).toBeGreaterThan(20);
  });

  it('should stop the plan of every private hosted zone unless its VPC has DNS support and DNS hostnames on, naming the VPC', async () => {
    let checked = 0;
    for (const goldenCase of goldenCases) {
      const generated = await generateTerraform(goldenCase.input);
      for (const file of generated.files.filter(f => f.path.endsWith('.tf'))) {
        const json = await parse(file.path, file.content);
        const zones = Object.values(
          (json.resource?.aws_route53_zone ?? {}) as Record<string, any[]>,
        )
          .map(([body]) => body)
          .filter(body => body.vpc !== undefined);
        if (zones.length === 0) continue;
        expect(json.data?.aws_vpc?.this?.[0]?.id).toBe('${var.vpc_id}');
        for (const zone of zones) {
          expect(zone.vpc[0].vpc_id).toBe('${var.vpc_id}');
          const [precondition] = zone.lifecycle[0].precondition;
          expect(precondition.condition).toBe(
            '${data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames}',
          );
          expect(precondition.error_message).toContain(
            `The private hosted zone ${zone.name} needs both DNS attributes of VPC \${var.vpc_id} on: DNS resolution and DNS hostnames`,
          );
          expect(precondition.error_message).toMatch(
            /--enable-dns-support.*--enable-dns-hostnames/,
          );
          checked++;
        }
      }
    }
    // The private-dns zones of three cases, the consumer zones of two.
    expect(checked).toBe(5);
  });

  it("should say in the README that the S3 gateway endpoint's policy covers the whole VPC, NAT gateway or not, where the stack creates it", async () => {
    const s3Row = (readme: string) =>
      readme
        .split('\n')
        .find(line => /^\| `com\.amazonaws\.[a-z0-9-]+\.s3` \|/.test(line));
    // Scenario 1 keeps a NAT gateway for the rest.
    const created = await generateTerraform(
      caseInput('service-alb-nat-buckets'),
    );
    expect(created.request.requirements.egress).toBe('nat');
    const row = s3Row(fileOf(created, 'README.md')!)!;
    expect(row).toContain('| Gateway | modules/endpoints |');
    expect(row).toContain(
      'Its policy applies to the whole VPC, not just to one service: to every request to S3 in eu-west-1 from any subnet whose route table it is attached to',
    );
    expect(row).toMatch(
      /Keeping a NAT gateway does not get around it: .*every other S3 request there is refused/,
    );
    // A shared stack's S3 endpoint has the policy that stack gave it, not this one.
    const shared = await generateTerraform(
      caseInput('service-shared-endpoints'),
    );
    const sharedRow = s3Row(fileOf(shared, 'README.md')!)!;
    expect(sharedRow).toContain('not created');
    expect(sharedRow).not.toContain('Its policy');
  });

  it("should admit the on-premises networks on the ALB's listener port when private-dns routes them, and only then", async () => {
    const routed = await generateTerraform(caseInput('private-dns-tgw'));
    const service = await parse(
      'main.tf',
      fileOf(routed, 'modules/service/main.tf')!,
    );
    const [rule] =
      service.resource.aws_vpc_security_group_ingress_rule.alb_from_on_premises;
    expect(rule).toMatchObject({
      for_each: '${toset(var.on_premises_cidrs)}',
      security_group_id: '${aws_security_group.alb.id}',
      from_port: 8080,
      to_port: 8080,
      cidr_ipv4: '${each.value}',
    });
    const root = await parse('main.tf', fileOf(routed, 'main.tf')!);
    expect(root.module.service[0].on_premises_cidrs).toBe(
      '${var.on_premises_cidrs}',
    );
    const variables = fileOf(routed, 'variables.tf')!;
    expect(variables).toMatch(
      /variable "on_premises_cidrs"[^]*default\s+= \["192\.168\.0\.0\/16"\]/,
    );

    const notRouted = await hclOf(
      caseInput('service-alb-nat-buckets'),
      'modules/service/main.tf',
    );
    expect(
      notRouted!.resource.aws_vpc_security_group_ingress_rule
        .alb_from_on_premises,
    ).toBeUndefined();
    expect(notRouted!.variable.on_premises_cidrs).toBeUndefined();
  });

  it('should refuse 0.0.0.0/0 as an on-premises network, since the ALB admits those networks', async () => {
    const input = caseInput('private-dns-tgw');
    input.privateDns!.onPremisesRoutes!.cidrs = ['0.0.0.0/0'];
    await expect(generateTerraform(input)).rejects.toThrow(
      /privateDns\.onPremisesRoutes\.cidrs\[0\]: must not be 0\.0\.0\.0\/0: the internal ALB admits these networks/s,
    );
  });

  it("should let the tasks reach DynamoDB's gateway endpoint through its prefix list when DynamoDB is planned, and only then", async () => {
    const withDynamo = await hclOf(
      caseInput('all-components'),
      'modules/service/main.tf',
    );
    expect(withDynamo!.data.aws_prefix_list.dynamodb[0].name).toBe(
      'com.amazonaws.eu-west-1.dynamodb',
    );
    expect(
      withDynamo!.resource.aws_vpc_security_group_egress_rule.task_dynamodb[0],
    ).toMatchObject({
      security_group_id: '${aws_security_group.task.id}',
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      prefix_list_id: '${data.aws_prefix_list.dynamodb.id}',
    });

    const withoutDynamo = await hclOf(
      caseInput('service-shared-endpoints'),
      'modules/service/main.tf',
    );
    expect(withoutDynamo!.data.aws_prefix_list.dynamodb).toBeUndefined();
    expect(
      withoutDynamo!.resource.aws_vpc_security_group_egress_rule.task_dynamodb,
    ).toBeUndefined();
  });

  it('should refuse a plain-HTTP listener on 443, the HTTPS port', async () => {
    const input = caseInput('privatelink-provider-no-acceptance');
    input.service!.loadBalancer!.listenerPort = 443;
    await expect(generateTerraform(input)).rejects.toThrow(
      /service\.loadBalancer\.listenerPort: is 443, the HTTPS port, but the internal ALB listener speaks plain HTTP.*Use 80 or 8080/s,
    );
  });

  it("should output the TXT record that verifies the endpoint service's private DNS name, and say in the README what to do with it", async () => {
    const generated = await generateTerraform(
      caseInput('privatelink-provider'),
    );
    const outputs = await parse('outputs.tf', fileOf(generated, 'outputs.tf')!);
    expect(outputs.output.private_dns_name_configuration[0].value).toBe(
      '${module.privatelink_provider.private_dns_name_configuration}',
    );
    const module = await parse(
      'main.tf',
      fileOf(generated, 'modules/privatelink-provider/main.tf')!,
    );
    expect(module.output.private_dns_name_configuration[0].value).toBe(
      '${one(aws_vpc_endpoint_service.this.private_dns_name_configuration)}',
    );
    const readme = fileOf(generated, 'README.md')!;
    expect(readme).toContain('## Private DNS name of the endpoint service');
    expect(readme).toContain(
      'Consumers can use `tasks.api.example.com` only once AWS has verified that you own its domain',
    );
    expect(readme).toContain(
      'aws ec2 start-vpc-endpoint-service-private-dns-verification',
    );

    const withoutName = await generateTerraform(
      caseInput('privatelink-provider-no-acceptance'),
    );
    expect(fileOf(withoutName, 'outputs.tf')).not.toContain(
      'private_dns_name_configuration',
    );
    expect(fileOf(withoutName, 'README.md')).not.toContain(
      'Private DNS name of the endpoint service',
    );
  });

  it('should warn, with its price, that the Service Connect endpoint does nothing until Service Connect is configured', async () => {
    const generated = await generateTerraform(
      caseInput('privatelink-consumer-with-endpoints'),
    );
    expect(generated.createdEndpoints).toContain(
      'com.amazonaws.us-east-1.ecs-agent',
    );
    const warning = generated.context.warnings.find(
      w => w.code === 'service-connect-not-configured',
    );
    expect(warning?.message).toContain(
      '($14.60 a month in 2 Availability Zone(s))',
    );
    expect(warning?.message).toContain('has no service_connect_configuration');
    expect(fileOf(generated, 'modules/service/main.tf')).not.toContain(
      'service_connect_configuration',
    );

    const input = caseInput('privatelink-consumer-with-endpoints');
    input.requirements.serviceConnect = false;
    const without = await generateTerraform(input);
    expect(without.createdEndpoints).not.toContain(
      'com.amazonaws.us-east-1.ecs-agent',
    );
    expect(without.context.warnings.map(w => w.code)).not.toContain(
      'service-connect-not-configured',
    );
  });

  it("should refuse a subnet whose Availability Zone is another Region's, naming the subnet", async () => {
    const input = caseInput('bastion-with-service-exec');
    input.requirements.region = 'eu-west-2';
    await expect(generateTerraform(input)).rejects.toThrow(
      /network\.privateSubnets\[0\]\.availabilityZone: is ap-northeast-1a, a zone of ap-northeast-1, but the stack is in eu-west-2/s,
    );
    await expect(generateTerraform(input)).rejects.toThrow(
      /network\.privateSubnets\[1\]\.availabilityZone: is ap-northeast-1c/s,
    );
  });
});
