import {
  CostEstimate,
  estimateMonthlyCostIfPriced,
  formatUsd,
  parseOrThrow,
  PlannedEndpoint,
  unpricedRegionNote,
} from '@private-fargate/plugin-private-fargate-common';
import { comparePaths } from '../files/comparePaths';
import { HclBlock, HclFileItem, renderFile } from '../hcl';
import { TerraformModuleSource } from './blocks';
import { ComponentModule } from './component';
import { bastionComponent } from './components/bastion';
import { endpointsComponent } from './components/endpoints';
import { privateDnsComponent } from './components/privateDns';
import { privateLinkConsumerComponent } from './components/privatelinkConsumer';
import { privateLinkProviderComponent } from './components/privatelinkProvider';
import { serviceComponent } from './components/service';
import { createGenerationContext, GenerationContext } from './context';
import { explainEndpoint } from './explain';
import {
  costTables,
  EndpointRow,
  endpointTable,
  markdownText,
  warningList,
} from './markdown';
import {
  TERRAFORM_COMPONENTS,
  TerraformComponent,
  terraformRequestSchema,
  TerraformRequest,
} from './request';
import {
  AWS_PROVIDER_VERSION,
  REQUIRED_TERRAFORM_VERSION,
  rootModule,
} from './root';

/** One generated file, its path relative to the Terraform root. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** The result of {@link generateTerraform}. */
export interface GeneratedTerraform {
  request: TerraformRequest;
  context: GenerationContext;
  /** Undefined where the Region has no prices; the README says so. */
  cost: CostEstimate | undefined;
  /** Sorted by path. */
  files: GeneratedFile[];
  /** Endpoint service names this configuration creates (bastion ones included). */
  createdEndpoints: string[];
}

const COMPONENT_WRITERS: Record<
  TerraformComponent,
  (ctx: GenerationContext) => ComponentModule
> = {
  endpoints: endpointsComponent,
  service: serviceComponent,
  'privatelink-provider': privateLinkProviderComponent,
  'privatelink-consumer': privateLinkConsumerComponent,
  bastion: bastionComponent,
  'private-dns': privateDnsComponent,
};

/** The root module keeps Terraform's standard files: `main.tf`, `variables.tf`, `outputs.tf`. */
function renderRootModule(source: TerraformModuleSource): GeneratedFile[] {
  return [
    { path: 'main.tf', content: renderFile(source.main) },
    { path: 'variables.tf', content: renderFile(source.variables) },
    { path: 'outputs.tf', content: renderFile(source.outputs) },
  ];
}

/** A component is one file: what its module takes, what it creates, what it gives back. */
function renderComponentModule(source: TerraformModuleSource): GeneratedFile {
  const section = (blocks: HclBlock[], comment: string): HclFileItem[] =>
    blocks.map((block, index) =>
      index === 0 ? { comment, block } : { block },
    );
  return {
    path: `${source.dir}/main.tf`,
    content: renderFile([
      ...section(
        source.variables,
        'Inputs, set by the module block in the root main.tf.',
      ),
      ...source.main,
      ...section(source.outputs, 'Outputs, read by the root module.'),
    ]),
  };
}

const CONSUMER_ENDPOINT_DOCS =
  'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html';

/**
 * The interface endpoints this configuration runs as written: the PrivateLink consumer's
 * included, the bastion's only when `bastion_enabled` starts true.
 */
function interfaceEndpointCounts(ctx: GenerationContext) {
  const interfaces = (list: PlannedEndpoint[]) =>
    list.filter(e => e.type === 'Interface').length;
  const bastion = interfaces(ctx.bastionEndpoints);
  const bastionOn = bastion > 0 && (ctx.request.bastion?.enabled ?? true);
  const always =
    interfaces(ctx.stackEndpoints) + (ctx.has('privatelink-consumer') ? 1 : 0);
  return { bastion, bastionOn, billed: always + (bastionOn ? bastion : 0) };
}

type InterfaceEndpointCounts = ReturnType<typeof interfaceEndpointCounts>;

