import { format } from '@cdktf/hcl-tools';
import { getReferencesInExpression } from '@cdktf/hcl2json';
import path from 'node:path';
import {
  BlockInstance,
  blocksOf,
  isExpression,
  localNames,
  namedBlocks,
  ParsedModule,
  readTerraformTree,
  stringsIn,
} from './hclTree';
import {
  awsProviderSchema,
  ProviderSchema,
  SchemaBlock,
} from './providerSchema';

/** One failed gate. */
export interface TerraformProblem {
  rule:
    | 'parse'
    | 'format'
    | 'schema'
    | 'references'
    | 'ingress'
    | 'public-ip'
    | 'endpoint-ports'
    | 's3-policy'
    | 'acceptance'
    | 'iam-wildcard'
    | 'role-trust'
    | 'ecr'
    | 'tags';
  file: string;
  message: string;
}

/** Options of {@link checkTerraformTree}. */
export interface CheckTerraformTreeOptions {
  /** Allow `acceptance_required = false` (the input opted out explicitly). */
  allowAcceptanceOptOut?: boolean;
  schema?: ProviderSchema;
}

/** What the checks found, for assertions beyond pass or fail. */
export interface TerraformTreeReport {
  problems: TerraformProblem[];
  /** Buckets the S3 gateway endpoint policies name (without `/*`). */
  s3PolicyBuckets: string[];
  /** Service names of the AWS-service endpoints, by module directory. */
  awsServiceEndpoints: Array<{
    dir: string;
    serviceName: string;
    privateDnsEnabled: unknown;
  }>;
  /** Number of resource and data blocks checked against the schema. */
  checkedBlocks: number;
}

const RESOURCE_META = new Set([
  'count',
  'for_each',
  'depends_on',
  'lifecycle',
  'provider',
  'provisioner',
  'connection',
]);
const MODULE_META = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'depends_on',
  'providers',
]);
const OPEN_CIDRS = new Set(['0.0.0.0/0', '::/0']);
const AWS_SERVICE_NAME = /^com\.amazonaws\.[a-z0-9-]+\.(?!vpce\.)[a-z0-9.-]+$/;

function checkAgainstSchema(
  instance: BlockInstance,
  body: Record<string, any>,
  schema: SchemaBlock,
  where: string,
  problems: TerraformProblem[],
  topLevel: boolean,
) {
  for (const [key, value] of Object.entries(body)) {
    if (topLevel && RESOURCE_META.has(key)) continue;
    if (key in schema.blocks) {
      if (!Array.isArray(value)) {
        problems.push({
          rule: 'schema',
          file: instance.file,
          message: `${where}: ${key} is a block, not an attribute`,
        });
        continue;
      }
      for (const nestedBody of value) {
        checkAgainstSchema(
          instance,
          nestedBody,
          schema.blocks[key],
          `${where}.${key}`,
          problems,
          false,
        );
      }
    } else if (!(key in schema.arguments)) {
      problems.push({
        rule: 'schema',
        file: instance.file,
        message: `${where}: unknown argument or block "${key}"`,
      });
    }
  }
  for (const [name, argument] of Object.entries(schema.arguments)) {
    if (argument.required && !(name in body)) {
      problems.push({
        rule: 'schema',
        file: instance.file,
        message: `${where}: required argument "${name}" is missing`,
      });
    }
  }
  for (const [name, nested] of Object.entries(schema.blocks)) {
    if (nested.required && !(name in body)) {
      problems.push({
        rule: 'schema',
        file: instance.file,
        message: `${where}: required block "${name}" is missing`,
      });
    }
  }
}

function referenceParts(reference: string): string[] {
  return reference.match(/[^.[\]]+/g) ?? [];
}

