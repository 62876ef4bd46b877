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
import { GenerationContext } from '../context';

/** An interface endpoint to another VPC's PrivateLink service, with its own security group. */
export function privateLinkConsumerComponent(
  ctx: GenerationContext,
): ComponentModule {
  const { request } = ctx;
  const settings = request.privateLinkConsumer!;
  const name = request.serviceName;
  const main: Array<HclBlock | HclFileItem> = [
    resource('aws_security_group', 'consumer', {
      name: `${name}-privatelink-consumer`,
      description:
        'Endpoint to a PrivateLink service: admits the client networks on the service port',
      vpc_id: ref('var.vpc_id'),
      tags: tagsWithName(`${name}-privatelink-consumer`),
    }),
    resource('aws_vpc_security_group_ingress_rule', 'clients', {
      for_each: raw('toset(var.client_cidrs)'),
      security_group_id: ref('aws_security_group.consumer.id'),
      description: 'Service port from a client network',
      ip_protocol: 'tcp',
      from_port: settings.port,
      to_port: settings.port,
      cidr_ipv4: ref('each.value'),
      tags: ref('var.tags'),
    }),
    resource('aws_vpc_endpoint', 'consumer', {
      vpc_id: ref('var.vpc_id'),
      service_name: ref('var.service_name'),
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: false,
      subnet_ids: ref('var.subnet_ids'),
      security_group_ids: [ref('aws_security_group.consumer.id')],
      tags: tagsWithName(`${name}-privatelink-consumer`),
    }),
  ];
  if (settings.hostedZone) {
    main.push(
      VPC_LOOKUP,
      resource('aws_route53_zone', 'consumer', {
        name: settings.hostedZone.zoneName,
        comment: 'Private names for a PrivateLink endpoint',
        vpc: nested('vpc', { vpc_id: ref('var.vpc_id') }),
        tags: ref('var.tags'),
        lifecycle: privateZoneLifecycle(settings.hostedZone.zoneName),
      }),
      resource('aws_route53_record', 'consumer', {
        zone_id: ref('aws_route53_zone.consumer.zone_id'),
        name: settings.hostedZone.recordName,
        type: 'A',
        alias: nested('alias', {
          name: ref('aws_vpc_endpoint.consumer.dns_entry[0].dns_name'),
          zone_id: ref('aws_vpc_endpoint.consumer.dns_entry[0].hosted_zone_id'),
          evaluate_target_health: false,
        }),
      }),
    );
  }

  const variables = [
    variable('vpc_id', { type: 'string', description: 'Consumer VPC' }),
    variable('subnet_ids', {
      type: 'list(string)',
      description: 'One subnet per Availability Zone for the endpoint',
    }),
    variable('service_name', {
      type: 'string',
      description: 'PrivateLink service name of the provider',
    }),
    variable('client_cidrs', {
      type: 'list(string)',
      description: 'Networks allowed to call the endpoint',
    }),
    TAGS_VARIABLE,
  ];
  const outputs = [
    output(
      'endpoint_id',
      'ID of the consumer endpoint',
      ref('aws_vpc_endpoint.consumer.id'),
    ),
    output(
      'endpoint_dns_name',
      'Regional DNS name of the endpoint',
      ref('aws_vpc_endpoint.consumer.dns_entry[0].dns_name'),
    ),
    ...(settings.hostedZone
      ? [
          output(
            'record_fqdn',
            'Private DNS name of the endpoint',
            ref('aws_route53_record.consumer.fqdn'),
          ),
        ]
      : []),
  ];

  return {
    component: 'privatelink-consumer',
    name: 'privatelink_consumer',
    source: { dir: 'modules/privatelink-consumer', main, variables, outputs },
    inputs: {
      vpc_id: ref('var.vpc_id'),
      subnet_ids: ctx.endpointSubnetsRef,
      service_name: ref('var.consumer_service_name'),
      client_cidrs: ref('var.consumer_client_cidrs'),
      tags: ref('local.tags'),
    },
    rootOutputs: [
      output(
        'consumer_endpoint_id',
        'ID of the PrivateLink consumer endpoint, for the catalog annotation private-fargate/consumer-endpoint-ids',
        ref('module.privatelink_consumer.endpoint_id'),
      ),
      output(
        'consumer_endpoint_dns_name',
        'DNS name of the PrivateLink consumer endpoint',
        ref('module.privatelink_consumer.endpoint_dns_name'),
      ),
      ...(settings.hostedZone
        ? [
            output(
              'consumer_record_fqdn',
              'Private DNS name of the PrivateLink consumer endpoint',
              ref('module.privatelink_consumer.record_fqdn'),
            ),
          ]
        : []),
    ],
  };
}