/** What the bastion's own endpoints add while it is on, or nothing without them. */
function bastionCostNote(
  ctx: GenerationContext,
  { bastion, bastionOn }: InterfaceEndpointCounts,
): string {
  if (bastion === 0) return '';
  const hours = estimateMonthlyCostIfPriced({
    region: ctx.region,
    azs: ctx.endpointZones.length,
    interfaceEndpoints: bastion,
    gbPerMonth: 0,
  })?.endpointsOnly.lines[0];
  return ` The bastion's ${bastion} interface endpoint(s) exist only while bastion_enabled = true${
    hours ? `, and cost ${formatUsd(hours.amount)} a month while it is on` : ''
  }; it starts ${bastionOn ? 'true' : 'false'} here, so the ${
    hours ? 'estimate' : 'count'
  } ${bastionOn ? 'includes them' : 'leaves them out'}.`;
}

/** What the provider must do before consumers can use the endpoint service's private DNS name. */
function privateDnsVerificationSection(
  ctx: GenerationContext,
): string | undefined {
  const name = ctx.request.privateLinkProvider?.privateDnsName;
  if (!name || !ctx.has('privatelink-provider')) return undefined;
  return [
    '## Private DNS name of the endpoint service',
    `Consumers can use \`${name}\` only once AWS has verified that you own its domain; until then they reach the service by the endpoint's own DNS names. After \`terraform apply\`:`,
    [
      '1. `terraform output private_dns_name_configuration` prints the TXT record AWS asks for (`name` and `value`).',
      `2. Create that TXT record in the public DNS zone of \`${name}\`'s domain.`,
      '3. Start the verification: `aws ec2 start-vpc-endpoint-service-private-dns-verification --service-id "$(terraform output -raw endpoint_service_id)"` (or, in the VPC console, the endpoint service\'s Actions, Verify domain ownership for private DNS name).',
      '4. The same output shows `state`; consumers can enable private DNS on their endpoints once it is `verified`.',
    ].join('\n'),
  ].join('\n\n');
}

/**
 * What the S3 gateway endpoint's policy covers: a gateway endpoint is a route in the route
 * tables it is attached to, more specific than any default route, so the policy filters every
 * subnet on those tables, NAT gateway or not.
 */
function s3GatewayPolicyScope(region: string): string {
  return `Its policy applies to the whole VPC, not just to one service: to every request to S3 in ${region} from any subnet whose route table it is attached to (the private route tables given here), whatever runs there. Keeping a NAT gateway does not get around it: the endpoint's route to S3 is more specific than a default route to the NAT gateway, so from those subnets only what the policy allows reaches S3 in ${region}, and every other S3 request there is refused.`;
}

