import { z } from 'zod/v3';
import {
  block,
  call,
  escapeString,
  HclBlock,
  HclBodyInput,
  HclExpression,
  HclFileItem,
  HclValue,
  nested,
  raw,
  ref,
  template,
} from '../hcl';

/** A local module (or the root module) before rendering. */
export interface TerraformModuleSource {
  /** Directory relative to the Terraform root, `''` for the root module. */
  dir: string;
  main: Array<HclBlock | HclFileItem>;
  variables: HclBlock[];
  outputs: HclBlock[];
}

/** A `resource` block. */
export function resource(
  type: string,
  name: string,
  body: HclBodyInput,
): HclBlock {
  return block('resource', [type, name], body);
}

/** A `data` block. */
export function dataSource(
  type: string,
  name: string,
  body: HclBodyInput = {},
): HclBlock {
  return block('data', [type, name], body);
}

/** Options of {@link variable}. */
export interface VariableOptions {
  type: string;
  description: string;
  default?: HclValue;
  validations?: Array<{ condition: string; errorMessage: string }>;
}

/** A `variable` block with type, description, optional default and validation blocks. */
export function variable(name: string, options: VariableOptions): HclBlock {
  return block('variable', [name], {
    type: raw(options.type),
    description: options.description,
    default: options.default,
    validation: options.validations?.map(rule =>
      nested('validation', {
        condition: raw(rule.condition),
        error_message: rule.errorMessage,
      }),
    ),
  });
}

/** An `output` block. */
export function output(
  name: string,
  description: string,
  value: HclValue,
): HclBlock {
  return block('output', [name], { description, value });
}

/** The standard `tags` variable every module takes. */
export const TAGS_VARIABLE = variable('tags', {
  type: 'map(string)',
  description: 'Tags applied to every resource',
});

/** `merge(var.tags, { Name = name })`. */
export function tagsWithName(name: string): HclValue {
  return raw(`merge(var.tags, { Name = ${escapeString(name)} })`);
}

/** One IAM policy statement, rendered as an `aws_iam_policy_document` statement block. */
export interface PolicyStatement {
  sid: string;
  actions: string[];
  resources?: HclValue[];
  principals?: Array<{ type: string; identifiers: HclValue[] }>;
  conditions?: Array<{ test: string; variable: string; values: HclValue[] }>;
}

/** A `data "aws_iam_policy_document"` block; `count` gates it like the resources it serves. */
export function policyDocument(
  name: string,
  statements: PolicyStatement[],
  count?: HclValue,
): HclBlock {
  return dataSource('aws_iam_policy_document', name, {
    count,
    statement: statements.map(statement =>
      nested('statement', {
        sid: statement.sid,
        effect: 'Allow',
        actions: statement.actions,
        resources: statement.resources,
        principals: statement.principals?.map(principal =>
          nested('principals', {
            type: principal.type,
            identifiers: principal.identifiers,
          }),
        ),
        condition: statement.conditions?.map(condition =>
          nested('condition', {
            test: condition.test,
            variable: condition.variable,
            values: condition.values,
          }),
        ),
      }),
    ),
  });
}

/** The trust policy that lets a service principal assume a role. */
export function assumeRoleDocument(
  name: string,
  service: string,
  count?: HclValue,
  conditions?: PolicyStatement['conditions'],
): HclBlock {
  return policyDocument(
    name,
    [
      {
        sid: 'AssumeRole',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'Service', identifiers: [service] }],
        conditions,
      },
    ],
    count,
  );
}

/** The `data "aws_caller_identity" "current"` block that {@link ecsTaskRoleTrust} reads. */
export const CALLER_IDENTITY = dataSource('aws_caller_identity', 'current');

/**
 * The trust policy of an ECS task role: only tasks of this account in `region` may assume it.
 * AWS recommends aws:SourceAccount and aws:SourceArn here against the confused deputy problem;
 * ECS cannot narrow them to one cluster. The module must hold {@link CALLER_IDENTITY}.
 */
export function ecsTaskRoleTrust(
  name: string,
  region: string,
  count?: HclValue,
): HclBlock {
  const account = ref('data.aws_caller_identity.current.account_id');
  return assumeRoleDocument(name, 'ecs-tasks.amazonaws.com', count, [
    { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account] },
    {
      test: 'ArnLike',
      variable: 'aws:SourceArn',
      values: [call('format', `arn:aws:ecs:${region}:%s:*`, account)],
    },
  ]);
}

/** The `data "aws_vpc" "this"` lookup of `var.vpc_id` that {@link vpcDnsLifecycle} reads. */
export const VPC_LOOKUP = dataSource('aws_vpc', 'this', {
  id: ref('var.vpc_id'),
});

/**
 * A lifecycle whose precondition stops the plan unless the VPC has both DNS attributes on, DNS
 * resolution and DNS hostnames; hostnames are off by default in every VPC but the default one.
 * `needs` opens the error message: what needs them. With `vpc`, the message names the VPC
 * (an expression), so whoever reads it knows which one to change. The module must hold
 * {@link VPC_LOOKUP}.
 */
export function vpcDnsLifecycle(needs: string, vpc?: HclExpression): HclBlock {
  const tail =
    ' on: DNS resolution and DNS hostnames (hostnames are off by default outside the default VPC). Turn them on in the VPC settings, or with aws ec2 modify-vpc-attribute (once with --enable-dns-support, once with --enable-dns-hostnames), then plan again.';
  return nested('lifecycle', {
    precondition: nested('precondition', {
      condition: raw(
        'data.aws_vpc.this.enable_dns_support && data.aws_vpc.this.enable_dns_hostnames',
      ),
      error_message: vpc
        ? template(`${needs} needs both DNS attributes of VPC `, vpc, tail)
        : `${needs} needs both DNS attributes of the VPC${tail}`,
    }),
  });
}

/** The lifecycle of an interface endpoint with private DNS, which AWS refuses without both DNS attributes. */
export const PRIVATE_DNS_LIFECYCLE = vpcDnsLifecycle(
  'Private DNS on the VPC endpoints',
);

/**
 * The lifecycle of a private hosted zone associated with `var.vpc_id`. Route 53 requires both DNS
 * attributes on a VPC that uses a private zone: its names are answered only by the VPC's own
 * resolver, which DNS resolution turns on. The plan stops before creating a zone whose names
 * would not resolve.
 */
export function privateZoneLifecycle(zoneName: string): HclBlock {
  return vpcDnsLifecycle(
    `The private hosted zone ${zoneName}`,
    ref('var.vpc_id'),
  );
}

/** `count = var.<flag> ? 1 : 0`. */
export function countIf(flag: string): HclValue {
  return raw(`var.${flag} ? 1 : 0`);
}

/** A Terraform regex condition taken from a zod string schema's own pattern. */
export function regexSource(schema: z.ZodTypeAny): string {
  let current: z.ZodTypeAny = schema;
  while (
    current instanceof z.ZodEffects ||
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault
  ) {
    current =
      current instanceof z.ZodEffects
        ? current.innerType()
        : (current._def.innerType as z.ZodTypeAny);
  }
  if (current instanceof z.ZodString) {
    for (const check of current._def.checks) {
      if (check.kind === 'regex') return check.regex.source;
    }
  }
  throw new Error('schema has no regex pattern');
}

/** A validation rule: each string of `expression` matches `pattern`. */
export function matchesPattern(
  expression: string,
  pattern: string,
  list = false,
): string {
  const quoted = escapeString(pattern);
  return list
    ? `alltrue([for item in ${expression} : can(regex(${quoted}, item))])`
    : `can(regex(${quoted}, ${expression}))`;
}
