import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod/v3';
import { shortName } from './context';
import {
  availabilityZoneNameSchema,
  cidrSchema,
  ecsClusterNameSchema,
  FARGATE_SIZES_HELP,
  imageTagSchema,
  isValidFargateSize,
  kmsKeyArnSchema,
  containerSecretSchema,
  SECRET_SOURCE_LABELS,
  secretSourceOf,
  regionOfArn,
  regionOfEndpointServiceName,
  secretsInOtherRegions,
  secretsNeedingNewerPlatform,
  subnetsSharingZones,
  subnetsOutsideRegion,
  transitGatewayIdSchema,
  virtualPrivateGatewayIdSchema,
  dnsNameSchema,
  endpointServiceNameSchema,
  endpointServiceSuffixSchema,
  endpointSuffixListSchema,
  PRIVATE_FARGATE_ANNOTATIONS,
  planRequirementsSchema,
  portSchema,
  principalArnSchema,
  routeTableIdSchema,
  serviceNameSchema,
  subnetIdSchema,
  vpcIdSchema,
} from '@private-fargate/plugin-private-fargate-common';

/** The components `private-fargate:terraform` can write, in the order they are generated. */
export const TERRAFORM_COMPONENTS = [
  'endpoints',
  'service',
  'privatelink-provider',
  'privatelink-consumer',
  'bastion',
  'private-dns',
] as const;

/** One of {@link TERRAFORM_COMPONENTS}. */
export type TerraformComponent = (typeof TERRAFORM_COMPONENTS)[number];

// Lone UTF-16 surrogates cannot be written to a UTF-8 file, so they would not survive as a literal.
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Free text that ends up inside a Terraform string literal. Anything is allowed (the HCL
 * builder escapes it); it is normalised to NFC because HCL normalises string literals too.
 */
export function freeTextSchema(maxLength: number) {
  return z
    .string()
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine(value => !LONE_SURROGATE.test(value), 'must be valid Unicode text')
    .transform(value => value.normalize('NFC'));
}

// AWS tag values allow only letters, digits, white space and _ . : / = + - @.
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Free text that also goes into AWS tag values, so it keeps to the characters AWS accepts there. */
export function tagTextSchema(maxLength: number) {
  return freeTextSchema(maxLength).refine(value => TAG_VALUE.test(value), {
    message:
      'may contain only letters, digits, spaces and _ . : / = + - @ (AWS tag value characters)',
  });
}

const httpPathSchema = z
  .string()
  .regex(/^\/[A-Za-z0-9._~/-]{0,254}$/, 'must be an HTTP path like /health');
const HTTPS_PORT = 443;
// The provider's NLB listens on the ALB's listener port, so a consumer's default is the same.
const DEFAULT_LISTENER_PORT = 80;
const dnsLabelSchema = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be one DNS label like api',
  );

// Ingress from everywhere would defeat a private service; the checks name the field.
const ingressCidrSchema = cidrSchema.refine(
  value => !value.endsWith('/0'),
  'must not be 0.0.0.0/0: name the client networks',
);

const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
  2192, 2557, 2922, 3288, 3653,
] as const;

function unique<T extends z.ZodTypeAny>(array: z.ZodArray<T>, what: string) {
  return array.refine(
    list => new Set(list as unknown[]).size === list.length,
    `lists the same ${what} twice`,
  );
}

// A template can pass a shared stack's annotation as it is: the status backend reads the same
// text with the same parser, so both accept what the other does (blanks after commas, say).
const sharedEndpointsSchema = z.union(
  [
    unique(z.array(endpointServiceSuffixSchema), 'endpoint'),
    endpointSuffixListSchema.refine(
      list => list.length > 0,
      `lists no endpoints: the shared stack's ${PRIVATE_FARGATE_ANNOTATIONS.endpoints} annotation must name them, e.g. ecr.api,ecr.dkr,s3,logs`,
    ),
  ],
  {
    errorMap: (issue, ctx) => ({
      message:
        issue.code === z.ZodIssueCode.invalid_union
          ? `must be a list of endpoint suffixes, or their text as in the ${PRIVATE_FARGATE_ANNOTATIONS.endpoints} annotation (ecr.api,ecr.dkr,s3,logs)`
          : ctx.defaultError,
    }),
  },
);

