import ipaddr from 'ipaddr.js';
import { z } from 'zod/v3';
import {
  ENDPOINT_SERVICE_SUFFIXES,
  EndpointServiceSuffix,
  isKnownEndpointService,
} from './catalogue';
import {
  SUPPORTED_REGIONS,
  SupportedRegion,
  isSupportedRegion,
} from './regions';

/**
 * Type errors for a required field: `is required` when missing, `otherwise` for a wrong type.
 *
 * @public
 */
export function requiredOr(otherwise: string) {
  return { required_error: 'is required', invalid_type_error: otherwise };
}

/**
 * An enum whose error lists the allowed values and the value received.
 *
 * @public
 */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
) {
  const allowed = `expected one of: ${values.join(', ')}`;
  return z.enum(values as unknown as [T[number], ...T[number][]], {
    errorMap: (_issue, ctx) => {
      if (ctx.data === undefined) {
        return { message: `is required; ${allowed}` };
      }
      return {
        message: `${JSON.stringify(ctx.data)} is not allowed; ${allowed}`,
      };
    },
  });
}

/** 12-digit AWS account ID. @public */
export const awsAccountIdSchema = z
  .string()
  .regex(/^\d{12}$/, 'must be a 12-digit AWS account ID, e.g. 123456789012');

const REGION_CODE_HINT = 'must be a Region code such as ap-northeast-1';

/** A Region code from SUPPORTED_REGIONS. @public */
export const awsRegionSchema = z
  .string(requiredOr(REGION_CODE_HINT))
  .superRefine((value, ctx) => {
    if (value === '') {
      ctx.addIssue({
        code: 'custom',
        message: `is empty: ${REGION_CODE_HINT}`,
      });
    } else if (!isSupportedRegion(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown AWS Region "${value}"; expected one of: ${SUPPORTED_REGIONS.join(
          ', ',
        )}`,
      });
    }
  })
  .transform(value => value as SupportedRegion);

function awsIdSchema(prefix: string, example: string) {
  return z
    .string()
    .regex(
      new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`),
      `must be "${prefix}-" followed by 8 or 17 lower-case hex digits, e.g. ${example}`,
    );
}

/** `vgw-` virtual private gateway ID. @public */
export const virtualPrivateGatewayIdSchema = awsIdSchema(
  'vgw',
  'vgw-0a1b2c3d4e5f60718',
);
/** `tgw-` transit gateway ID. @public */
export const transitGatewayIdSchema = awsIdSchema(
  'tgw',
  'tgw-0a1b2c3d4e5f60718',
);

/** Availability Zone name (not an AZ ID), e.g. `ap-northeast-1a`, as Terraform's `availability_zone` takes. @public */
export const availabilityZoneNameSchema = z
  .string()
  .regex(
    /^[a-z]{2}(?:-[a-z]+)+-\d[a-z]$/,
    'must be an Availability Zone name like ap-northeast-1a',
  );

// ECS takes a secret's ARN followed by :<json-key>:<version-stage>:<version-id>, any of them
// empty, to inject one JSON key or one version of it.
const SECRET_REFERENCE_ARN =
  /^arn:aws:(?:secretsmanager:[a-z0-9-]+:\d{12}:secret:(?<secretName>[A-Za-z0-9/_+=.@-]{1,512})(?::[A-Za-z0-9/_+=.@-]{0,256}:[A-Za-z0-9_-]{0,256}:[A-Za-z0-9-]{0,64})?|ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9/_.-]{1,1011})$/;

/** A Secrets Manager secret ARN or an SSM parameter ARN, as task-definition secrets take. @public */
export const secretReferenceArnSchema = z
  .string()
  .regex(
    SECRET_REFERENCE_ARN,
    'must be a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>, optionally followed by :<json-key>:<version-stage>:<version-id>, e.g. :password:: for one JSON key) or an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)',
  )
  // ECS takes only a secret's full ARN, whose name ends in the hyphen and six random characters
  // Secrets Manager adds; a partial ARN fails when the task starts, and IAM does not match it.
  // Judged only on a secret ARN of the right shape, so a malformed one gets the message above alone.
  .refine(arn => {
    const name = SECRET_REFERENCE_ARN.exec(arn)?.groups?.secretName;
    return name === undefined || /-[A-Za-z0-9]{6}$/.test(name);
  }, "must be the secret's full ARN, which ends in a hyphen and the six random characters Secrets Manager adds to the name (e.g. ...:secret:orders-db-AbCdEf): copy it from the secret's page in the console or from aws secretsmanager describe-secret");

