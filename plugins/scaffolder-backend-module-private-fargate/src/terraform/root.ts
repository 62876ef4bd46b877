import {
  endpointServiceNameSchema,
  imageTagSchema,
  principalArnSchema,
  routeTableIdSchema,
  serviceNameSchema,
  subnetIdSchema,
  transitGatewayIdSchema,
  virtualPrivateGatewayIdSchema,
  vpcIdSchema,
} from '@private-fargate/plugin-private-fargate-common';
import {
  block,
  HclBlock,
  HclExpression,
  HclFileItem,
  HclValue,
  obj,
  raw,
  ref,
} from '../hcl';
import {
  matchesPattern,
  output,
  regexSource,
  TerraformModuleSource,
  variable,
} from './blocks';
import { ComponentModule } from './component';
import { GenerationContext } from './context';

/** Terraform CLI versions the generated code supports. */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.9.0';
/** AWS provider constraint: the 6.x line. */
export const AWS_PROVIDER_VERSION = '~> 6.0';
/** Value of the ManagedBy tag. */
export const MANAGED_BY = 'private-fargate';

const CIDR_LIST_OK = (name: string) =>
  `alltrue([for cidr in var.${name} : can(cidrhost(cidr, 0)) && !endswith(cidr, "/0")])`;

/** Every root variable any component may use, with its default taken from the request. */
function rootVariableCatalog(
  ctx: GenerationContext,
): Record<string, () => HclBlock> {
  const { request } = ctx;
  return {
    service_name: () =>
      variable('service_name', {
        type: 'string',
        description: 'Service name (Service tag)',
        default: request.serviceName,
        validations: [
          {
            condition: matchesPattern(
              'var.service_name',
              regexSource(serviceNameSchema),
            ),
            errorMessage:
              'service_name must be 2-32 lower-case letters, digits and hyphens.',
          },
        ],
      }),
    owner: () =>
      variable('owner', {
        type: 'string',
        description: 'Owning team (Owner tag)',
        default: request.owner,
        validations: [
          {
            condition: 'length(trimspace(var.owner)) > 0',
            errorMessage: 'owner must name the owning team.',
          },
        ],
      }),
    template_version: () =>
      variable('template_version', {
        type: 'string',
        description:
          'Version of the template that generated this code (TemplateVersion tag)',
        default: request.templateVersion,
      }),
    service_description: () =>
      variable('service_description', {
        type: 'string',
        description: 'What the service does',
        default: request.description,
      }),
    vpc_id: () =>
      variable('vpc_id', {
        type: 'string',
        description: 'ID of the existing VPC',
        default: request.network.vpcId,
        validations: [
          {
            condition: matchesPattern('var.vpc_id', regexSource(vpcIdSchema)),
            errorMessage: 'vpc_id must look like vpc-0a1b2c3d4e5f60718.',
          },
        ],
      }),
    vpc_cidr: () =>
      variable('vpc_cidr', {
        type: 'string',
        description: 'Primary IPv4 CIDR of the VPC',
        default: request.network.vpcCidr,
        validations: [
          {
            condition: 'can(cidrhost(var.vpc_cidr, 0))',
            errorMessage:
              'vpc_cidr must be an IPv4 CIDR block like 10.0.0.0/16.',
          },
        ],
      }),
    private_subnet_ids: () =>
      variable('private_subnet_ids', {
        type: 'list(string)',
        description: 'Private subnets the tasks run in',
        default: request.network.privateSubnets.map(subnet => subnet.id),
        validations: [
          {
            condition: `length(var.private_subnet_ids) > 0 && ${matchesPattern(
              'var.private_subnet_ids',
              regexSource(subnetIdSchema),
              true,
            )}`,
            errorMessage:
              'private_subnet_ids must list subnet IDs like subnet-0a1b2c3d4e5f60718.',
          },
        ],
      }),
    endpoint_subnet_ids: () =>
      variable('endpoint_subnet_ids', {
        type: 'list(string)',
        description:
          'One subnet per Availability Zone for interface endpoints (an endpoint takes at most one subnet per zone)',
        default: ctx.endpointSubnetIds,
        validations: [
          {
            condition: `length(var.endpoint_subnet_ids) > 0 && ${matchesPattern(
              'var.endpoint_subnet_ids',
              regexSource(subnetIdSchema),
              true,
            )}`,
            errorMessage:
              'endpoint_subnet_ids must list subnet IDs, one per Availability Zone.',
          },
        ],
      }),
    private_route_table_ids: () =>
      variable('private_route_table_ids', {
        type: 'list(string)',
        description: 'Every route table of the private subnets',
        default: request.network.privateRouteTableIds,
        validations: [
          {
            condition: `length(var.private_route_table_ids) > 0 && ${matchesPattern(
              'var.private_route_table_ids',
              regexSource(routeTableIdSchema),
              true,
            )}`,
            errorMessage:
              'private_route_table_ids must list route table IDs like rtb-0a1b2c3d4e5f60718.',
          },
        ],
      }),
    image_tag: () =>
      variable('image_tag', {
        type: 'string',
        description: 'Image tag to deploy (the repository has immutable tags)',
        default: request.service?.imageTag,
        validations: [
          {
            condition: matchesPattern(
              'var.image_tag',
              regexSource(imageTagSchema),
            ),
            errorMessage: 'image_tag must be a Docker tag like 1.0.0.',
          },
        ],
      }),
    desired_count: () =>
      variable('desired_count', {
        type: 'number',
        description: 'Number of tasks',
        default: request.service?.desiredCount,
        validations: [
          {
            condition:
              'var.desired_count >= 0 && var.desired_count <= 100 && floor(var.desired_count) == var.desired_count',
            errorMessage: 'desired_count must be a whole number from 0 to 100.',
          },
        ],
      }),
    bastion_enabled: () =>
      variable('bastion_enabled', {
        type: 'bool',
        description:
          'Run the SSM bastion; false removes its task and the endpoints only it needs (they bill by the hour)',
        default: request.bastion?.enabled ?? true,
      }),
    bastion_manage_advanced_instances_tier: () =>
      variable('bastion_manage_advanced_instances_tier', {
        type: 'bool',
        description:
          'Switch Systems Manager in this account and Region to the advanced-instances tier, which Session Manager needs for nodes registered through an activation such as the bastion (account-wide; billed per advanced node-hour; destroying the setting resets the account to the standard tier)',
        default: false,
      }),
    bastion_image_tag: () =>
      variable('bastion_image_tag', {
        type: 'string',
        description: 'Tag of the bastion image',
        default: request.bastion?.imageTag ?? '1.0.0',
        validations: [
          {
            condition: matchesPattern(
              'var.bastion_image_tag',
              regexSource(imageTagSchema),
            ),
            errorMessage: 'bastion_image_tag must be a Docker tag like 1.0.0.',
          },
        ],
      }),
    allowed_principals: () =>
      variable('allowed_principals', {
        type: 'list(string)',
        description:
          'Account root or role ARNs allowed to connect to the endpoint service',
        default: request.privateLinkProvider?.allowedPrincipals ?? [],
        validations: [
          {
            condition: matchesPattern(
              'var.allowed_principals',
              regexSource(principalArnSchema),
              true,
            ),
            errorMessage:
              'allowed_principals must be arn:aws:iam::<account>:root or arn:aws:iam::<account>:role/<name> ARNs, roles without a path: PrivateLink refuses principal ARNs with path components, so allow the account root instead.',
          },
        ],
      }),
    consumer_service_name: () =>
      variable('consumer_service_name', {
        type: 'string',
        description: 'PrivateLink service name to connect to',
        default: request.privateLinkConsumer?.serviceName,
        validations: [
          {
            condition: matchesPattern(
              'var.consumer_service_name',
              regexSource(endpointServiceNameSchema),
            ),
            errorMessage:
              'consumer_service_name must look like com.amazonaws.vpce.<region>.vpce-svc-<id>.',
          },
        ],
      }),
    consumer_client_cidrs: () =>
      variable('consumer_client_cidrs', {
        type: 'list(string)',
        description: 'Networks allowed to call the consumer endpoint',
        default: request.privateLinkConsumer?.clientCidrs,
        validations: [
          {
            condition: CIDR_LIST_OK('consumer_client_cidrs'),
            errorMessage:
              'consumer_client_cidrs must be IPv4 CIDR blocks and not 0.0.0.0/0.',
          },
        ],
      }),
    resolver_subnet_ids: () =>
      variable('resolver_subnet_ids', {
        type: 'list(string)',
        description: 'Two subnets for the inbound Resolver endpoint',
        default: request.privateDns?.inboundResolver?.subnetIds,
        validations: [
          {
            condition: `length(var.resolver_subnet_ids) == 2 && ${matchesPattern(
              'var.resolver_subnet_ids',
              regexSource(subnetIdSchema),
              true,
            )}`,
            errorMessage:
              'resolver_subnet_ids must list exactly two subnet IDs.',
          },
        ],
      }),
    resolver_allowed_cidrs: () =>
      variable('resolver_allowed_cidrs', {
        type: 'list(string)',
        description: 'On-premises DNS forwarders allowed to query the resolver',
        default: request.privateDns?.inboundResolver?.allowedCidrs,
        validations: [
          {
            condition: CIDR_LIST_OK('resolver_allowed_cidrs'),
            errorMessage:
              'resolver_allowed_cidrs must be IPv4 CIDR blocks and not 0.0.0.0/0.',
          },
        ],
      }),
    on_premises_cidrs: () =>
      variable('on_premises_cidrs', {
        type: 'list(string)',
        description: 'On-premises networks routed through the gateway',
        default: request.privateDns?.onPremisesRoutes?.cidrs,
        validations: [
          {
            condition: CIDR_LIST_OK('on_premises_cidrs'),
            errorMessage:
              'on_premises_cidrs must be IPv4 CIDR blocks and not 0.0.0.0/0 (the internal ALB admits them).',
          },
        ],
      }),
    virtual_private_gateway_id: () =>
      variable('virtual_private_gateway_id', {
        type: 'string',
        description:
          'Virtual private gateway to on-premises (Direct Connect or VPN)',
        default: request.privateDns?.onPremisesRoutes?.virtualPrivateGatewayId,
        validations: [
          {
            condition: matchesPattern(
              'var.virtual_private_gateway_id',
              regexSource(virtualPrivateGatewayIdSchema),
            ),
            errorMessage:
              'virtual_private_gateway_id must look like vgw-0a1b2c3d4e5f60718.',
          },
        ],
      }),
    transit_gateway_id: () =>
      variable('transit_gateway_id', {
        type: 'string',
        description: 'Transit gateway to on-premises',
        default: request.privateDns?.onPremisesRoutes?.transitGatewayId,
        validations: [
          {
            condition: matchesPattern(
              'var.transit_gateway_id',
              regexSource(transitGatewayIdSchema),
            ),
            errorMessage:
              'transit_gateway_id must look like tgw-0a1b2c3d4e5f60718.',
          },
        ],
      }),
  };
}