// The shared stack as an EntityPicker gives it; kind and namespace default as its picker's do.
const sharedEndpointStackSchema = z.string().transform((value, ctx) => {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'resource',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `"${value}" is not an entity reference; use [<kind>:][<namespace>/]<name>, such as resource:default/eu-west-1-shared-endpoints`,
    });
    return z.NEVER;
  }
});

/** The VPC the generated Terraform goes into. */
export const networkSchema = z
  .object({
    vpcId: vpcIdSchema.describe('ID of the existing VPC'),
    vpcCidr: cidrSchema.describe(
      'Primary IPv4 CIDR of the VPC; endpoint security groups admit 443 from it',
    ),
    privateSubnets: unique(
      z
        .array(
          z
            .object({
              id: subnetIdSchema.describe('Subnet ID'),
              availabilityZone: availabilityZoneNameSchema.describe(
                "The subnet's Availability Zone",
              ),
            })
            .strict(),
        )
        .min(1, 'needs at least one private subnet'),
      'subnet',
    ).describe(
      'Private subnets the tasks run in, with their Availability Zones',
    ),
    privateRouteTableIds: unique(
      z
        .array(routeTableIdSchema)
        .min(
          1,
          'needs at least one private route table for the S3 gateway endpoint',
        ),
      'route table',
    ).describe('Every route table the private subnets use'),
    endpointSubnets: z
      .object({
        existingSubnetCidrs: unique(z.array(cidrSchema), 'CIDR').describe(
          'CIDRs of every subnet already in the VPC, so the new ones do not overlap',
        ),
        prefixLength: z
          .number()
          .int()
          .min(16)
          .max(28)
          .optional()
          .describe(
            'Prefix length of each new endpoint subnet (the subnet planner picks one if omitted)',
          ),
      })
      .strict()
      .optional()
      .describe('Create one dedicated endpoint subnet per Availability Zone'),
    sharedEndpoints: sharedEndpointsSchema
      .default([])
      .describe(
        `Endpoints the VPC already has (e.g. from a shared stack); they are not created again. A list, or the text of the stack's ${PRIVATE_FARGATE_ANNOTATIONS.endpoints} annotation (ecr.api,ecr.dkr,s3,logs)`,
      ),
    sharedEndpointStack: sharedEndpointStackSchema
      .optional()
      .describe(
        `The shared endpoint stack network.sharedEndpoints comes from (a vpc-endpoints Resource, e.g. resource:default/eu-west-1-shared-endpoints); only meaningful with network.sharedEndpoints. Given the catalog, the action reads it with the user's credentials and refuses, before writing, a stack it cannot read, an entity that is not a vpc-endpoints Resource, a stack whose ${PRIVATE_FARGATE_ANNOTATIONS.vpcId} or ${PRIVATE_FARGATE_ANNOTATIONS.region} is not network.vpcId and requirements.region, and network.sharedEndpoints naming an endpoint its ${PRIVATE_FARGATE_ANNOTATIONS.endpoints} does not. Without the catalog it is not checked`,
      ),
    endpointIngress: z
      .enum(['vpc-cidr', 'task-security-group'])
      .default('vpc-cidr')
      .describe(
        'Who may reach the endpoints on 443: the whole VPC CIDR or only the task security group',
      ),
    oneSubnetPerZone: z
      .boolean()
      .default(false)
      .describe(
        'Refuse two private subnets in one Availability Zone, for a template whose form asks for one per zone (so that the subnets count the zones)',
      ),
  })
  .strict()
  .superRefine((network, ctx) => {
    if (!network.oneSubnetPerZone) return;
    for (const message of subnetsSharingZones(network.privateSubnets)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['privateSubnets'],
        message,
      });
    }
  });

