#!/usr/bin/env node
/*
 * Extracts the AWS provider schema slice the quality gates check against.
 *
 * Fetches @cdktf/provider-aws (generated from hashicorp/aws 6.x) with `npm pack` into a
 * temporary directory, reads its `.jsii` manifest and writes, for each resource and data
 * source type listed below, its arguments (required or optional) and nested blocks to
 * src/testing/aws-provider-schema.json. The package is 392 MB unpacked, so it is never a
 * dependency; rerun this script to refresh the fixture.
 *
 * Usage: node scripts/extract-aws-schema.mjs [--jsii <path to an unpacked .jsii>]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROVIDER_PACKAGE = '@cdktf/provider-aws@21.22.1';

const RESOURCES = [
  'aws_cloudwatch_log_group',
  'aws_ecr_lifecycle_policy',
  'aws_ecr_repository',
  'aws_ecs_cluster',
  'aws_ecs_service',
  'aws_ecs_task_definition',
  'aws_iam_role',
  'aws_iam_role_policy',
  'aws_iam_role_policy_attachment',
  'aws_lb',
  'aws_lb_listener',
  'aws_lb_target_group',
  'aws_lb_target_group_attachment',
  'aws_route',
  'aws_route53_record',
  'aws_route53_resolver_endpoint',
  'aws_route53_zone',
  'aws_route_table_association',
  'aws_security_group',
  'aws_subnet',
  'aws_vpc_endpoint',
  'aws_vpc_endpoint_route_table_association',
  'aws_vpc_endpoint_service',
  'aws_vpc_endpoint_service_allowed_principal',
  'aws_vpc_endpoint_subnet_association',
  'aws_vpc_security_group_egress_rule',
  'aws_vpc_security_group_ingress_rule',
];

const DATA_SOURCES = [
  'aws_caller_identity',
  'aws_ecs_cluster',
  'aws_iam_policy_document',
  'aws_partition',
  'aws_prefix_list',
  'aws_region',
  'aws_route_table',
  'aws_subnet',
  'aws_vpc',
];

const here = path.dirname(fileURLToPath(import.meta.url));
const outputFile = path.resolve(
  here,
  '../src/testing/aws-provider-schema.json',
);

function loadJsii() {
  const flag = process.argv.indexOf('--jsii');
  if (flag !== -1) {
    return JSON.parse(fs.readFileSync(process.argv[flag + 1], 'utf8'));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-aws-'));
  try {
    const tarball = execFileSync(
      'npm',
      ['pack', PROVIDER_PACKAGE, '--silent', '--pack-destination', dir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    ).trim();
    execFileSync('tar', [
      'xzf',
      path.join(dir, tarball),
      '-C',
      dir,
      'package/.jsii',
    ]);
    return JSON.parse(fs.readFileSync(path.join(dir, 'package/.jsii'), 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const DOC_LINK =
  /docs\/(resources|data-sources)\/([a-z0-9_]+)(?:#([a-z0-9_]+))?/;

function docLink(docs) {
  const text = `${docs?.summary ?? ''} ${docs?.remarks ?? ''}`;
  return DOC_LINK.exec(text);
}

function structFqn(type) {
  if (type.fqn) return type.fqn;
  const collection = type.collection;
  if (collection?.kind === 'array') return structFqn(collection.elementtype);
  if (type.union) {
    for (const member of type.union.types) {
      const fqn = structFqn(member);
      if (fqn && fqn !== 'cdktf.IResolvable') return fqn;
    }
  }
  return undefined;
}

function describeStruct(types, fqn) {
  const struct = types[fqn];
  const result = { arguments: {}, blocks: {} };
  for (const property of struct.properties ?? []) {
    const link = docLink(property.docs);
    if (!link?.[3]) continue;
    const name = link[3];
    const nested = structFqn(property.type);
    if (nested && types[nested]?.datatype) {
      result.blocks[name] = {
        required: !property.optional,
        ...describeStruct(types, nested),
      };
    } else {
      result.arguments[name] = { required: !property.optional };
    }
  }
  result.arguments = sortKeys(result.arguments);
  result.blocks = sortKeys(result.blocks);
  return result;
}

function sortKeys(record) {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map(key => [key, record[key]]),
  );
}

function main() {
  const jsii = loadJsii();
  const types = jsii.types;
  const wanted = {
    resources: new Set(RESOURCES),
    'data-sources': new Set(DATA_SOURCES),
  };
  const found = { resources: {}, 'data-sources': {} };
  for (const type of Object.values(types)) {
    if (type.kind !== 'class' || !type.initializer) continue;
    const link = docLink(type.docs);
    if (!link || link[3]) continue;
    const [, kind, shortName] = link;
    const terraformType = `aws_${shortName}`;
    if (!wanted[kind].has(terraformType)) continue;
    const config = type.initializer.parameters?.find(p => p.name === 'config');
    if (!config) continue;
    found[kind][terraformType] = describeStruct(types, config.type.fqn);
  }
  for (const kind of Object.keys(wanted)) {
    const missing = [...wanted[kind]].filter(name => !found[kind][name]);
    if (missing.length) {
      throw new Error(
        `Not found in ${PROVIDER_PACKAGE}: ${kind} ${missing.join(', ')}`,
      );
    }
  }
  const fixture = {
    source: PROVIDER_PACKAGE,
    providerVersion: /hashicorp\/aws\/([0-9.]+)/.exec(
      JSON.stringify(types['@cdktf/provider-aws.vpcEndpoint.VpcEndpoint'].docs),
    )?.[1],
    resources: sortKeys(found.resources),
    dataSources: sortKeys(found['data-sources']),
  };
  fs.mkdirSync(path.dirname(outputFile), { recursive: true });
  fs.writeFileSync(outputFile, `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(
    `Wrote ${path.relative(process.cwd(), outputFile)}: ${
      Object.keys(fixture.resources).length
    } resources, ${
      Object.keys(fixture.dataSources).length
    } data sources (AWS provider ${fixture.providerVersion})`,
  );
}

main();