/** KMS key ARN. @public */
export const kmsKeyArnSchema = z
  .string()
  .regex(
    /^arn:aws:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/,
    'must be a KMS key ARN like arn:aws:kms:<region>:<account>:key/<uuid>',
  );

/** ECS cluster name. @public */
export const ecsClusterNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,255}$/,
    'must be an ECS cluster name (letters, digits, - and _)',
  );

/** Container image tag. @public */
export const imageTagSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/,
    'must be a container image tag like 1.0.0',
  );

const PORT_HINT = 'must be a port number, a whole number from 1 to 65535';

/** A TCP port, 1 to 65535. @public */
export const portSchema = z
  .number(requiredOr(PORT_HINT))
  .int(PORT_HINT)
  .min(1, PORT_HINT)
  .max(65535, PORT_HINT);

/** A TCP port written in digits, as a catalog annotation holds it, e.g. `8080`. @public */
export const portTextSchema = z
  .string()
  .regex(/^[1-9]\d{0,4}$/, `${PORT_HINT}, written in digits such as 8080`)
  .transform(Number)
  .pipe(portSchema);

/** `vpc-` ID. @public */
export const vpcIdSchema = awsIdSchema('vpc', 'vpc-0a1b2c3d4e5f60718');
/** `subnet-` ID. @public */
export const subnetIdSchema = awsIdSchema('subnet', 'subnet-0a1b2c3d4e5f60718');
/** `rtb-` route table ID. @public */
export const routeTableIdSchema = awsIdSchema('rtb', 'rtb-0a1b2c3d4e5f60718');
/** `sg-` security group ID. @public */
export const securityGroupIdSchema = awsIdSchema('sg', 'sg-0a1b2c3d4e5f60718');
/** `vpce-` VPC endpoint ID. @public */
export const vpcEndpointIdSchema = awsIdSchema(
  'vpce',
  'vpce-0a1b2c3d4e5f60718',
);
/** `vpce-svc-` endpoint service ID. @public */
export const endpointServiceIdSchema = awsIdSchema(
  'vpce-svc',
  'vpce-svc-0a1b2c3d4e5f60718',
);

/** The Region an ARN names, its fourth field: `us-east-1` for `arn:aws:kms:us-east-1:…`. @public */
export function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3];
}

/** The Region a PrivateLink service name `com.amazonaws.vpce.<region>.vpce-svc-<id>` names. @public */
export function regionOfEndpointServiceName(name: string): string | undefined {
  return name.split('.')[3];
}

/** PrivateLink service name `com.amazonaws.vpce.<region>.vpce-svc-<id>`. @public */
export const endpointServiceNameSchema = z
  .string()
  .regex(
    /^com\.amazonaws\.vpce\.[a-z]{2}(?:-[a-z]+)+-\d\.vpce-svc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
    'must look like com.amazonaws.vpce.<region>.vpce-svc-<8 or 17 hex digits>',
  )
  .superRefine((value, ctx) => {
    const region = regionOfEndpointServiceName(value);
    if (!region || !isSupportedRegion(region)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown AWS Region "${region}" in the service name`,
      });
    }
  });

const FORBIDDEN_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const FORBIDDEN_BUCKET_SUFFIXES = [
  '-s3alias',
  '--ol-s3',
  '.mrap',
  '--x-s3',
  '--table-s3',
];

/**
 * S3 general purpose bucket name, by AWS's naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
 *
 * @public
 */
export const s3BucketNameSchema = z
  .string()
  .min(3, 'must be 3 to 63 characters long')
  .max(63, 'must be 3 to 63 characters long')
  .regex(
    /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    'may contain only lower-case letters, digits, dots and hyphens, and must begin and end with a letter or digit',
  )
  .refine(value => !value.includes('..'), 'must not contain two adjacent dots')
  .refine(
    value => !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value),
    'must not be formatted as an IP address',
  )
  .refine(
    value =>
      !FORBIDDEN_BUCKET_PREFIXES.some(prefix => value.startsWith(prefix)),
    `must not start with ${FORBIDDEN_BUCKET_PREFIXES.join(', ')}`,
  )
  .refine(
    value => !FORBIDDEN_BUCKET_SUFFIXES.some(suffix => value.endsWith(suffix)),
    `must not end with ${FORBIDDEN_BUCKET_SUFFIXES.join(', ')}`,
  );

/** IPv4 CIDR block whose address is the network address, e.g. `10.0.0.0/16`. @public */
export const cidrSchema = z.string().superRefine((value, ctx) => {
  if (
    !/^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}\/(?:\d|[12]\d|3[0-2])$/.test(
      value,
    ) ||
    !ipaddr.IPv4.isValidCIDRFourPartDecimal(value)
  ) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an IPv4 CIDR block like 10.0.0.0/16`,
    });
    return;
  }
  const [address, prefix] = ipaddr.IPv4.parseCIDR(value);
  const network = ipaddr.IPv4.networkAddressFromCIDR(value).toString();
  if (network !== address.toString()) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" has host bits set; did you mean ${network}/${prefix}?`,
    });
  }
});