function referencedVariables(values: Array<HclValue | undefined>): Set<string> {
  const names = new Set<string>();
  for (const value of values) {
    if (value instanceof HclExpression) {
      for (const match of value.text.matchAll(/\bvar\.([a-z_][a-z0-9_]*)/g))
        names.add(match[1]);
    }
  }
  return names;
}

/** The root module: versions, provider, variables, locals, module calls and outputs. */
export function rootModule(
  ctx: GenerationContext,
  components: ComponentModule[],
): TerraformModuleSource & { versions: HclBlock[]; providers: HclBlock[] } {
  const catalog = rootVariableCatalog(ctx);
  const used = referencedVariables(
    components.flatMap(component => Object.values(component.inputs)),
  );
  for (const name of [
    'service_name',
    'owner',
    'template_version',
    'service_description',
  ])
    used.add(name);
  const variables = Object.keys(catalog)
    .filter(name => used.has(name))
    .map(name => catalog[name]());

  const main: Array<HclBlock | HclFileItem> = [
    block('locals', [], {
      tags: obj({
        Service: ref('var.service_name'),
        Owner: ref('var.owner'),
        ManagedBy: MANAGED_BY,
        TemplateVersion: ref('var.template_version'),
      }),
    }),
    ...components.map(component =>
      block('module', [component.name], {
        source: `./${component.source.dir}`,
        ...component.inputs,
        depends_on: component.dependsOn
          ? raw(`[${component.dependsOn.join(', ')}]`)
          : undefined,
      }),
    ),
  ];

  return {
    dir: '',
    versions: [
      block('terraform', [], {
        required_version: REQUIRED_TERRAFORM_VERSION,
        required_providers: block('required_providers', [], {
          aws: obj({ source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION }),
        }),
      }),
    ],
    providers: [
      block('provider', ['aws'], {
        region: ctx.region,
      }),
    ],
    main,
    variables,
    outputs: [
      output(
        'service_description',
        'What the service does',
        ref('var.service_description'),
      ),
      ...components.flatMap(component => component.rootOutputs),
    ],
  };
}