function readme(
  ctx: GenerationContext,
  components: ComponentModule[],
  cost: CostEstimate | undefined,
  counts: InterfaceEndpointCounts,
  files: string[],
): string {
  const { request } = ctx;
  const rows: EndpointRow[] = [
    ...ctx.stackEndpoints.map(endpoint =>
      endpoint.type === 'Gateway' &&
      endpoint.service === 's3' &&
      endpoint.policy !== undefined
        ? {
            endpoint,
            where: 'modules/endpoints',
            why: `${explainEndpoint(endpoint)} ${s3GatewayPolicyScope(
              ctx.region,
            )}`,
          }
        : { endpoint, where: 'modules/endpoints' },
    ),
    ...ctx.bastionEndpoints.map(endpoint => ({
      endpoint,
      where: 'modules/bastion (only while bastion_enabled = true)',
    })),
    ...ctx.sharedEndpoints.map(endpoint => ({
      endpoint,
      where: 'not created: the VPC already has it (shared)',
    })),
    ...ctx.assumedEndpoints.map(endpoint => ({
      endpoint,
      where:
        'not created: the endpoints component is off, so it must exist already',
    })),
    ...(request.privateLinkConsumer && ctx.has('privatelink-consumer')
      ? [
          {
            endpoint: {
              serviceName: request.privateLinkConsumer.serviceName,
              type: 'Interface' as const,
              docUrl: CONSUMER_ENDPOINT_DOCS,
            },
            where: 'modules/privatelink-consumer',
            why: `Connects this VPC to the provider's PrivateLink endpoint service; the client networks reach it on port ${request.privateLinkConsumer.port}.`,
          },
        ]
      : []),
  ];
  const sections = [
    `# Infrastructure of ${request.serviceName}`,
    request.description ? `> ${markdownText(request.description)}` : undefined,
    `Written by the \`private-fargate:terraform\` scaffolder action (template version ${markdownText(
      request.templateVersion,
    )}) for ${ctx.region}. Components: ${components
      .map(c => `\`${c.component}\``)
      .join(
        ', ',
      )}. Terraform ${REQUIRED_TERRAFORM_VERSION}, AWS provider ${AWS_PROVIDER_VERSION}. Every resource is tagged Service, Owner, ManagedBy = private-fargate and TemplateVersion.`,
    '## Use',
    '```sh\nterraform init\nterraform plan\n```\n\nThe defaults in `variables.tf` are the values given to the template; override them with a `.tfvars` file.',
    '## Layout',
    files.map(path => `- \`${path}\``).join('\n'),
    privateDnsVerificationSection(ctx),
    '## VPC endpoints',
    rows.length > 0 ? endpointTable(rows) : 'No endpoints are needed.',
    '## Monthly cost',
    `${cost ? 'Estimate' : 'No estimate'} for ${
      counts.billed
    } interface endpoint(s) in ${
      ctx.endpointZones.length
    } Availability Zone(s) and ${
      request.trafficGbPerMonth
    } GB a month. Gateway endpoints are free.${
      ctx.has('privatelink-consumer')
        ? ' A NAT gateway cannot reach a PrivateLink endpoint service, so there is no NAT alternative to compare with.'
        : ''
    }${bastionCostNote(ctx, counts)}`,
    cost
      ? costTables(cost, { natComparison: !ctx.has('privatelink-consumer') })
      : unpricedRegionNote(ctx.region),
    '## Warnings',
    warningList(ctx.warnings),
  ];
  return `${sections
    .filter((s): s is string => s !== undefined)
    .join('\n\n')}\n`;
}

/**
 * Validates the input and renders the whole Terraform tree in memory. Same input, same bytes.
 * Throws InputError naming the field on bad input.
 */
export async function generateTerraform(
  input: unknown,
): Promise<GeneratedTerraform> {
  const request = parseOrThrow(
    terraformRequestSchema,
    input,
    'private-fargate:terraform input',
  );
  const ctx = createGenerationContext(request);
  const components = TERRAFORM_COMPONENTS.filter(component =>
    ctx.has(component),
  ).map(component => COMPONENT_WRITERS[component](ctx));
  const root = rootModule(ctx, components);
  const files: GeneratedFile[] = [
    { path: 'versions.tf', content: renderFile(root.versions) },
    { path: 'providers.tf', content: renderFile(root.providers) },
    ...renderRootModule(root),
    ...components.map(component => renderComponentModule(component.source)),
  ];

  const created = [...ctx.stackEndpoints, ...ctx.bastionEndpoints];
  const counts = interfaceEndpointCounts(ctx);
  const cost = estimateMonthlyCostIfPriced({
    region: ctx.region,
    azs: ctx.endpointZones.length,
    interfaceEndpoints: counts.billed,
    gbPerMonth: request.trafficGbPerMonth,
  });
  const paths = [...files.map(file => file.path), 'README.md'].sort();
  files.push({
    path: 'README.md',
    content: readme(ctx, components, cost, counts, paths),
  });
  files.sort((a, b) => comparePaths(a.path, b.path));
  return {
    request,
    context: ctx,
    cost,
    files,
    createdEndpoints: [
      ...created.map(e => e.serviceName),
      ...(ctx.has('privatelink-consumer')
        ? [request.privateLinkConsumer!.serviceName]
        : []),
    ],
  };
}