const PRINCIPAL_ARN = /^arn:aws:iam::\d{12}:(?:root|role\/[\w+=,.@-]{1,64})$/;
const ROLE_ARN_WITH_PATH =
  /^arn:aws:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)+[\w+=,.@-]{1,64}$/;

/**
 * `arn:aws:iam::<account>:root` or `arn:aws:iam::<account>:role/<name>`, as an endpoint service's
 * allowed principals take them. A role ARN with a path is refused: EC2's
 * ModifyVpcEndpointServicePermissions does not support principal ARNs with path components, so
 * `terraform apply` would fail.
 *
 * @public
 */
export const principalArnSchema = z
  .string({
    errorMap: (issue, ctx) =>
      issue.code === 'invalid_string' && typeof ctx.data === 'string'
        ? {
            message: ROLE_ARN_WITH_PATH.test(ctx.data)
              ? `"${
                  ctx.data
                }" is a role ARN with a path, and PrivateLink does not accept principal ARNs with path components (the apply would fail): allow the account instead (arn:aws:iam::${
                  ctx.data.split(':')[4]
                }:root) and let it grant the role in IAM, or use a role created without a path`
              : 'must be arn:aws:iam::<12-digit account>:root or arn:aws:iam::<12-digit account>:role/<name> (a role without a path)',
          }
        : { message: ctx.defaultError },
  })
  .regex(PRINCIPAL_ARN);

/** A DNS host name (RFC 1123 labels), e.g. `api.internal.example.com`. @public */
export const dnsNameSchema = z
  .string()
  .max(253, 'must be at most 253 characters')
  .regex(
    /^(?=.{1,253}$)(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/,
    'must be a DNS name: dot-separated labels of letters, digits and inner hyphens, each at most 63 characters',
  );

/** Our service names: 2-32 characters, lower-case letters, digits and single inner hyphens, starting with a letter, and not `sg-…` (every security group is named after the service). @public */
export const serviceNameSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/,
    'must be 2-32 characters of lower-case letters, digits and hyphens, start with a letter and not end with a hyphen',
  )
  .refine(
    value => !value.includes('--'),
    'must not contain two adjacent hyphens',
  )
  // Every component names its security groups `<name>-…`.
  .refine(
    value => !`${value}-`.startsWith('sg-'),
    'must not be "sg" or begin with "sg-": security groups are named after the service, and AWS refuses security group names that begin with sg-',
  );

/** One endpoint suffix from the catalogue, e.g. `ecr.api`. @public */
export const endpointServiceSuffixSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (!isKnownEndpointService(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown endpoint service "${value}"; expected one of: ${ENDPOINT_SERVICE_SUFFIXES.join(
          ', ',
        )}`,
      });
    }
  })
  .transform(value => value as EndpointServiceSuffix);

/**
 * A comma-separated list of endpoint suffixes (`ecr.api,ecr.dkr,s3`) parsed into an array;
 * blanks around commas are ignored, duplicates and unknown suffixes are errors.
 *
 * @public
 */
export const endpointSuffixListSchema = z.string().transform((value, ctx) => {
  const items = value
    .split(',')
    .map(item => item.trim())
    .filter(item => item !== '');
  const result: EndpointServiceSuffix[] = [];
  for (const item of items) {
    if (!isKnownEndpointService(item)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown endpoint service "${item}"; expected one of: ${ENDPOINT_SERVICE_SUFFIXES.join(
          ', ',
        )}`,
      });
      return z.NEVER;
    }
    if (result.includes(item)) {
      ctx.addIssue({
        code: 'custom',
        message: `endpoint service "${item}" is listed twice`,
      });
      return z.NEVER;
    }
    result.push(item);
  }
  return result;
});