/** The Fargate service. */
export const serviceSchema = z
  .object({
    existingClusterName: ecsClusterNameSchema
      .optional()
      .describe('Run in this existing ECS cluster instead of creating one'),
    cpu: z
      .number()
      .int()
      .default(256)
      .describe('Task CPU units (256, 512, 1024, ...)'),
    memory: z
      .number()
      .int()
      .default(512)
      .describe('Task memory in MiB, valid for the CPU size'),
    cpuArchitecture: z
      .enum(['X86_64', 'ARM64'])
      .default('X86_64')
      .describe('CPU architecture'),
    desiredCount: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(2)
      .describe('Number of tasks'),
    containerPort: portSchema
      .default(8080)
      .describe('Port the container listens on'),
    imageTag: imageTagSchema
      .default('1.0.0')
      .describe('Image tag to deploy (tags are immutable)'),
    logRetentionDays: z
      .number()
      .int()
      .refine(
        value => (LOG_RETENTION_DAYS as readonly number[]).includes(value),
        {
          message: `must be one of CloudWatch Logs' retention values: ${LOG_RETENTION_DAYS.join(
            ', ',
          )}`,
        },
      )
      .default(30)
      .describe('Days to keep container logs'),
    keepImages: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(30)
      .describe('ECR lifecycle: images to keep'),
    secrets: unique(z.array(containerSecretSchema), 'secret')
      .default([])
      .describe(
        'Secrets injected into the container; the execution role may read exactly these',
      ),
    secretsKmsKeyArn: kmsKeyArnSchema
      .optional()
      .describe(
        'Customer managed KMS key that encrypts the secrets; the execution role may decrypt with it only through Secrets Manager or Parameter Store',
      ),
    execKmsKeyArn: kmsKeyArnSchema
      .optional()
      .describe(
        'KMS key for ECS Exec sessions (with requirements.exec.kmsKey)',
      ),
    loadBalancer: z
      .object({
        listenerPort: portSchema
          .refine(
            port => port !== HTTPS_PORT,
            'is 443, the HTTPS port, but the internal ALB listener speaks plain HTTP (no certificate is configured): clients expecting TLS there would fail. Use 80 or 8080',
          )
          .default(DEFAULT_LISTENER_PORT)
          .describe('Port of the internal ALB listener (plain HTTP)'),
        healthCheckPath: httpPathSchema
          .default('/health')
          .describe('Health check path'),
      })
      .strict()
      .optional()
      .describe(
        'Put an internal Application Load Balancer in front of the service',
      ),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!isValidFargateSize(value.cpu, value.memory)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['memory'],
        message: `${value.memory} MiB is not valid with ${value.cpu} CPU units; ${FARGATE_SIZES_HELP}`,
      });
    }
  });

/** The PrivateLink endpoint service in front of the internal ALB. */
export const privateLinkProviderSchema = z
  .object({
    acceptanceRequired: z
      .boolean()
      .default(true)
      .describe(
        'Require manual acceptance of each endpoint connection (false only for trusted consumers)',
      ),
    allowedPrincipals: unique(z.array(principalArnSchema), 'principal')
      .default([])
      .describe(
        'Account root or role ARNs allowed to create endpoints to the service',
      ),
    privateDnsName: dnsNameSchema
      .optional()
      .describe(
        'Private DNS name consumers can use (needs domain verification)',
      ),
  })
  .strict();

