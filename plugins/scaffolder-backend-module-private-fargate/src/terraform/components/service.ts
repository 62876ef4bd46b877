import {
  endpointServiceName,
  regionOfArn,
  secretArnOf,
  secretSourceOf,
} from '@private-fargate/plugin-private-fargate-common';
import {
  call,
  HclBlock,
  HclFileItem,
  HclValue,
  nested,
  obj,
  raw,
  ref,
} from '../../hcl';
import {
  assumeRoleDocument,
  CALLER_IDENTITY,
  dataSource,
  ecsTaskRoleTrust,
  output,
  policyDocument,
  PolicyStatement,
  resource,
  TAGS_VARIABLE,
  tagsWithName,
  variable,
} from '../blocks';
import { ComponentModule } from '../component';
import { GenerationContext, shortName } from '../context';

const CONTAINER_NAME = 'app';
const HTTPS_PORT = 443;

/** The platform version the service pins: LATEST means 1.4.0 on Linux Fargate. */
export function pinnedPlatformVersion(requested: string): string {
  return requested === 'LATEST' ? '1.4.0' : requested;
}

/** ECS cluster, task definition, service, ECR repository, IAM roles, log group and optional internal ALB. */
export function serviceComponent(ctx: GenerationContext): ComponentModule {
  const { request, region } = ctx;
  const service = request.service!;
  const requirements = request.requirements;
  const name = request.serviceName;
  const exec = requirements.exec;
  const awslogs = requirements.logging === 'awslogs';
  const alb = service.loadBalancer;
  const createCluster = !service.existingClusterName;
  // On-premises clients are routed to the VPC and resolve the ALB's name through private-dns.
  const onPremisesCidrs = ctx.has('private-dns')
    ? request.privateDns?.onPremisesRoutes?.cidrs
    : undefined;
  const dynamodbGateway = ctx.plan.endpoints.some(
    e => e.service === 'dynamodb' && e.type === 'Gateway',
  );
  const main: Array<HclBlock | HclFileItem> = [];

  if (exec.enabled && exec.sessionLogs === 'cloudwatch') {
    main.push(
      resource('aws_cloudwatch_log_group', 'exec', {
        name: `/ecs/${name}/exec`,
        retention_in_days: service.logRetentionDays,
        tags: ref('var.tags'),
      }),
    );
  }

  if (createCluster) {
    const execConfig =
      exec.enabled && (exec.kmsKey || exec.sessionLogs !== 'none')
        ? nested('configuration', {
            execute_command_configuration: nested(
              'execute_command_configuration',
              {
                kms_key_id: exec.kmsKey ? service.execKmsKeyArn : undefined,
                logging: exec.sessionLogs === 'none' ? 'DEFAULT' : 'OVERRIDE',
                log_configuration:
                  exec.sessionLogs === 'none'
                    ? undefined
                    : nested('log_configuration', {
                        cloud_watch_log_group_name:
                          exec.sessionLogs === 'cloudwatch'
                            ? ref('aws_cloudwatch_log_group.exec.name')
                            : undefined,
                        s3_bucket_name:
                          exec.sessionLogs === 's3'
                            ? requirements.execLogBucket
                            : undefined,
                        s3_key_prefix:
                          exec.sessionLogs === 's3' ? `${name}/` : undefined,
                      }),
              },
            ),
          })
        : undefined;
    main.push(
      resource('aws_ecs_cluster', 'this', {
        name,
        setting: nested('setting', {
          name: 'containerInsights',
          value: 'enabled',
        }),
        configuration: execConfig,
        tags: ref('var.tags'),
      }),
    );
  } else {
    main.push(
      dataSource('aws_ecs_cluster', 'this', {
        cluster_name: service.existingClusterName,
      }),
    );
  }
  const clusterRef = createCluster
    ? 'aws_ecs_cluster.this'
    : 'data.aws_ecs_cluster.this';

  if (awslogs) {
    main.push(
      resource('aws_cloudwatch_log_group', 'service', {
        name: `/ecs/${name}`,
        retention_in_days: service.logRetentionDays,
        tags: ref('var.tags'),
      }),
    );
  }

  main.push(
    resource('aws_ecr_repository', 'service', {
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
    resource('aws_ecr_lifecycle_policy', 'service', {
      repository: ref('aws_ecr_repository.service.name'),
      policy: call(
        'jsonencode',
        obj({
          rules: [
            obj({
              rulePriority: 1,
              description: `Keep the newest ${service.keepImages} images`,
              selection: obj({
                tagStatus: 'any',
                countType: 'imageCountMoreThan',
                countNumber: service.keepImages,
              }),
              action: obj({ type: 'expire' }),
            }),
          ],
        }),
      ),
    }),
  );

  const executionStatements: PolicyStatement[] = [
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
      resources: [ref('aws_ecr_repository.service.arn')],
    },
  ];
  if (awslogs) {
    executionStatements.push({
      sid: 'WriteLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [
        call('format', '%s:*', ref('aws_cloudwatch_log_group.service.arn')),
      ],
    });
  }
  // Two keys of one secret are one resource to IAM.
  const secretArns = [
    ...new Set(service.secrets.map(secret => secretArnOf(secret.valueFrom))),
  ];
  const secretsManagerArns = secretArns
    .filter(arn => secretSourceOf(arn) === 'secretsmanager')
    .sort();
  const parameterArns = secretArns
    .filter(arn => secretSourceOf(arn) === 'ssm')
    .sort();
  if (secretsManagerArns.length > 0) {
    executionStatements.push({
      sid: 'ReadSecrets',
      actions: ['secretsmanager:GetSecretValue'],
      resources: secretsManagerArns,
    });
  }
  if (parameterArns.length > 0) {
    executionStatements.push({
      sid: 'ReadParameters',
      actions: ['ssm:GetParameters'],
      resources: parameterArns,
    });
  }
  if (service.secretsKmsKeyArn) {
    // Secrets Manager and Parameter Store decrypt on the role's behalf; kms:ViaService keeps the
    // key from being usable directly.
    const viaServices = [
      ...new Set(
        [...secretsManagerArns, ...parameterArns].map(
          arn =>
            `${secretSourceOf(arn)}.${
              regionOfArn(arn) ?? region
            }.amazonaws.com`,
        ),
      ),
    ].sort();
    executionStatements.push({
      sid: 'DecryptSecrets',
      actions: ['kms:Decrypt'],
      resources: [service.secretsKmsKeyArn],
      conditions: [
        {
          test: 'StringEquals',
          variable: 'kms:ViaService',
          values: viaServices,
        },
      ],
    });
  }

  const taskStatements: PolicyStatement[] = [];
  if (exec.enabled) {
    taskStatements.push({
      sid: 'EcsExecChannels',
      actions: [
        'ssmmessages:CreateControlChannel',
        'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel',
      ],
      resources: ['*'],
    });
    if (exec.kmsKey && service.execKmsKeyArn) {
      taskStatements.push({
        sid: 'EcsExecKms',
        actions: ['kms:Decrypt'],
        resources: [service.execKmsKeyArn],
      });
    }
    if (exec.sessionLogs === 'cloudwatch') {
      taskStatements.push(
        {
          sid: 'EcsExecLogGroups',
          actions: ['logs:DescribeLogGroups'],
          resources: ['*'],
        },
        {
          sid: 'EcsExecLogs',
          actions: [
            'logs:CreateLogStream',
            'logs:DescribeLogStreams',
            'logs:PutLogEvents',
          ],
          resources: [
            call('format', '%s:*', ref('aws_cloudwatch_log_group.exec.arn')),
          ],
        },
      );
    }
    if (exec.sessionLogs === 's3' && requirements.execLogBucket) {
      taskStatements.push(
        {
          sid: 'EcsExecLogObjects',
          actions: ['s3:PutObject'],
          resources: [`arn:aws:s3:::${requirements.execLogBucket}/*`],
        },
        {
          sid: 'EcsExecLogBucket',
          actions: ['s3:GetEncryptionConfiguration'],
          resources: [`arn:aws:s3:::${requirements.execLogBucket}`],
        },
      );
    }
  }
  if (requirements.xray) {
    taskStatements.push({
      sid: 'XRayTraces',
      actions: [
        'xray:GetSamplingRules',
        'xray:GetSamplingTargets',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ],
      resources: ['*'],
    });
  }

  main.push(
    assumeRoleDocument('ecs_tasks_assume', 'ecs-tasks.amazonaws.com'),
    resource('aws_iam_role', 'execution', {
      name: shortName(name, 'execution', 64),
      description:
        'Lets ECS pull the image, write logs and read the secrets of the task',
      assume_role_policy: ref(
        'data.aws_iam_policy_document.ecs_tasks_assume.json',
      ),
      tags: ref('var.tags'),
    }),
    policyDocument('execution', executionStatements),
    resource('aws_iam_role_policy', 'execution', {
      name: 'least-privilege',
      role: ref('aws_iam_role.execution.id'),
      policy: ref('data.aws_iam_policy_document.execution.json'),
    }),
    CALLER_IDENTITY,
    ecsTaskRoleTrust('task_assume', region),
    resource('aws_iam_role', 'task', {
      name: shortName(name, 'task', 64),
      description: 'Role of the application containers',
      assume_role_policy: ref('data.aws_iam_policy_document.task_assume.json'),
      tags: ref('var.tags'),
    }),
  );
  if (taskStatements.length > 0) {
    main.push(
      policyDocument('task', taskStatements),
      resource('aws_iam_role_policy', 'task', {
        name: 'least-privilege',
        role: ref('aws_iam_role.task.id'),
        policy: ref('data.aws_iam_policy_document.task.json'),
      }),
    );
  }

  main.push(
    dataSource('aws_prefix_list', 's3', {
      name: endpointServiceName(region, 's3'),
    }),
    resource('aws_security_group', 'task', {
      name: `${name}-task`,
      description: 'Service tasks',
      vpc_id: ref('var.vpc_id'),
      tags: tagsWithName(`${name}-task`),
    }),
    resource('aws_vpc_security_group_egress_rule', 'task_https_vpc', {
      security_group_id: ref('aws_security_group.task.id'),
      description: 'HTTPS to the VPC endpoints',
      ip_protocol: 'tcp',
      from_port: HTTPS_PORT,
      to_port: HTTPS_PORT,
      cidr_ipv4: ref('var.vpc_cidr'),
      tags: ref('var.tags'),
    }),
    resource('aws_vpc_security_group_egress_rule', 'task_s3', {
      security_group_id: ref('aws_security_group.task.id'),
      description: 'HTTPS to S3 through the gateway endpoint',
      ip_protocol: 'tcp',
      from_port: HTTPS_PORT,
      to_port: HTTPS_PORT,
      prefix_list_id: ref('data.aws_prefix_list.s3.id'),
      tags: ref('var.tags'),
    }),
  );
  if (dynamodbGateway) {
    main.push(
      {
        comment:
          'The DynamoDB gateway endpoint is a route to this prefix list; egress to the VPC CIDR does not reach it.',
        block: dataSource('aws_prefix_list', 'dynamodb', {
          name: endpointServiceName(region, 'dynamodb'),
        }),
      },
      resource('aws_vpc_security_group_egress_rule', 'task_dynamodb', {
        security_group_id: ref('aws_security_group.task.id'),
        description: 'HTTPS to DynamoDB through the gateway endpoint',
        ip_protocol: 'tcp',
        from_port: HTTPS_PORT,
        to_port: HTTPS_PORT,
        prefix_list_id: ref('data.aws_prefix_list.dynamodb.id'),
        tags: ref('var.tags'),
      }),
    );
  }
  if (requirements.egress === 'nat') {
    main.push(
      resource('aws_vpc_security_group_egress_rule', 'task_https_nat', {
        security_group_id: ref('aws_security_group.task.id'),
        description:
          'HTTPS through the NAT gateway (requirements.egress = nat)',
        ip_protocol: 'tcp',
        from_port: HTTPS_PORT,
        to_port: HTTPS_PORT,
        cidr_ipv4: '0.0.0.0/0',
        tags: ref('var.tags'),
      }),
    );
  }

  if (alb) {
    main.push(
      resource('aws_security_group', 'alb', {
        name: `${name}-alb`,
        description:
          'Internal ALB: admits only the VPC (including the PrivateLink NLB)',
        vpc_id: ref('var.vpc_id'),
        tags: tagsWithName(`${name}-alb`),
      }),
      resource('aws_vpc_security_group_ingress_rule', 'alb_from_vpc', {
        security_group_id: ref('aws_security_group.alb.id'),
        description: 'Listener port from the VPC',
        ip_protocol: 'tcp',
        from_port: alb.listenerPort,
        to_port: alb.listenerPort,
        cidr_ipv4: ref('var.vpc_cidr'),
        tags: ref('var.tags'),
      }),
      ...(onPremisesCidrs
        ? [
            resource(
              'aws_vpc_security_group_ingress_rule',
              'alb_from_on_premises',
              {
                for_each: raw('toset(var.on_premises_cidrs)'),
                security_group_id: ref('aws_security_group.alb.id'),
                description: 'Listener port from an on-premises network',
                ip_protocol: 'tcp',
                from_port: alb.listenerPort,
                to_port: alb.listenerPort,
                cidr_ipv4: ref('each.value'),
                tags: ref('var.tags'),
              },
            ),
          ]
        : []),
      resource('aws_vpc_security_group_egress_rule', 'alb_to_tasks', {
        security_group_id: ref('aws_security_group.alb.id'),
        description: 'Container port on the tasks',
        ip_protocol: 'tcp',
        from_port: service.containerPort,
        to_port: service.containerPort,
        referenced_security_group_id: ref('aws_security_group.task.id'),
        tags: ref('var.tags'),
      }),
      resource('aws_vpc_security_group_ingress_rule', 'task_from_alb', {
        security_group_id: ref('aws_security_group.task.id'),
        description: 'Container port from the ALB',
        ip_protocol: 'tcp',
        from_port: service.containerPort,
        to_port: service.containerPort,
        referenced_security_group_id: ref('aws_security_group.alb.id'),
        tags: ref('var.tags'),
      }),
      resource('aws_lb', 'internal', {
        name: shortName(name, 'alb'),
        internal: true,
        load_balancer_type: 'application',
        subnets: ref('var.subnet_ids'),
        security_groups: [ref('aws_security_group.alb.id')],
        drop_invalid_header_fields: true,
        tags: ref('var.tags'),
      }),
      resource('aws_lb_target_group', 'service', {
        name: shortName(name, 'tg'),
        target_type: 'ip',
        port: service.containerPort,
        protocol: 'HTTP',
        vpc_id: ref('var.vpc_id'),
        health_check: nested('health_check', {
          path: alb.healthCheckPath,
          matcher: '200-399',
        }),
        tags: ref('var.tags'),
      }),
      resource('aws_lb_listener', 'http', {
        load_balancer_arn: ref('aws_lb.internal.arn'),
        port: alb.listenerPort,
        protocol: 'HTTP',
        default_action: nested('default_action', {
          type: 'forward',
          target_group_arn: ref('aws_lb_target_group.service.arn'),
        }),
        tags: ref('var.tags'),
      }),
    );
  }

  const container: Record<string, HclValue | undefined> = {
    name: CONTAINER_NAME,
    image: call(
      'format',
      '%s:%s',
      ref('aws_ecr_repository.service.repository_url'),
      ref('var.image_tag'),
    ),
    essential: true,
    portMappings: [
      obj({ containerPort: service.containerPort, protocol: 'tcp' }),
    ],
    linuxParameters: exec.enabled
      ? obj({ initProcessEnabled: true })
      : undefined,
    secrets:
      service.secrets.length > 0
        ? service.secrets.map(secret =>
            obj({ name: secret.name, valueFrom: secret.valueFrom }),
          )
        : undefined,
    logConfiguration: awslogs
      ? obj({
          logDriver: 'awslogs',
          options: obj({
            'awslogs-group': ref('aws_cloudwatch_log_group.service.name'),
            'awslogs-region': region,
            'awslogs-stream-prefix': CONTAINER_NAME,
          }),
        })
      : undefined,
  };

  main.push(
    resource('aws_ecs_task_definition', 'service', {
      family: name,
      network_mode: 'awsvpc',
      requires_compatibilities: ['FARGATE'],
      cpu: String(service.cpu),
      memory: String(service.memory),
      execution_role_arn: ref('aws_iam_role.execution.arn'),
      task_role_arn: ref('aws_iam_role.task.arn'),
      runtime_platform: nested('runtime_platform', {
        operating_system_family: 'LINUX',
        cpu_architecture: service.cpuArchitecture,
      }),
      container_definitions: call('jsonencode', [obj(container)]),
      tags: ref('var.tags'),
    }),
    resource('aws_ecs_service', 'service', {
      name,
      cluster: ref(`${clusterRef}.arn`),
      task_definition: ref('aws_ecs_task_definition.service.arn'),
      desired_count: ref('var.desired_count'),
      launch_type: 'FARGATE',
      platform_version: pinnedPlatformVersion(requirements.platformVersion),
      enable_execute_command: exec.enabled,
      propagate_tags: 'SERVICE',
      network_configuration: nested('network_configuration', {
        subnets: ref('var.subnet_ids'),
        security_groups: [ref('aws_security_group.task.id')],
        assign_public_ip: false,
      }),
      deployment_circuit_breaker: nested('deployment_circuit_breaker', {
        enable: true,
        rollback: true,
      }),
      load_balancer: alb
        ? nested('load_balancer', {
            target_group_arn: ref('aws_lb_target_group.service.arn'),
            container_name: CONTAINER_NAME,
            container_port: service.containerPort,
          })
        : undefined,
      depends_on: alb ? raw('[aws_lb_listener.http]') : undefined,
      tags: ref('var.tags'),
    }),
  );

  const variables = [
    variable('vpc_id', { type: 'string', description: 'VPC of the service' }),
    variable('vpc_cidr', {
      type: 'string',
      description: 'CIDR of the VPC (endpoints and ALB sources)',
    }),
    variable('subnet_ids', {
      type: 'list(string)',
      description: 'Private subnets for the tasks and the internal ALB',
    }),
    ...(onPremisesCidrs && alb
      ? [
          variable('on_premises_cidrs', {
            type: 'list(string)',
            description:
              'On-premises networks the internal ALB admits on its listener port',
          }),
        ]
      : []),
    variable('image_tag', { type: 'string', description: 'Image tag to run' }),
    variable('desired_count', {
      type: 'number',
      description: 'Number of tasks',
    }),
    TAGS_VARIABLE,
  ];

  const outputs = [
    output('cluster_arn', 'ARN of the ECS cluster', ref(`${clusterRef}.arn`)),
    output(
      'service_name',
      'Name of the ECS service',
      ref('aws_ecs_service.service.name'),
    ),
    output(
      'task_security_group_id',
      'Security group of the tasks',
      ref('aws_security_group.task.id'),
    ),
    output(
      'ecr_repository_url',
      'Push images here',
      ref('aws_ecr_repository.service.repository_url'),
    ),
    ...(alb
      ? [
          output(
            'alb_arn',
            'ARN of the internal ALB',
            ref('aws_lb.internal.arn'),
          ),
          output(
            'alb_dns_name',
            'DNS name of the internal ALB',
            ref('aws_lb.internal.dns_name'),
          ),
          output(
            'alb_zone_id',
            'Hosted zone of the internal ALB, for alias records',
            ref('aws_lb.internal.zone_id'),
          ),
          output(
            'alb_listener_arn',
            'ARN of the ALB listener',
            ref('aws_lb_listener.http.arn'),
          ),
        ]
      : []),
  ];

  return {
    component: 'service',
    name: 'service',
    source: { dir: 'modules/service', main, variables, outputs },
    inputs: {
      vpc_id: ref('var.vpc_id'),
      vpc_cidr: ref('var.vpc_cidr'),
      subnet_ids: ref('var.private_subnet_ids'),
      on_premises_cidrs:
        onPremisesCidrs && alb ? ref('var.on_premises_cidrs') : undefined,
      image_tag: ref('var.image_tag'),
      desired_count: ref('var.desired_count'),
      tags: ref('local.tags'),
    },
    rootOutputs: [
      output(
        'ecs_service_name',
        'Name of the ECS service',
        ref('module.service.service_name'),
      ),
      output(
        'ecr_repository_url',
        'Push images here',
        ref('module.service.ecr_repository_url'),
      ),
      ...(alb
        ? [
            output(
              'alb_dns_name',
              'DNS name of the internal ALB',
              ref('module.service.alb_dns_name'),
            ),
          ]
        : []),
    ],
  };
}