async function checkReferences(
  module: ParsedModule,
  modulesByDir: Map<string, ParsedModule>,
  problems: TerraformProblem[],
) {
  const variables = namedBlocks(module, 'variable');
  const locals = localNames(module);
  const calls = namedBlocks(module, 'module');
  const declared = new Set(
    blocksOf(module).map(
      b => `${b.kind === 'data' ? 'data.' : ''}${b.type}.${b.name}`,
    ),
  );

  const outputsOf = (name: string): Set<string> | undefined => {
    const call = calls.get(name);
    const source = call?.body.source;
    if (typeof source !== 'string' || !source.startsWith('./'))
      return undefined;
    const dir = path.posix.normalize(
      path.posix.join(module.dir || '.', source),
    );
    const target = modulesByDir.get(dir === '.' ? '' : dir);
    return target ? new Set(namedBlocks(target, 'output').keys()) : new Set();
  };

  for (const file of module.files) {
    for (const { at, value } of stringsIn(file.json)) {
      if (!isExpression(value)) continue;
      const references = await getReferencesInExpression(file.path, value);
      for (const { value: reference } of references) {
        const parts = referenceParts(reference);
        const [root, second, third] = parts;
        let ok = true;
        if (root === 'var') ok = variables.has(second);
        else if (root === 'local') ok = locals.has(second);
        else if (root === 'module') {
          const outputs = outputsOf(second);
          ok =
            calls.has(second) &&
            (third === undefined ||
              outputs === undefined ||
              outputs.has(third));
        } else if (root === 'data')
          ok = declared.has(`data.${second}.${third}`);
        else if (/^aws_/.test(root)) ok = declared.has(`${root}.${second}`);
        if (!ok) {
          problems.push({
            rule: 'references',
            file: file.path,
            message: `${at}: "${reference}" does not resolve`,
          });
        }
      }
    }
  }

  for (const [name, call] of calls) {
    const source = call.body.source;
    if (typeof source !== 'string' || !source.startsWith('./')) continue;
    const dir = path.posix.normalize(
      path.posix.join(module.dir || '.', source),
    );
    const target = modulesByDir.get(dir);
    if (!target) {
      problems.push({
        rule: 'references',
        file: call.file,
        message: `module "${name}": source ${source} has no .tf files`,
      });
      continue;
    }
    const targetVariables = namedBlocks(target, 'variable');
    for (const argument of Object.keys(call.body)) {
      if (!MODULE_META.has(argument) && !targetVariables.has(argument)) {
        problems.push({
          rule: 'references',
          file: call.file,
          message: `module "${name}": ${source} declares no variable "${argument}"`,
        });
      }
    }
    for (const [variableName, variable] of targetVariables) {
      if (!('default' in variable.body) && !(variableName in call.body)) {
        problems.push({
          rule: 'references',
          file: call.file,
          message: `module "${name}": required variable "${variableName}" is not passed`,
        });
      }
    }
  }
}

/** The name in a reference `${<type>.<name>.<attribute>}` (or `<name>[0]`), for the given attributes. */
function refName(
  value: unknown,
  type: string,
  attributes = ['id', 'json'],
): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = new RegExp(
    `^\\$\\{${type}\\.([a-z0-9_]+)(?:\\[0\\])?\\.(?:${attributes.join(
      '|',
    )})\\}$`,
  ).exec(value);
  return match?.[1];
}

/** Whether a policy statement has a `test` condition on `key` with at least one value. */
function hasCondition(
  statement: Record<string, any>,
  test: string,
  key: string,
): boolean {
  return (statement.condition ?? []).some(
    (condition: Record<string, any>) =>
      condition.test === test &&
      condition.variable === key &&
      (condition.values ?? []).length > 0,
  );
}

function first(value: unknown): Record<string, any> | undefined {
  return Array.isArray(value) ? value[0] : undefined;
}