/** An interface endpoint to somebody else's PrivateLink service. */
export const privateLinkConsumerSchema = z
  .object({
    serviceName: endpointServiceNameSchema.describe(
      "The provider's service name, com.amazonaws.vpce.<region>.vpce-svc-<id>",
    ),
    port: portSchema
      .default(DEFAULT_LISTENER_PORT)
      .describe(
        "Port the provider's endpoint service listens on (the provider component's default listener port, 80)",
      ),
    clientCidrs: unique(
      z.array(ingressCidrSchema).min(1, 'needs at least one client CIDR'),
      'CIDR',
    ).describe('Networks allowed to call the endpoint'),
    hostedZone: z
      .object({
        zoneName: dnsNameSchema.describe(
          'Private hosted zone to create on the VPC, e.g. partner.internal',
        ),
        recordName: dnsLabelSchema.describe(
          'Record in that zone pointing at the endpoint',
        ),
      })
      .strict()
      .optional()
      .describe('A friendly private DNS name for the endpoint'),
  })
  .strict();

/** The SSM Session Manager bastion task. */
export const bastionSchema = z
  .object({
    enabled: z
      .boolean()
      .default(true)
      .describe('Initial value of the bastion_enabled variable'),
    targetPorts: unique(z.array(portSchema), 'port')
      .default([5432])
      .describe(
        'Ports inside the VPC the bastion may reach (e.g. 5432 for PostgreSQL)',
      ),
    imageTag: imageTagSchema
      .default('1.0.0')
      .describe('Tag of the bastion image in its ECR repository'),
  })
  .strict();

/** Route 53 private DNS and on-premises reachability. */
export const privateDnsSchema = z
  .object({
    zoneName: dnsNameSchema.describe(
      'Private hosted zone associated with the VPC, e.g. corp.internal',
    ),
    recordName: dnsLabelSchema
      .optional()
      .describe('Record for the internal ALB (default: the service name)'),
    inboundResolver: z
      .object({
        subnetIds: unique(
          z
            .array(subnetIdSchema)
            .length(2, 'needs exactly two subnets (one IP address in each)'),
          'subnet',
        ).describe('Two subnets for the resolver endpoint'),
        allowedCidrs: unique(
          z
            .array(ingressCidrSchema)
            .min(1, "needs the on-premises DNS servers' CIDRs"),
          'CIDR',
        ).describe(
          'On-premises DNS forwarders allowed to query (TCP and UDP 53)',
        ),
      })
      .strict()
      .optional()
      .describe(
        'An inbound Route 53 Resolver endpoint for on-premises DNS forwarding',
      ),
    onPremisesRoutes: z
      .object({
        cidrs: unique(
          z
            .array(
              cidrSchema.refine(
                value => !value.endsWith('/0'),
                'must not be 0.0.0.0/0: the internal ALB admits these networks on its listener port; name the on-premises networks',
              ),
            )
            .min(1, 'needs at least one on-premises CIDR'),
          'CIDR',
        ).describe(
          'On-premises networks; the internal ALB admits them on its listener port',
        ),
        virtualPrivateGatewayId: virtualPrivateGatewayIdSchema
          .optional()
          .describe('Virtual private gateway (Direct Connect or VPN)'),
        transitGatewayId: transitGatewayIdSchema
          .optional()
          .describe('Transit gateway'),
      })
      .strict()
      .superRefine((value, ctx) => {
        if (!value.virtualPrivateGatewayId === !value.transitGatewayId) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['virtualPrivateGatewayId'],
            message:
              'set exactly one of virtualPrivateGatewayId and transitGatewayId',
          });
        }
      })
      .optional()
      .describe('Routes for on-premises CIDRs in every private route table'),
  })
  .strict();

/** The relative folder the Terraform goes into. */
export const targetPathSchema = z
  .string()
  .regex(
    /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._/-]{1,200}$/,
    'must be a relative path inside the workspace, like infra',
  );

