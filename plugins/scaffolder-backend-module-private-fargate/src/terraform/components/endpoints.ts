import { PlannedEndpoint } from '@private-fargate/plugin-private-fargate-common';
import { HclBlock, HclFileItem, obj, raw, ref } from '../../hcl';
import {
  output,
  policyDocument,
  resource,
  TAGS_VARIABLE,
  tagsWithName,
  variable,
  VPC_LOOKUP,
} from '../blocks';
import { ComponentModule } from '../component';
import { interfaceEndpoint } from '../interfaceEndpoint';
import { explainEndpoint } from '../explain';
import { endpointBlockName, GenerationContext } from '../context';

const HTTPS_PORT = 443;

function s3PolicyDocument(endpoint: PlannedEndpoint): HclBlock {
  const statements = endpoint.policy?.Statement ?? [];
  return policyDocument(
    's3_gateway',
    statements.map(statement => ({
      sid: statement.Sid,
      actions: [...statement.Action],
      resources: [...statement.Resource],
      principals: [{ type: '*', identifiers: ['*'] }],
    })),
  );
}

/** Interface endpoints, their security group, the S3 gateway endpoint and endpoint subnets. */
export function endpointsComponent(ctx: GenerationContext): ComponentModule {
  const { request } = ctx;
  const main: Array<HclBlock | HclFileItem> = [];
  const interfaceEndpoints = ctx.stackEndpoints.filter(
    e => e.type === 'Interface',
  );
  const gatewayEndpoints = ctx.stackEndpoints.filter(e => e.type === 'Gateway');
  const fromTaskGroup =
    request.network.endpointIngress === 'task-security-group';

  let subnetIds = ref('var.subnet_ids');
  if (ctx.dedicatedEndpointSubnets) {
    for (const subnet of ctx.dedicatedEndpointSubnets) {
      main.push({
        comment: `Dedicated endpoint subnet in ${subnet.availabilityZone}: an interface endpoint takes one subnet per zone.`,
        block: resource(
          'aws_subnet',
          `endpoints_${endpointBlockName(subnet.availabilityZone)}`,
          {
            vpc_id: ref('var.vpc_id'),
            cidr_block: subnet.cidr,
            availability_zone: subnet.availabilityZone,
            map_public_ip_on_launch: false,
            tags: tagsWithName(
              `${request.serviceName}-endpoints-${subnet.availabilityZone}`,
            ),
          },
        ),
      });
    }
    subnetIds = raw(
      `[${ctx.dedicatedEndpointSubnets
        .map(
          s =>
            `aws_subnet.endpoints_${endpointBlockName(s.availabilityZone)}.id`,
        )
        .join(', ')}]`,
    );
  }

  if (interfaceEndpoints.length > 0) {
    main.push(
      VPC_LOOKUP,
      resource('aws_security_group', 'endpoints', {
        name: `${request.serviceName}-endpoints`,
        description: 'Interface VPC endpoints: HTTPS from inside the VPC only',
        vpc_id: ref('var.vpc_id'),
        tags: tagsWithName(`${request.serviceName}-endpoints`),
      }),
      resource('aws_vpc_security_group_ingress_rule', 'endpoints_https', {
        security_group_id: ref('aws_security_group.endpoints.id'),
        description: fromTaskGroup
          ? 'HTTPS from the service tasks'
          : 'HTTPS from the VPC',
        ip_protocol: 'tcp',
        from_port: HTTPS_PORT,
        to_port: HTTPS_PORT,
        cidr_ipv4: fromTaskGroup ? undefined : ref('var.vpc_cidr'),
        referenced_security_group_id: fromTaskGroup
          ? ref('var.task_security_group_id')
          : undefined,
        tags: ref('var.tags'),
      }),
    );
  }

  for (const endpoint of interfaceEndpoints) {
    main.push(
      interfaceEndpoint(endpoint, {
        namePrefix: request.serviceName,
        subnetIds,
        securityGroupId: ref('aws_security_group.endpoints.id'),
      }),
    );
  }

  for (const endpoint of gatewayEndpoints) {
    const name = endpointBlockName(endpoint.service);
    const hasPolicy =
      endpoint.service === 's3' && endpoint.policy !== undefined;
    if (hasPolicy) main.push(s3PolicyDocument(endpoint));
    main.push(
      {
        comment: explainEndpoint(endpoint),
        block: resource('aws_vpc_endpoint', name, {
          vpc_id: ref('var.vpc_id'),
          service_name: endpoint.serviceName,
          vpc_endpoint_type: 'Gateway',
          policy: hasPolicy
            ? ref('data.aws_iam_policy_document.s3_gateway.json')
            : undefined,
          tags: tagsWithName(`${request.serviceName}-${name}`),
        }),
      },
      resource('aws_vpc_endpoint_route_table_association', name, {
        for_each: raw('toset(var.route_table_ids)'),
        vpc_endpoint_id: ref(`aws_vpc_endpoint.${name}.id`),
        route_table_id: ref('each.value'),
      }),
    );
  }

  const variables = [
    variable('vpc_id', {
      type: 'string',
      description: 'VPC the endpoints are created in',
    }),
    variable('vpc_cidr', {
      type: 'string',
      description: 'CIDR of the VPC; the only source admitted on 443',
    }),
    ...(ctx.dedicatedEndpointSubnets
      ? []
      : [
          variable('subnet_ids', {
            type: 'list(string)',
            description:
              'One subnet per Availability Zone for the interface endpoints',
          }),
        ]),
    variable('route_table_ids', {
      type: 'list(string)',
      description: 'Private route tables that get the gateway endpoints',
    }),
    ...(fromTaskGroup
      ? [
          variable('task_security_group_id', {
            type: 'string',
            description:
              'Security group of the service tasks, the only source admitted on 443',
          }),
        ]
      : []),
    TAGS_VARIABLE,
  ];

  const outputs = [
    output(
      'interface_endpoint_ids',
      'IDs of the interface endpoints, by service',
      obj(
        Object.fromEntries(
          interfaceEndpoints.map(e => [
            e.service,
            ref(`aws_vpc_endpoint.${endpointBlockName(e.service)}.id`),
          ]),
        ),
      ),
    ),
    output(
      'gateway_endpoint_ids',
      'IDs of the gateway endpoints, by service',
      obj(
        Object.fromEntries(
          gatewayEndpoints.map(e => [
            e.service,
            ref(`aws_vpc_endpoint.${endpointBlockName(e.service)}.id`),
          ]),
        ),
      ),
    ),
    output(
      'security_group_id',
      'Security group of the interface endpoints',
      interfaceEndpoints.length > 0
        ? ref('aws_security_group.endpoints.id')
        : null,
    ),
    output('subnet_ids', 'Subnets the interface endpoints use', subnetIds),
  ];

  const inputs: ComponentModule['inputs'] = {
    vpc_id: ref('var.vpc_id'),
    vpc_cidr: ref('var.vpc_cidr'),
    subnet_ids: ctx.dedicatedEndpointSubnets
      ? undefined
      : ref('var.endpoint_subnet_ids'),
    route_table_ids: ref('var.private_route_table_ids'),
    task_security_group_id: fromTaskGroup
      ? ref('module.service.task_security_group_id')
      : undefined,
    tags: ref('local.tags'),
  };

  return {
    component: 'endpoints',
    name: 'endpoints',
    source: { dir: 'modules/endpoints', main, variables, outputs },
    inputs,
    rootOutputs: [
      output(
        'interface_endpoint_ids',
        'IDs of the interface endpoints, by service',
        ref('module.endpoints.interface_endpoint_ids'),
      ),
      output(
        'gateway_endpoint_ids',
        'IDs of the gateway endpoints, by service',
        ref('module.endpoints.gateway_endpoint_ids'),
      ),
    ],
  };
}