function checkSecurity(
  module: ParsedModule,
  report: TerraformTreeReport,
  options: CheckTerraformTreeOptions,
) {
  const { problems } = report;
  const blocks = blocksOf(module);
  const byType = (type: string, kind: 'resource' | 'data' = 'resource') =>
    blocks.filter(b => b.type === type && b.kind === kind);

  for (const rule of [
    ...byType('aws_vpc_security_group_ingress_rule'),
    ...byType('aws_security_group_rule'),
  ]) {
    if (rule.type === 'aws_security_group_rule' && rule.body.type !== 'ingress')
      continue;
    for (const key of [
      'cidr_ipv4',
      'cidr_ipv6',
      'cidr_blocks',
      'ipv6_cidr_blocks',
    ]) {
      const values = ([] as unknown[]).concat(rule.body[key] ?? []);
      if (values.some(v => OPEN_CIDRS.has(String(v)))) {
        problems.push({
          rule: 'ingress',
          file: rule.file,
          message: `${rule.type}.${rule.name} admits ${key} from everywhere`,
        });
      }
    }
  }
  for (const group of byType('aws_security_group')) {
    for (const ingress of group.body.ingress ?? []) {
      const cidrs = [
        ...(ingress.cidr_blocks ?? []),
        ...(ingress.ipv6_cidr_blocks ?? []),
      ];
      if (cidrs.some((c: string) => OPEN_CIDRS.has(c))) {
        problems.push({
          rule: 'ingress',
          file: group.file,
          message: `aws_security_group.${group.name} has an inline ingress from everywhere`,
        });
      }
    }
  }
  for (const [name, variable] of namedBlocks(module, 'variable')) {
    const values = ([] as unknown[]).concat(variable.body.default ?? []);
    if (!/egress/.test(name) && values.some(v => OPEN_CIDRS.has(String(v)))) {
      problems.push({
        rule: 'ingress',
        file: variable.file,
        message: `variable "${name}" defaults to an open CIDR`,
      });
    }
  }

  for (const service of byType('aws_ecs_service')) {
    const network = first(service.body.network_configuration);
    if (!network || network.assign_public_ip !== false) {
      problems.push({
        rule: 'public-ip',
        file: service.file,
        message: `aws_ecs_service.${service.name} must set assign_public_ip = false`,
      });
    }
  }
  for (const subnet of byType('aws_subnet')) {
    if (subnet.body.map_public_ip_on_launch === true) {
      problems.push({
        rule: 'public-ip',
        file: subnet.file,
        message: `aws_subnet.${subnet.name} maps public IPs`,
      });
    }
  }
  for (const lb of byType('aws_lb')) {
    if (lb.body.internal !== true) {
      problems.push({
        rule: 'public-ip',
        file: lb.file,
        message: `aws_lb.${lb.name} must be internal = true`,
      });
    }
  }

  const endpointGroups = new Set<string>();
  for (const endpoint of byType('aws_vpc_endpoint')) {
    const serviceName = endpoint.body.service_name;
    if (typeof serviceName !== 'string' || !AWS_SERVICE_NAME.test(serviceName))
      continue;
    report.awsServiceEndpoints.push({
      dir: module.dir,
      serviceName,
      privateDnsEnabled: endpoint.body.private_dns_enabled,
    });
    if (endpoint.body.vpc_endpoint_type === 'Interface') {
      if (endpoint.body.private_dns_enabled !== true) {
        problems.push({
          rule: 'endpoint-ports',
          file: endpoint.file,
          message: `aws_vpc_endpoint.${endpoint.name} must set private_dns_enabled = true explicitly`,
        });
      }
      for (const group of endpoint.body.security_group_ids ?? []) {
        const name = refName(group, 'aws_security_group');
        if (name) endpointGroups.add(name);
        else
          problems.push({
            rule: 'endpoint-ports',
            file: endpoint.file,
            message: `aws_vpc_endpoint.${endpoint.name} uses a security group defined elsewhere`,
          });
      }
    }
    if (
      endpoint.body.vpc_endpoint_type === 'Gateway' &&
      serviceName.endsWith('.s3')
    ) {
      const documentName = refName(
        endpoint.body.policy,
        'data.aws_iam_policy_document',
      );
      const document = byType('aws_iam_policy_document', 'data').find(
        d => d.name === documentName,
      );
      if (!document) {
        problems.push({
          rule: 's3-policy',
          file: endpoint.file,
          message: `aws_vpc_endpoint.${endpoint.name} needs a least-privilege policy document`,
        });
        continue;
      }
      for (const statement of document.body.statement ?? []) {
        for (const resource of statement.resources ?? []) {
          const match =
            /^arn:aws:s3:::([a-z0-9][a-z0-9.-]*[a-z0-9])(\/\*)?$/.exec(
              resource,
            );
          if (!match) {
            problems.push({
              rule: 's3-policy',
              file: document.file,
              message: `S3 policy resource "${resource}" is not one named bucket`,
            });
          } else if (!report.s3PolicyBuckets.includes(match[1])) {
            report.s3PolicyBuckets.push(match[1]);
          }
        }
      }
    }
  }
  for (const group of byType('aws_security_group')) {
    if (!endpointGroups.has(group.name)) continue;
    if ((group.body.ingress ?? []).length > 0) {
      problems.push({
        rule: 'endpoint-ports',
        file: group.file,
        message: `aws_security_group.${group.name} must not have inline ingress`,
      });
    }
  }
  for (const rule of byType('aws_vpc_security_group_ingress_rule')) {
    const groupName = refName(
      rule.body.security_group_id,
      'aws_security_group',
    );
    if (!groupName || !endpointGroups.has(groupName)) continue;
    const {
      ip_protocol: protocol,
      from_port: from,
      to_port: to,
      cidr_ipv4: cidr,
    } = rule.body;
    if (protocol !== 'tcp' || from !== 443 || to !== 443) {
      problems.push({
        rule: 'endpoint-ports',
        file: rule.file,
        message: `${rule.name}: endpoint security groups admit only TCP 443`,
      });
    }
    const fromGroup =
      typeof rule.body.referenced_security_group_id === 'string';
    const fromVpc = typeof cidr === 'string' && isExpression(cidr);
    if (!fromGroup && !fromVpc) {
      problems.push({
        rule: 'endpoint-ports',
        file: rule.file,
        message: `${rule.name}: endpoint ingress must come from the VPC CIDR variable or a security group`,
      });
    }
  }

  for (const service of byType('aws_vpc_endpoint_service')) {
    if (
      service.body.acceptance_required !== true &&
      !options.allowAcceptanceOptOut
    ) {
      problems.push({
        rule: 'acceptance',
        file: service.file,
        message: `aws_vpc_endpoint_service.${service.name} must require acceptance`,
      });
    }
  }

  for (const document of byType('aws_iam_policy_document', 'data')) {
    for (const statement of document.body.statement ?? []) {
      if ('not_actions' in statement) {
        problems.push({
          rule: 'iam-wildcard',
          file: document.file,
          message: `${document.name}: not_actions grants everything else`,
        });
      }
      for (const action of statement.actions ?? []) {
        if (String(action).includes('*')) {
          problems.push({
            rule: 'iam-wildcard',
            file: document.file,
            message: `${document.name}: action "${action}" is a wildcard`,
          });
        }
      }
    }
  }
  for (const policy of [
    ...byType('aws_iam_role_policy'),
    ...byType('aws_iam_policy'),
  ]) {
    if (
      typeof policy.body.policy === 'string' &&
      !isExpression(policy.body.policy)
    ) {
      problems.push({
        rule: 'iam-wildcard',
        file: policy.file,
        message: `${policy.name}: write policies as aws_iam_policy_document so they can be checked`,
      });
    }
  }

  // A task role is what the application's code acts as: only this account's ECS tasks may
  // assume it (confused-deputy protection, as AWS recommends for task roles).
  for (const definition of byType('aws_ecs_task_definition')) {
    const roleName = refName(definition.body.task_role_arn, 'aws_iam_role', [
      'arn',
    ]);
    if (!roleName) continue;
    const role = byType('aws_iam_role').find(r => r.name === roleName);
    const documentName = refName(
      role?.body.assume_role_policy,
      'data.aws_iam_policy_document',
    );
    const document = byType('aws_iam_policy_document', 'data').find(
      d => d.name === documentName,
    );
    const scoped =
      document &&
      (document.body.statement ?? []).every(
        (statement: Record<string, any>) =>
          hasCondition(statement, 'StringEquals', 'aws:SourceAccount') &&
          hasCondition(statement, 'ArnLike', 'aws:SourceArn'),
      );
    if (!scoped) {
      problems.push({
        rule: 'role-trust',
        file: role?.file ?? definition.file,
        message: `aws_iam_role.${roleName}, the task role of aws_ecs_task_definition.${definition.name}, must trust only this account's tasks (aws:SourceAccount and aws:SourceArn conditions in an aws_iam_policy_document)`,
      });
    }
  }

  for (const repository of byType('aws_ecr_repository')) {
    const scanning = first(repository.body.image_scanning_configuration);
    if (
      repository.body.image_tag_mutability !== 'IMMUTABLE' ||
      scanning?.scan_on_push !== true
    ) {
      problems.push({
        rule: 'ecr',
        file: repository.file,
        message: `aws_ecr_repository.${repository.name} must be IMMUTABLE and scan on push`,
      });
    }
  }
}