/** Everything `private-fargate:terraform` reads, field by field. */
export const terraformRequestShape = {
  targetPath: targetPathSchema
    .default('infra')
    .describe('Folder in the workspace to write the Terraform into'),
  serviceName: serviceNameSchema.describe(
    'Service name; used in resource names and the Service tag',
  ),
  owner: tagTextSchema(256)
    .refine(value => value.trim() !== '', 'must name the owning team')
    .describe(
      'Owner written to the Owner tag, e.g. team-payments or group:default/payments',
    ),
  description: freeTextSchema(1024)
    .default('')
    .describe(
      'What the service does, in any words (a variable default in variables.tf and the README)',
    ),
  templateVersion: tagTextSchema(128)
    .default('unversioned')
    .describe(
      'Version of the template that generated the code (TemplateVersion tag)',
    ),
  trafficGbPerMonth: z
    .number()
    .min(0)
    .max(1_000_000)
    .default(10)
    .describe(
      'GB a month through the endpoints, for the cost table in infra/README.md',
    ),
  components: z
    .array(z.enum(TERRAFORM_COMPONENTS))
    .min(1, 'name at least one component')
    .refine(
      list => new Set(list).size === list.length,
      'lists a component twice',
    )
    .describe(`Components to write: ${TERRAFORM_COMPONENTS.join(', ')}`),
  requirements: planRequirementsSchema.describe(
    "What the service needs (the planner's requirements)",
  ),
  network: networkSchema.describe('The existing VPC'),
  service: serviceSchema
    .optional()
    .describe('The Fargate service (component service)'),
  privateLinkProvider: privateLinkProviderSchema
    .optional()
    .describe('Endpoint service settings (component privatelink-provider)'),
  privateLinkConsumer: privateLinkConsumerSchema
    .optional()
    .describe('Consumer endpoint settings (component privatelink-consumer)'),
  bastion: bastionSchema
    .optional()
    .describe('Bastion settings (component bastion)'),
  privateDns: privateDnsSchema
    .optional()
    .describe('Private DNS settings (component private-dns)'),
};

