import { HclBlock, HclFileItem, nested, raw, ref } from '../../hcl';
import {
  output,
  privateZoneLifecycle,
  resource,
  TAGS_VARIABLE,
  tagsWithName,
  variable,
  VPC_LOOKUP,
} from '../blocks';
import { ComponentModule } from '../component';
import { GenerationContext, shortName } from '../context';

const DNS_PORT = 53;

/** Private hosted zone with an alias for the internal ALB, inbound resolver and on-premises routes. */
export function privateDnsComponent(ctx: GenerationContext): ComponentModule {
  const { request } = ctx;
  const settings = request.privateDns!;
  const name = request.serviceName;
  const resolver = settings.inboundResolver;
  const routes = settings.onPremisesRoutes;
  const main: Array<HclBlock | HclFileItem> = [
    VPC_LOOKUP,
    resource('aws_route53_zone', 'private', {
      name: settings.zoneName,
      comment:
        'Private names of the service, resolvable only inside the VPC (and from on-premises through the resolver)',
      vpc: nested('vpc', { vpc_id: ref('var.vpc_id') }),
      tags: ref('var.tags'),
      lifecycle: privateZoneLifecycle(settings.zoneName),
    }),
    resource('aws_route53_record', 'service', {
      zone_id: ref('aws_route53_zone.private.zone_id'),
      name: settings.recordName ?? name,
      type: 'A',
      alias: nested('alias', {
        name: ref('var.alb_dns_name'),
        zone_id: ref('var.alb_zone_id'),
        evaluate_target_health: true,
      }),
    }),
  ];

  if (resolver) {
    main.push(
      resource('aws_security_group', 'resolver', {
        name: `${name}-resolver`,
        description:
          'Inbound Route 53 Resolver: DNS from the on-premises forwarders only',
        vpc_id: ref('var.vpc_id'),
        tags: tagsWithName(`${name}-resolver`),
      }),
    );
    for (const protocol of ['tcp', 'udp']) {
      main.push(
        resource(
          'aws_vpc_security_group_ingress_rule',
          `resolver_dns_${protocol}`,
          {
            for_each: raw('toset(var.resolver_allowed_cidrs)'),
            security_group_id: ref('aws_security_group.resolver.id'),
            description: `DNS over ${protocol.toUpperCase()} from on-premises`,
            ip_protocol: protocol,
            from_port: DNS_PORT,
            to_port: DNS_PORT,
            cidr_ipv4: ref('each.value'),
            tags: ref('var.tags'),
          },
        ),
      );
    }
    main.push(
      resource('aws_route53_resolver_endpoint', 'inbound', {
        name: shortName(name, 'inbound', 64),
        direction: 'INBOUND',
        security_group_ids: [ref('aws_security_group.resolver.id')],
        ip_address: [0, 1].map(index =>
          nested('ip_address', {
            subnet_id: ref(`var.resolver_subnet_ids[${index}]`),
          }),
        ),
        tags: ref('var.tags'),
      }),
    );
  }

  if (routes) {
    main.push({
      comment: 'One route per private route table and on-premises CIDR.',
      block: resource('aws_route', 'on_premises', {
        for_each: raw(
          '{ for pair in setproduct(var.route_table_ids, var.on_premises_cidrs) : "${pair[0]} ${pair[1]}" => { route_table_id = pair[0], cidr = pair[1] } }',
        ),
        route_table_id: ref('each.value.route_table_id'),
        destination_cidr_block: ref('each.value.cidr'),
        gateway_id: routes.virtualPrivateGatewayId
          ? ref('var.virtual_private_gateway_id')
          : undefined,
        transit_gateway_id: routes.transitGatewayId
          ? ref('var.transit_gateway_id')
          : undefined,
      }),
    });
  }

  const variables = [
    variable('vpc_id', {
      type: 'string',
      description: 'VPC the zone is associated with',
    }),
    variable('alb_dns_name', {
      type: 'string',
      description: 'DNS name of the internal ALB',
    }),
    variable('alb_zone_id', {
      type: 'string',
      description: 'Hosted zone ID of the internal ALB',
    }),
    ...(resolver
      ? [
          variable('resolver_subnet_ids', {
            type: 'list(string)',
            description: 'Two subnets for the inbound resolver endpoint',
          }),
          variable('resolver_allowed_cidrs', {
            type: 'list(string)',
            description: 'On-premises DNS forwarders',
          }),
        ]
      : []),
    ...(routes
      ? [
          variable('route_table_ids', {
            type: 'list(string)',
            description: 'Private route tables that get the on-premises routes',
          }),
          variable('on_premises_cidrs', {
            type: 'list(string)',
            description: 'On-premises networks',
          }),
          routes.virtualPrivateGatewayId
            ? variable('virtual_private_gateway_id', {
                type: 'string',
                description: 'Virtual private gateway to on-premises',
              })
            : variable('transit_gateway_id', {
                type: 'string',
                description: 'Transit gateway to on-premises',
              }),
        ]
      : []),
    TAGS_VARIABLE,
  ];
  const outputs = [
    output(
      'zone_id',
      'ID of the private hosted zone',
      ref('aws_route53_zone.private.zone_id'),
    ),
    output(
      'service_fqdn',
      'Private DNS name of the service',
      ref('aws_route53_record.service.fqdn'),
    ),
    ...(resolver
      ? [
          output(
            'resolver_ip_addresses',
            'Forward the zone to these addresses from on-premises',
            raw('aws_route53_resolver_endpoint.inbound.ip_address[*].ip'),
          ),
        ]
      : []),
  ];

  return {
    component: 'private-dns',
    name: 'private_dns',
    source: { dir: 'modules/private-dns', main, variables, outputs },
    inputs: {
      vpc_id: ref('var.vpc_id'),
      alb_dns_name: ref('module.service.alb_dns_name'),
      alb_zone_id: ref('module.service.alb_zone_id'),
      resolver_subnet_ids: resolver
        ? ref('var.resolver_subnet_ids')
        : undefined,
      resolver_allowed_cidrs: resolver
        ? ref('var.resolver_allowed_cidrs')
        : undefined,
      route_table_ids: routes ? ref('var.private_route_table_ids') : undefined,
      on_premises_cidrs: routes ? ref('var.on_premises_cidrs') : undefined,
      virtual_private_gateway_id: routes?.virtualPrivateGatewayId
        ? ref('var.virtual_private_gateway_id')
        : undefined,
      transit_gateway_id: routes?.transitGatewayId
        ? ref('var.transit_gateway_id')
        : undefined,
      tags: ref('local.tags'),
    },
    rootOutputs: [
      output(
        'service_fqdn',
        'Private DNS name of the service',
        ref('module.private_dns.service_fqdn'),
      ),
      ...(resolver
        ? [
            output(
              'resolver_ip_addresses',
              'Forward the zone to these addresses from on-premises',
              ref('module.private_dns.resolver_ip_addresses'),
            ),
          ]
        : []),
    ],
  };
}
