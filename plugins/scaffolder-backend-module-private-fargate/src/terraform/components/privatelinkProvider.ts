import { call, nested, ref } from '../../hcl';
import { output, resource, TAGS_VARIABLE, variable } from '../blocks';
import { ComponentModule } from '../component';
import { GenerationContext, shortName } from '../context';

/** Internal NLB in front of the internal ALB, published as a VPC endpoint service. */
export function privateLinkProviderComponent(
  ctx: GenerationContext,
): ComponentModule {
  const { request } = ctx;
  const settings = request.privateLinkProvider ?? {
    acceptanceRequired: true,
    allowedPrincipals: [],
    privateDnsName: undefined,
  };
  const alb = request.service!.loadBalancer!;
  const name = request.serviceName;

  const main = [
    resource('aws_lb', 'nlb', {
      name: shortName(name, 'nlb'),
      internal: true,
      load_balancer_type: 'network',
      subnets: ref('var.subnet_ids'),
      enable_cross_zone_load_balancing: true,
      tags: ref('var.tags'),
    }),
    resource('aws_lb_target_group', 'alb', {
      name: shortName(name, 'alb-tg'),
      target_type: 'alb',
      port: ref('var.alb_listener_port'),
      protocol: 'TCP',
      vpc_id: ref('var.vpc_id'),
      health_check: nested('health_check', {
        protocol: 'HTTP',
        path: alb.healthCheckPath,
        matcher: '200-399',
      }),
      tags: ref('var.tags'),
    }),
    resource('aws_lb_target_group_attachment', 'alb', {
      target_group_arn: ref('aws_lb_target_group.alb.arn'),
      target_id: ref('var.alb_arn'),
      port: ref('var.alb_listener_port'),
    }),
    resource('aws_lb_listener', 'tcp', {
      load_balancer_arn: ref('aws_lb.nlb.arn'),
      port: ref('var.alb_listener_port'),
      protocol: 'TCP',
      default_action: nested('default_action', {
        type: 'forward',
        target_group_arn: ref('aws_lb_target_group.alb.arn'),
      }),
      tags: ref('var.tags'),
    }),
    {
      comment: settings.acceptanceRequired
        ? 'Every consumer endpoint waits for acceptance; only the allowed principals may ask.'
        : 'acceptance_required = false was asked for explicitly: allowed principals connect without review.',
      block: resource('aws_vpc_endpoint_service', 'this', {
        acceptance_required: settings.acceptanceRequired,
        network_load_balancer_arns: [ref('aws_lb.nlb.arn')],
        allowed_principals: ref('var.allowed_principals'),
        private_dns_name: settings.privateDnsName,
        tags: ref('var.tags'),
      }),
    },
  ];

  const variables = [
    variable('vpc_id', { type: 'string', description: 'Provider VPC' }),
    variable('subnet_ids', {
      type: 'list(string)',
      description: 'Private subnets for the NLB',
    }),
    variable('alb_arn', {
      type: 'string',
      description: 'Internal ALB the NLB forwards to',
    }),
    variable('alb_listener_port', {
      type: 'number',
      description: 'Port of the ALB listener',
    }),
    variable('allowed_principals', {
      type: 'list(string)',
      description: 'Account root or role ARNs allowed to connect',
    }),
    TAGS_VARIABLE,
  ];

  const outputs = [
    output(
      'service_name',
      'Endpoint service name to give to consumers',
      ref('aws_vpc_endpoint_service.this.service_name'),
    ),
    output(
      'service_id',
      'ID of the endpoint service',
      ref('aws_vpc_endpoint_service.this.id'),
    ),
    output('nlb_arn', 'ARN of the internal NLB', ref('aws_lb.nlb.arn')),
  ];
  // Consumers can use the private DNS name only once AWS has found this TXT record.
  const dnsVerification = settings.privateDnsName
    ? {
        name: 'private_dns_name_configuration',
        description:
          'TXT record (name, value) to create in the public DNS zone of the private DNS name, so AWS can verify the domain',
      }
    : undefined;
  if (dnsVerification) {
    outputs.push(
      output(
        dnsVerification.name,
        dnsVerification.description,
        call(
          'one',
          ref('aws_vpc_endpoint_service.this.private_dns_name_configuration'),
        ),
      ),
    );
  }

  return {
    component: 'privatelink-provider',
    name: 'privatelink_provider',
    source: { dir: 'modules/privatelink-provider', main, variables, outputs },
    inputs: {
      vpc_id: ref('var.vpc_id'),
      subnet_ids: ref('var.private_subnet_ids'),
      alb_arn: ref('module.service.alb_arn'),
      alb_listener_port: alb.listenerPort,
      allowed_principals: ref('var.allowed_principals'),
      tags: ref('local.tags'),
    },
    // The NLB target group can only attach the ALB once the ALB has a listener.
    dependsOn: ['module.service'],
    rootOutputs: [
      output(
        'endpoint_service_name',
        'PrivateLink service name for consumers',
        ref('module.privatelink_provider.service_name'),
      ),
      output(
        'endpoint_service_id',
        'ID of the endpoint service, for the catalog annotation private-fargate/endpoint-service-id',
        ref('module.privatelink_provider.service_id'),
      ),
      ...(dnsVerification
        ? [
            output(
              dnsVerification.name,
              dnsVerification.description,
              ref(`module.privatelink_provider.${dnsVerification.name}`),
            ),
          ]
        : []),
    ],
  };
}
