import { endpointServiceName } from '@private-fargate/plugin-private-fargate-common';
import { call, HclBlock, HclFileItem, nested, obj, raw, ref } from '../../hcl';
import {
  assumeRoleDocument,
  CALLER_IDENTITY,
  countIf,
  dataSource,
  ecsTaskRoleTrust,
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
import { GenerationContext, shortName } from '../context';
import { pinnedPlatformVersion } from './service';

const HTTPS_PORT = 443;
const BASTION_CPU = '256';
const BASTION_MEMORY = '512';
const LOG_RETENTION_DAYS = 14;

/**
 * The SSM-registered Fargate bastion. Everything that bills by the hour (the task and the
 * endpoints only it needs) hangs off `var.bastion_enabled`.
 */
export function bastionComponent(ctx: GenerationContext): ComponentModule {
  const { request, region } = ctx;
  const settings = request.bastion ?? {
    enabled: true,
    targetPorts: [5432],
    imageTag: '1.0.0',
  };
  const name = `${request.serviceName}-bastion`;
  const enabled = countIf('bastion_enabled');
  const ownCluster = !ctx.has('service');
  const interfaceEndpoints = ctx.bastionEndpoints.filter(
    e => e.type === 'Interface',
  );
  const main: Array<HclBlock | HclFileItem> = [
    dataSource('aws_partition', 'current'),
    CALLER_IDENTITY,
  ];

  main.push({
    comment:
      'The repository stays when the bastion is off: it is billed by storage, not by the hour.',
    block: resource('aws_ecr_repository', 'bastion', {
      name,
      image_tag_mutability: 'IMMUTABLE',
      image_scanning_configuration: nested('image_scanning_configuration', {
        scan_on_push: true,
      }),
      encryption_configuration: nested('encryption_configuration', {
        encryption_type: 'AES256',
      }),
      tags: ref('var.tags'),
    }),
  });

  if (ownCluster) {
    main.push(
      resource('aws_ecs_cluster', 'bastion', {
        count: enabled,
        name,
        setting: nested('setting', {
          name: 'containerInsights',
          value: 'enabled',
        }),
        tags: ref('var.tags'),
      }),
    );
  }

  if (interfaceEndpoints.length > 0) {
    main.push(
      VPC_LOOKUP,
      resource('aws_security_group', 'endpoints', {
        count: enabled,
        name: `${name}-endpoints`,
        description:
          'Endpoints only the bastion needs: HTTPS from the VPC only',
        vpc_id: ref('var.vpc_id'),
        tags: tagsWithName(`${name}-endpoints`),
      }),
      resource('aws_vpc_security_group_ingress_rule', 'endpoints_https', {
        count: enabled,
        security_group_id: ref('aws_security_group.endpoints[0].id'),
        description: 'HTTPS from the VPC',
        ip_protocol: 'tcp',
        from_port: HTTPS_PORT,
        to_port: HTTPS_PORT,
        cidr_ipv4: ref('var.vpc_cidr'),
        tags: ref('var.tags'),
      }),
    );
    for (const endpoint of interfaceEndpoints) {
      main.push(
        interfaceEndpoint(endpoint, {
          namePrefix: name,
          subnetIds: ref('var.endpoint_subnet_ids'),
          securityGroupId: ref('aws_security_group.endpoints[0].id'),
          count: enabled,
        }),
      );
    }
  }

  main.push({
    comment:
      'Session Manager opens sessions to nodes registered through an activation only in the advanced-instances tier. The setting is account-wide in this Region, so it is managed only when asked, and not by the on/off switch: destroying it resets the whole account to the standard tier.',
    block: resource('aws_ssm_service_setting', 'activation_tier', {
      count: countIf('manage_advanced_instances_tier'),
      setting_id: call(
        'format',
        'arn:%s:ssm:%s:%s:servicesetting/ssm/managed-instance/activation-tier',
        ref('data.aws_partition.current.partition'),
        region,
        ref('data.aws_caller_identity.current.account_id'),
      ),
      setting_value: 'advanced',
    }),
  });

  main.push(
    resource('aws_cloudwatch_log_group', 'bastion', {
      count: enabled,
      name: `/ecs/${name}`,
      retention_in_days: LOG_RETENTION_DAYS,
      tags: ref('var.tags'),
    }),
    assumeRoleDocument('ssm_assume', 'ssm.amazonaws.com', enabled),
    resource('aws_iam_role', 'ssm_service', {
      count: enabled,
      name: shortName(name, 'ssm', 64),
      description: 'Role of the managed instance the bastion task registers as',
      assume_role_policy: ref(
        'data.aws_iam_policy_document.ssm_assume[0].json',
      ),
      tags: ref('var.tags'),
    }),
    resource('aws_iam_role_policy_attachment', 'ssm_core', {
      count: enabled,
      role: ref('aws_iam_role.ssm_service[0].name'),
      policy_arn: call(
        'format',
        'arn:%s:iam::aws:policy/AmazonSSMManagedInstanceCore',
        ref('data.aws_partition.current.partition'),
      ),
    }),
    assumeRoleDocument('ecs_tasks_assume', 'ecs-tasks.amazonaws.com', enabled),
    resource('aws_iam_role', 'execution', {
      count: enabled,
      name: shortName(name, 'execution', 64),
      description: 'Lets ECS pull the bastion image and write its logs',
      assume_role_policy: ref(
        'data.aws_iam_policy_document.ecs_tasks_assume[0].json',
      ),
      tags: ref('var.tags'),
    }),
    policyDocument(
      'execution',
      [
        {
          sid: 'EcrAuthorizationToken',
          actions: ['ecr:GetAuthorizationToken'],
          resources: ['*'],
        },
        {
          sid: 'EcrPull',
          actions: [
            'ecr:BatchCheckLayerAvailability',
            'ecr:BatchGetImage',
            'ecr:GetDownloadUrlForLayer',
          ],
          resources: [ref('aws_ecr_repository.bastion.arn')],
        },
        {
          sid: 'WriteLogs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [
            call(
              'format',
              '%s:*',
              ref('aws_cloudwatch_log_group.bastion[0].arn'),
            ),
          ],
        },
      ],
      enabled,
    ),
    resource('aws_iam_role_policy', 'execution', {
      count: enabled,
      name: 'least-privilege',
      role: ref('aws_iam_role.execution[0].id'),
      policy: ref('data.aws_iam_policy_document.execution[0].json'),
    }),
    ecsTaskRoleTrust('task_assume', region, enabled),
    resource('aws_iam_role', 'task', {
      count: enabled,
      name: shortName(name, 'task', 64),
      description: 'Lets the bastion register itself with SSM',
      assume_role_policy: ref(
        'data.aws_iam_policy_document.task_assume[0].json',
      ),
      tags: ref('var.tags'),
    }),
    policyDocument(
      'task',
      [
        {
          sid: 'SsmActivation',
          actions: [
            'ssm:AddTagsToResource',
            'ssm:CreateActivation',
            'ssm:DeleteActivation',
          ],
          resources: ['*'],
        },
        {
          sid: 'PassSsmServiceRole',
          actions: ['iam:PassRole'],
          resources: [ref('aws_iam_role.ssm_service[0].arn')],
          conditions: [
            {
              test: 'StringEquals',
              variable: 'iam:PassedToService',
              values: ['ssm.amazonaws.com'],
            },
          ],
        },
      ],
      enabled,
    ),
    resource('aws_iam_role_policy', 'task', {
      count: enabled,
      name: 'ssm-activation',
      role: ref('aws_iam_role.task[0].id'),
      policy: ref('data.aws_iam_policy_document.task[0].json'),
    }),
    resource('aws_security_group', 'bastion', {
      count: enabled,
      name,
      description:
        'SSM bastion task: no ingress; HTTPS to the endpoints and the target ports in the VPC',
      vpc_id: ref('var.vpc_id'),
      tags: tagsWithName(name),
    }),
    resource('aws_vpc_security_group_egress_rule', 'bastion_https', {
      count: enabled,
      security_group_id: ref('aws_security_group.bastion[0].id'),
      description: 'HTTPS to the VPC endpoints',
      ip_protocol: 'tcp',
      from_port: HTTPS_PORT,
      to_port: HTTPS_PORT,
      cidr_ipv4: ref('var.vpc_cidr'),
      tags: ref('var.tags'),
    }),
    resource('aws_vpc_security_group_egress_rule', 'bastion_s3', {
      count: enabled,
      security_group_id: ref('aws_security_group.bastion[0].id'),
      description: 'HTTPS to S3 (image layers) through the gateway endpoint',
      ip_protocol: 'tcp',
      from_port: HTTPS_PORT,
      to_port: HTTPS_PORT,
      prefix_list_id: ref('data.aws_prefix_list.s3.id'),
      tags: ref('var.tags'),
    }),
  );
  for (const port of [...settings.targetPorts].sort((a, b) => a - b)) {
    main.push(
      resource('aws_vpc_security_group_egress_rule', `bastion_target_${port}`, {
        count: enabled,
        security_group_id: ref('aws_security_group.bastion[0].id'),
        description: `Port ${port} inside the VPC`,
        ip_protocol: 'tcp',
        from_port: port,
        to_port: port,
        cidr_ipv4: ref('var.vpc_cidr'),
        tags: ref('var.tags'),
      }),
    );
  }

  const clusterArn = ownCluster
    ? ref('aws_ecs_cluster.bastion[0].arn')
    : ref('var.cluster_arn');
  main.push(
    dataSource('aws_prefix_list', 's3', {
      name: endpointServiceName(region, 's3'),
    }),
    resource('aws_ecs_task_definition', 'bastion', {
      count: enabled,
      family: name,
      network_mode: 'awsvpc',
      requires_compatibilities: ['FARGATE'],
      cpu: BASTION_CPU,
      memory: BASTION_MEMORY,
      execution_role_arn: ref('aws_iam_role.execution[0].arn'),
      task_role_arn: ref('aws_iam_role.task[0].arn'),
      runtime_platform: nested('runtime_platform', {
        operating_system_family: 'LINUX',
        cpu_architecture: 'X86_64',
      }),
      container_definitions: call('jsonencode', [
        obj({
          name: 'bastion',
          image: call(
            'format',
            '%s:%s',
            ref('aws_ecr_repository.bastion.repository_url'),
            ref('var.image_tag'),
          ),
          essential: true,
          environment: [
            obj({ name: 'AWS_REGION', value: region }),
            obj({
              name: 'SSM_SERVICE_ROLE',
              value: ref('aws_iam_role.ssm_service[0].name'),
            }),
          ],
          logConfiguration: obj({
            logDriver: 'awslogs',
            options: obj({
              'awslogs-group': ref('aws_cloudwatch_log_group.bastion[0].name'),
              'awslogs-region': region,
              'awslogs-stream-prefix': 'bastion',
            }),
          }),
        }),
      ]),
      tags: ref('var.tags'),
    }),
    resource('aws_ecs_service', 'bastion', {
      count: enabled,
      name,
      cluster: clusterArn,
      task_definition: ref('aws_ecs_task_definition.bastion[0].arn'),
      desired_count: 1,
      launch_type: 'FARGATE',
      platform_version: pinnedPlatformVersion(
        request.requirements.platformVersion,
      ),
      network_configuration: nested('network_configuration', {
        subnets: ref('var.subnet_ids'),
        security_groups: [ref('aws_security_group.bastion[0].id')],
        assign_public_ip: false,
      }),
      tags: ref('var.tags'),
    }),
  );

  const variables = [
    variable('bastion_enabled', {
      type: 'bool',
      description: 'Run the bastion and the endpoints only it needs',
    }),
    variable('vpc_id', { type: 'string', description: 'VPC of the bastion' }),
    variable('vpc_cidr', { type: 'string', description: 'CIDR of the VPC' }),
    variable('subnet_ids', {
      type: 'list(string)',
      description: 'Private subnets for the bastion task',
    }),
    ...(interfaceEndpoints.length > 0
      ? [
          variable('endpoint_subnet_ids', {
            type: 'list(string)',
            description:
              'One subnet per Availability Zone for the bastion endpoints',
          }),
        ]
      : []),
    ...(ownCluster
      ? []
      : [
          variable('cluster_arn', {
            type: 'string',
            description: 'ECS cluster to run the bastion in',
          }),
        ]),
    variable('image_tag', {
      type: 'string',
      description: 'Tag of the bastion image',
    }),
    variable('manage_advanced_instances_tier', {
      type: 'bool',
      description:
        'Switch Systems Manager in this account and Region to the advanced-instances tier, which Session Manager needs for the bastion',
    }),
    TAGS_VARIABLE,
  ];
  const outputs = [
    output(
      'ecr_repository_url',
      'Push the bastion image here',
      ref('aws_ecr_repository.bastion.repository_url'),
    ),
    output(
      'ssm_service_role_name',
      'Role the bastion registers with',
      raw('try(aws_iam_role.ssm_service[0].name, null)'),
    ),
    output(
      'security_group_id',
      'Security group of the bastion task',
      raw('try(aws_security_group.bastion[0].id, null)'),
    ),
  ];

  return {
    component: 'bastion',
    name: 'bastion',
    source: { dir: 'modules/bastion', main, variables, outputs },
    inputs: {
      bastion_enabled: ref('var.bastion_enabled'),
      vpc_id: ref('var.vpc_id'),
      vpc_cidr: ref('var.vpc_cidr'),
      subnet_ids: ref('var.private_subnet_ids'),
      endpoint_subnet_ids:
        interfaceEndpoints.length > 0 ? ctx.endpointSubnetsRef : undefined,
      cluster_arn: ownCluster ? undefined : ref('module.service.cluster_arn'),
      image_tag: ref('var.bastion_image_tag'),
      manage_advanced_instances_tier: ref(
        'var.bastion_manage_advanced_instances_tier',
      ),
      tags: ref('local.tags'),
    },
    rootOutputs: [
      output(
        'bastion_ecr_repository_url',
        'Push the bastion image here',
        ref('module.bastion.ecr_repository_url'),
      ),
    ],
  };
}