/**
 * Runs the quality gates over a generated Terraform tree: HashiCorp's parser, `terraform fmt`
 * formatting, the AWS provider 6.x schema, references, tags and the security rules.
 */
export async function checkTerraformTree(
  root: string,
  options: CheckTerraformTreeOptions = {},
): Promise<TerraformTreeReport> {
  const schema = options.schema ?? awsProviderSchema;
  const report: TerraformTreeReport = {
    problems: [],
    s3PolicyBuckets: [],
    awsServiceEndpoints: [],
    checkedBlocks: 0,
  };
  const { modules, errors } = await readTerraformTree(root);
  for (const error of errors)
    report.problems.push({
      rule: 'parse',
      file: error.file,
      message: error.message,
    });
  const modulesByDir = new Map(modules.map(module => [module.dir, module]));

  for (const module of modules) {
    for (const file of module.files) {
      if ((await format(file.text)) !== file.text) {
        report.problems.push({
          rule: 'format',
          file: file.path,
          message: 'terraform fmt would change this file',
        });
      }
    }
    for (const instance of blocksOf(module)) {
      const table =
        instance.kind === 'resource' ? schema.resources : schema.dataSources;
      const where = `${instance.kind === 'data' ? 'data.' : ''}${
        instance.type
      }.${instance.name}`;
      const blockSchema = table[instance.type];
      if (!blockSchema) {
        report.problems.push({
          rule: 'schema',
          file: instance.file,
          message: `${where}: type not in the AWS provider schema fixture`,
        });
        continue;
      }
      report.checkedBlocks++;
      checkAgainstSchema(
        instance,
        instance.body,
        blockSchema,
        where,
        report.problems,
        true,
      );
      if (
        instance.kind === 'resource' &&
        'tags' in blockSchema.arguments &&
        !('tags' in instance.body)
      ) {
        report.problems.push({
          rule: 'tags',
          file: instance.file,
          message: `${where}: taggable resource without tags`,
        });
      }
    }
    await checkReferences(module, modulesByDir, report.problems);
    checkSecurity(module, report, options);
  }
  report.s3PolicyBuckets.sort();
  return report;
}