/** The whole request, with the checks that span fields. */
export const terraformRequestSchema = z
  .object(terraformRequestShape)
  .strict()
  .superRefine((value, ctx) => {
    const has = (component: TerraformComponent) =>
      value.components.includes(component);
    const need = (field: keyof typeof value, component: TerraformComponent) => {
      if (has(component) && value[field] === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field],
          message: `is required with the ${component} component`,
        });
      }
    };
    need('service', 'service');
    need('privateLinkConsumer', 'privatelink-consumer');
    need('privateDns', 'private-dns');
    for (const component of ['privatelink-provider', 'private-dns'] as const) {
      if (has(component) && !(has('service') && value.service?.loadBalancer)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['service', 'loadBalancer'],
          message: `is required with the ${component} component: it points at the service's internal ALB`,
        });
      }
    }
    if (
      value.requirements.exec.kmsKey &&
      has('service') &&
      !value.service?.existingClusterName &&
      !value.service?.execKmsKeyArn
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['service', 'execKmsKeyArn'],
        message:
          'is required when requirements.exec.kmsKey is true: name the key that encrypts Exec sessions',
      });
    }
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    if (
      value.service?.secretsKmsKeyArn &&
      (value.service.secrets ?? []).length === 0
    ) {
      issue(
        ['service', 'secretsKmsKeyArn'],
        'is set, but the service has no secrets to decrypt: add service.secrets or remove the key',
      );
    }
    for (const { index, message } of secretsNeedingNewerPlatform(
      value.requirements.platformVersion,
      value.service?.secrets ?? [],
    )) {
      issue(['service', 'secrets', index, 'valueFrom'], message);
    }
    // AWS keeps the internal- prefix for internal load balancers' DNS names.
    const loadBalancerName = shortName(value.serviceName, 'alb');
    if (
      has('service') &&
      value.service?.loadBalancer &&
      loadBalancerName.startsWith('internal-')
    ) {
      issue(
        ['serviceName'],
        `would name the internal load balancer "${loadBalancerName}", and AWS refuses load balancer names that begin with "internal-": choose a service name that does not begin with "internal-", or leave out service.loadBalancer`,
      );
    }
    // Endpoints are Regional, and without a NAT path nothing else leaves the VPC: a key or a
    // secret in another Region, or a secret in a store the plan has no endpoint for (the plan
    // step derives the stores from containerSecrets), is out of the task's reach.
    const region = value.requirements.region;
    if (has('service') && value.requirements.egress === 'none') {
      const kmsKeyRegion =
        value.service?.execKmsKeyArn &&
        regionOfArn(value.service.execKmsKeyArn);
      if (kmsKeyRegion && kmsKeyRegion !== region) {
        issue(
          ['service', 'execKmsKeyArn'],
          `is in ${kmsKeyRegion}, but the task runs in ${region} and the kms endpoint reaches only its own Region, so Exec sessions could not be encrypted without a NAT gateway: use a key in ${region}`,
        );
      }
      for (const { index, message } of secretsInOtherRegions(
        region,
        value.service?.secrets ?? [],
      )) {
        issue(['service', 'secrets', index, 'valueFrom'], message);
      }
      value.service?.secrets.forEach((secret, index) => {
        const source = secretSourceOf(secret.valueFrom);
        if (source && !value.requirements.secrets.includes(source)) {
          issue(
            ['service', 'secrets', index, 'valueFrom'],
            `points into ${SECRET_SOURCE_LABELS[source]}, but requirements.secrets does not list "${source}", so the task could not read it without a NAT gateway: add "${source}" to requirements.secrets, or give private-fargate:plan the secrets as containerSecrets and pass on its requirements`,
          );
        }
      });
    }
    for (const { index, message } of subnetsOutsideRegion(
      region,
      value.network.privateSubnets,
    )) {
      issue(['network', 'privateSubnets', index, 'availabilityZone'], message);
    }
    // A consumer endpoint goes in its endpoint service's Region.
    const serviceRegion =
      value.privateLinkConsumer &&
      regionOfEndpointServiceName(value.privateLinkConsumer.serviceName);
    if (
      has('privatelink-consumer') &&
      serviceRegion &&
      serviceRegion !== region
    ) {
      issue(
        ['privateLinkConsumer', 'serviceName'],
        `is an endpoint service in ${serviceRegion}, but this stack is in ${region} (requirements.region): a consumer endpoint goes in its service's Region, so set requirements.region to ${serviceRegion} and give subnets of a VPC there`,
      );
    }
    if (value.network.endpointIngress === 'task-security-group') {
      if (!has('service')) {
        issue(
          ['network', 'endpointIngress'],
          '"task-security-group" needs the service component; use "vpc-cidr"',
        );
      } else if (has('bastion')) {
        issue(
          ['network', 'endpointIngress'],
          'the bastion also pulls its image through the endpoints; use "vpc-cidr" with the bastion component',
        );
      }
    }
    if (value.network.endpointSubnets && !has('endpoints')) {
      issue(
        ['network', 'endpointSubnets'],
        'dedicated endpoint subnets are created by the endpoints component; add it to components or remove endpointSubnets',
      );
    }
    if (has('service') && value.requirements.imageSource !== 'ecr') {
      issue(
        ['requirements', 'imageSource'],
        `"${value.requirements.imageSource}" is not generated yet; use "ecr" (the service gets its own ECR repository)`,
      );
    }
    if (
      has('service') &&
      value.requirements.logging === 'firelens-cloudwatch'
    ) {
      issue(
        ['requirements', 'logging'],
        '"firelens-cloudwatch" is not generated yet; use "awslogs" or "none"',
      );
    }
    if (value.requirements.launchType !== 'FARGATE') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['requirements', 'launchType'],
        message: 'must be FARGATE: this action writes Fargate services only',
      });
    }
  });

/** Parsed request with defaults filled in. */
export type TerraformRequest = z.output<typeof terraformRequestSchema>;
/** Request as callers write it. */
export type TerraformRequestInput = z.input<typeof terraformRequestSchema>;
