import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureIo } from '../testing/captureIo';
import { createHash } from 'node:crypto';
import yaml from 'yaml';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import {
  checkTerraformTree,
  describeWithTerraformCli,
} from '@private-fargate/plugin-scaffolder-backend-module-private-fargate/src/testing';
import {
  readPublishedEndpointService,
  secretReferenceArnSchema,
  serviceNameSchema,
} from '@private-fargate/plugin-private-fargate-common';
import { renderCommand } from '../commands/render';
import { EXIT_USAGE } from '../runCli';
import { UsageError } from '../UsageError';
import { readCatalogFiles, validateCatalogFile } from './catalogFiles';
import { findRepoRoot } from './templateFolder';
import { renderTemplate, RENDER_EXIT } from './renderTemplate';
import { applySet, readValuesFile } from './values';

const root = findRepoRoot()!;
const valuesDir = path.join(root, 'examples/values');
const catalogFile = path.join(valuesDir, 'catalog.yaml');
const templateNames = fs
  .readdirSync(path.join(root, 'templates'))
  .filter(name =>
    fs.existsSync(path.join(root, 'templates', name, 'template.yaml')),
  );
// Templates that generate a repository have a skeleton; the upgrade template
// works on an existing one and is tested with the upgrade action.
const generatingTemplates = templateNames.filter(name =>
  fs.existsSync(path.join(root, 'templates', name, 'skeleton')),
);
const versionOf = (name: string): string =>
  yaml.parse(
    fs.readFileSync(
      path.join(root, 'templates', name, 'template.yaml'),
      'utf8',
    ),
  ).metadata.annotations['private-fargate/template-version'];
const valueFiles = fs
  .readdirSync(valuesDir)
  .filter(file => /^[a-z0-9-]+\.[a-z0-9-]+\.yaml$/.test(file));
const validCases = valueFiles.filter(
  file => !file.split('.')[1].startsWith('invalid-'),
);
const invalidCases = valueFiles.filter(file =>
  file.split('.')[1].startsWith('invalid-'),
);

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'render-test-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function render(
  file: string,
  outDir: string,
  overrides: object = {},
  entities = readCatalogFiles([catalogFile]),
) {
  const { out, io } = captureIo();
  const code = await renderTemplate(
    {
      templateDir: path.join(root, 'templates', file.split('.')[0]),
      values: { ...readValuesFile(path.join(valuesDir, file)), ...overrides },
      outDir,
      force: false,
      entities,
    },
    io,
  );
  return { code, ...out };
}

/** `render` into `tmp/<name>`, checking that it succeeded and said nothing on stderr. */
async function renderOk(
  file: string,
  name: string,
  overrides: object = {},
  entities?: ReturnType<typeof readCatalogFiles>,
) {
  const outDir = path.join(tmp, name);
  const result = await render(file, outDir, overrides, entities);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(RENDER_EXIT.ok);
  return { ...result, outDir };
}

let refusedRuns = 0;
/** `render` into a new folder, checking that the run left nothing there. */
async function renderNothing(
  file: string,
  overrides: object = {},
  entities?: ReturnType<typeof readCatalogFiles>,
) {
  const outDir = path.join(tmp, `refused-${++refusedRuns}`);
  const result = await render(file, outDir, overrides, entities);
  expect(fs.existsSync(outDir)).toBe(false);
  return result;
}

// runCli loads commands with import(), which Jest's CommonJS runtime cannot do;
// this is its UsageError-to-exit-code mapping around the same command.
async function runRender(args: string[]): Promise<number> {
  try {
    return await renderCommand.run(args);
  } catch (error) {
    if (error instanceof UsageError) return EXIT_USAGE;
    throw error;
  }
}

/** The folder of a rendered tree that holds its Terraform (`infra/main.tf`). */
function infraDirOf(outDir: string): string {
  const mainTf = listFiles(outDir).find(f => /(^|\/)infra\/main\.tf$/.test(f));
  return path.join(outDir, path.dirname(mainTf!));
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => fs.statSync(path.join(dir, f)).isFile());
}

describe('templates', () => {
  it('has the upgrade template and the four that generate repositories', () => {
    expect(templateNames).toContain('private-fargate-upgrade');
    expect(generatingTemplates).toEqual(
      expect.arrayContaining([
        'private-fargate-service',
        'vpc-endpoints-baseline',
        'privatelink-consumer',
        'ssm-bastion',
      ]),
    );
    expect(generatingTemplates).not.toContain('private-fargate-upgrade');
  });

  it.each(templateNames)(
    '%s is a valid Template entity with a version and a changelog',
    async name => {
      const dir = path.join(root, 'templates', name);
      const template = yaml.parse(
        fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'),
      );
      expect(await templateEntityV1beta3Validator.check(template)).toBe(true);
      expect(template.metadata.name).toBe(name);
      const version =
        template.metadata.annotations['private-fargate/template-version'];
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(fs.readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8')).toContain(
        `## ${version}`,
      );
    },
  );

  it.each(generatingTemplates)(
    '%s has two example value files and an invalid one',
    name => {
      expect(
        validCases.filter(f => f.startsWith(`${name}.`)).length,
      ).toBeGreaterThanOrEqual(2);
      expect(
        invalidCases.filter(f => f.startsWith(`${name}.`)).length,
      ).toBeGreaterThanOrEqual(1);
    },
  );

  // The form cannot import the common schema, so it is held to it here: a name the form takes
  // must be one the Terraform step takes (AWS resource names are made from it).
  it.each(generatingTemplates)(
    "%s's name field takes the names serviceNameSchema takes, up to its length",
    name => {
      const pages = yaml.parse(
        fs.readFileSync(
          path.join(root, 'templates', name, 'template.yaml'),
          'utf8',
        ),
      ).spec.parameters;
      const field = pages.find((page: any) => page.properties?.name).properties
        .name;
      const formTakes = (value: string) =>
        value.length >= field.minLength &&
        value.length <= field.maxLength &&
        new RegExp(field.pattern, 'u').test(value);
      const names = [
        'orders',
        'ab',
        'a',
        'a1',
        'orders-',
        '-orders',
        '2orders',
        'Orders',
        'orders_api',
        'a--b',
        'sg',
        'sg-orders',
        'sgx-orders',
        'orders-sg',
        'internal-api',
        'x'.repeat(field.maxLength),
        'x'.repeat(field.maxLength + 1),
      ];
      expect(
        names.filter(
          value =>
            formTakes(value) !==
            (serviceNameSchema.safeParse(value).success &&
              value.length <= field.maxLength),
        ),
      ).toEqual([]);
    },
  );

  // The form's secret pattern is the twin of secretReferenceArnSchema: it may be looser (the plan
  // step then refuses with the common message), but it must take every ARN the schema takes, and
  // refuse a partial Secrets Manager ARN, which ECS cannot read, as the schema does.
  it("private-fargate-service's secret field takes the ARNs secretReferenceArnSchema takes and refuses partial ones", () => {
    const pages = yaml.parse(
      fs.readFileSync(
        path.join(root, 'templates/private-fargate-service/template.yaml'),
        'utf8',
      ),
    ).spec.parameters;
    const field = pages.find((page: any) => page.properties?.secrets).properties
      .secrets.items.properties.valueFrom;
    const formTakes = (value: string) =>
      new RegExp(field.pattern, 'u').test(value);
    const secret = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret';
    const parameter = 'arn:aws:ssm:ap-northeast-1:123456789012:parameter';
    const full = [
      `${secret}:orders-db-AbCdEf`,
      `${secret}:team/orders_db+x=y.z@w-AbCdEf`,
      `${secret}:orders-db-AbCdEf:password::`,
      `${secret}:orders-db-AbCdEf::AWSCURRENT:`,
      `${secret}:orders-db-AbCdEf:password:AWSPREVIOUS:`,
      `${parameter}/orders/api-key`,
      `${parameter}/orders.api_key`,
    ];
    const partial = [
      `${secret}:orders-db`,
      `${secret}:orders-db:password::`,
      `${secret}:team/db-AbCd`,
    ];
    expect(
      full.filter(value => !secretReferenceArnSchema.safeParse(value).success),
    ).toEqual([]);
    expect(full.filter(value => !formTakes(value))).toEqual([]);
    expect(
      partial.filter(
        value => secretReferenceArnSchema.safeParse(value).success,
      ),
    ).toEqual([]);
    expect(partial.filter(formTakes)).toEqual([]);
  });

  it.each(templateNames)('%s gives every parameter a title', name => {
    const template = yaml.parse(
      fs.readFileSync(
        path.join(root, 'templates', name, 'template.yaml'),
        'utf8',
      ),
    );
    const untitled: string[] = [];
    const visit = (properties: Record<string, any> = {}, where: string) => {
      for (const [key, property] of Object.entries(properties)) {
        if (!property.title) untitled.push(`${where}${key}`);
      }
    };
    for (const page of template.spec.parameters) {
      visit(page.properties, '');
      for (const branch of page.allOf ?? []) visit(branch.then?.properties, '');
    }
    expect(untitled).toEqual([]);
  });
});

describe('render with the example values', () => {
  it.each(validCases)(
    'renders %s and the output passes the quality gates',
    async file => {
      const { outDir, stdout } = await renderOk(file, file);
      expect(stdout).toContain('Steps');
      // The file list is sorted, so that two runs print the same.
      const listed = stdout
        .split(/\nFiles \(\d+\) written to .*\n/)[1]
        .split('\n\n')[0]
        .split('\n')
        .map(line => line.trim());
      expect(listed).toEqual([...listed].sort());
      expect(listed).toHaveLength(listFiles(outDir).length);

      const files = listFiles(outDir);
      const catalogInfos = files.filter(f => f.endsWith('catalog-info.yaml'));
      expect(catalogInfos).toHaveLength(1);
      const catalogText = fs.readFileSync(
        path.join(outDir, catalogInfos[0]),
        'utf8',
      );
      expect(await validateCatalogFile(catalogInfos[0], catalogText)).toEqual(
        [],
      );
      const entity = yaml.parse(catalogText);
      const name = file.split('.')[0];
      // One version everywhere: the template's annotation, the entity, the record, the tags.
      const stamp = `${name}@${versionOf(name)}`;
      expect(entity.metadata.annotations['private-fargate/template']).toBe(
        stamp,
      );
      const recordFile = path.join(
        outDir,
        path.dirname(catalogInfos[0]),
        '.private-fargate/scaffold.json',
      );
      const record = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
      expect(`${record.template.name}@${record.template.version}`).toBe(stamp);
      const recorded = record.files.map((f: { path: string }) => f.path);
      expect(recorded).toContain('catalog-info.yaml');
      expect(recorded).toContain('infra/main.tf');
      for (const { path: generated, sha256 } of record.files) {
        const content = fs.readFileSync(
          path.join(path.dirname(recordFile), '..', generated),
        );
        expect(createHash('sha256').update(content).digest('hex')).toBe(sha256);
      }
      expect(
        fs.readFileSync(
          path.join(path.dirname(recordFile), '../infra/variables.tf'),
          'utf8',
        ),
      ).toContain(stamp);
      expect(entity.metadata.annotations['private-fargate/aws-region']).toMatch(
        /^[a-z]{2}-/,
      );

      const infraDirs = files
        .filter(f => /(^|\/)infra\/main\.tf$/.test(f))
        .map(f => path.join(outDir, path.dirname(f)));
      expect(infraDirs).toHaveLength(1);
      const report = await checkTerraformTree(infraDirs[0]);
      expect(report.problems).toEqual([]);
      expect(report.checkedBlocks).toBeGreaterThan(0);

      // Every Terraform output the generated docs and catalog file tell people to read exists.
      const outputsTf = fs.readFileSync(
        path.join(infraDirs[0], 'outputs.tf'),
        'utf8',
      );
      const named = files
        .filter(f =>
          /(^|\/)(README\.md|docs\/index\.md|catalog-info\.yaml)$/.test(f),
        )
        .flatMap(f =>
          [
            ...fs
              .readFileSync(path.join(outDir, f), 'utf8')
              .matchAll(/output (?:-raw )?`?([a-z0-9_]+)`?/g),
          ].map(match => match[1]),
        );
      for (const output of new Set(named)) {
        expect(`${output}: ${outputsTf.includes(`output "${output}" {`)}`).toBe(
          `${output}: true`,
        );
      }

      // The upgrade's endpoint and cost summary reads what the Terraform was written for; a
      // consumer creates no endpoint stack, so it records none.
      const infraReadme = fs.readFileSync(
        path.join(infraDirs[0], 'README.md'),
        'utf8',
      );
      const costLine = infraReadme.match(
        /in (\d+) Availability Zone\(s\) and ([\d.]+) GB a month/,
      );
      const consumer = name === 'privatelink-consumer';
      expect(record.cost).toEqual(
        consumer
          ? undefined
          : {
              availabilityZones: Number(costLine?.[1]),
              gbPerMonth: Number(costLine?.[2]),
            },
      );
      expect(record.requirements?.region).toBe(
        consumer
          ? undefined
          : entity.metadata.annotations['private-fargate/aws-region'],
      );
    },
  );

  describeWithTerraformCli(
    'renders every example into Terraform that passes terraform fmt -check and terraform validate',
    async () => {
      const configurations: Record<string, string> = {};
      for (const file of validCases) {
        const { outDir } = await renderOk(file, `terraform-cli-${file}`);
        configurations[file.replace(/\.yaml$/, '')] = infraDirOf(outDir);
      }
      return configurations;
    },
    120_000,
  );

  it.each(validCases)(
    'renders %s in a Region without prices, saying the cost is not estimated',
    async file => {
      // The same answers one Region over, where the cost model has no prices.
      const unpriced: Record<string, string> = {
        'ap-northeast-1': 'ap-northeast-2',
        'eu-west-1': 'eu-west-2',
        'us-east-1': 'us-east-2',
      };
      const moved = (text: string) =>
        text.replace(
          /\b(ap-northeast-1|eu-west-1|us-east-1)/g,
          region => unpriced[region],
        );
      const catalog = path.join(tmp, `unpriced-catalog-${file}`);
      fs.writeFileSync(catalog, moved(fs.readFileSync(catalogFile, 'utf8')));
      // Every answer is overridden by its moved value.
      const { outDir, stdout } = await renderOk(
        file,
        `unpriced-${file}`,
        yaml.parse(moved(fs.readFileSync(path.join(valuesDir, file), 'utf8'))),
        readCatalogFiles([catalog]),
      );
      expect(stdout).not.toMatch(/undefined|\$\d/);
      const readme = fs.readFileSync(
        path.join(infraDirOf(outDir), 'README.md'),
        'utf8',
      );
      const region = readme.match(/No prices for (\S+) in this version/)?.[1];
      expect(Object.values(unpriced)).toContain(region);
      // The endpoints are in that Region, and nothing is priced.
      expect(readme).toMatch(
        new RegExp(`com\\.amazonaws\\.(vpce\\.)?${region}\\.`),
      );
      expect(readme).not.toMatch(/\$\d/);
    },
  );

  it('writes the service skeleton with the declared endpoints and escaped GitHub expressions', async () => {
    const { outDir } = await renderOk(
      'private-fargate-service.tokyo-internal-alb.yaml',
      'service-details',
    );
    const entity = yaml.parse(
      fs.readFileSync(path.join(outDir, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.spec.type).toBe('service');
    expect(
      entity.metadata.annotations['private-fargate/endpoints'].split(','),
    ).toEqual(
      expect.arrayContaining([
        'ecr.api',
        'ecr.dkr',
        's3',
        'logs',
        'ssmmessages',
        'secretsmanager',
      ]),
    );
    const workflow = fs.readFileSync(
      path.join(outDir, '.github/workflows/build.yaml'),
      'utf8',
    );
    expect(workflow).toContain('role-to-assume: ${{ vars.AWS_ROLE_ARN }}');
    expect(fs.readFileSync(path.join(outDir, 'Dockerfile'), 'utf8')).toMatch(
      /^USER node$/m,
    );
    expect(
      fs.readFileSync(path.join(outDir, 'docs/index.md'), 'utf8'),
    ).toContain('Monthly cost');
  });

  it('tells PrivateLink providers and consumers how to put their endpoint IDs in the catalog', async () => {
    const { outDir: published } = await renderOk(
      'private-fargate-service.shared-endpoints-privatelink.yaml',
      'service-privatelink',
    );
    expect(
      fs.readFileSync(path.join(published, 'infra/outputs.tf'), 'utf8'),
    ).toMatch(
      /output "endpoint_service_id" \{[^}]*value += module\.privatelink_provider\.service_id/,
    );
    expect(
      fs.readFileSync(path.join(published, 'README.md'), 'utf8'),
    ).toContain('terraform -chdir=infra output -raw endpoint_service_id');
    // Uncommented with the ID Terraform prints, the entity is valid, and a consumer's
    // private-fargate:provider:fetch reads its endpoint service from it.
    const catalogText = fs.readFileSync(
      path.join(published, 'catalog-info.yaml'),
      'utf8',
    );
    const commented =
      /^ {4}# (private-fargate\/endpoint-service-id): vpce-svc-[0-9a-f]+$/m;
    expect(catalogText).toMatch(commented);
    const filledIn = catalogText.replace(
      commented,
      '    $1: vpce-svc-0a1b2c3d4e5f60718',
    );
    expect(await validateCatalogFile('catalog-info.yaml', filledIn)).toEqual(
      [],
    );
    expect(readPublishedEndpointService(yaml.parse(filledIn))).toEqual({
      region: 'eu-west-1',
      endpointServiceId: 'vpce-svc-0a1b2c3d4e5f60718',
      serviceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718',
    });

    // The consumer's repository likewise says where its endpoint's ID goes.
    const { outDir: consumer } = await renderOk(
      'privatelink-consumer.two-zones.yaml',
      'consumer-annotation',
    );
    const consumerText = fs.readFileSync(
      path.join(consumer, 'catalog-info.yaml'),
      'utf8',
    );
    const consumerLine =
      /^ {4}# (private-fargate\/consumer-endpoint-ids): vpce-[0-9a-f]+$/m;
    expect(consumerText).toMatch(consumerLine);
    const consumerFilledIn = consumerText.replace(
      consumerLine,
      '    $1: vpce-0c0ffee0c0ffee001',
    );
    expect(
      await validateCatalogFile('catalog-info.yaml', consumerFilledIn),
    ).toEqual([]);
    expect(
      yaml.parse(consumerFilledIn).metadata.annotations[
        'private-fargate/consumer-endpoint-ids'
      ],
    ).toBe('vpce-0c0ffee0c0ffee001');

    const { outDir: internal } = await renderOk(
      'private-fargate-service.tokyo-internal-alb.yaml',
      'service-internal-alb',
    );
    for (const file of ['catalog-info.yaml', 'README.md', 'docs/index.md']) {
      expect(fs.readFileSync(path.join(internal, file), 'utf8')).not.toContain(
        'endpoint-service-id',
      );
    }
  });

  it('gives the baseline stack an endpoint for each secret source picked', async () => {
    const file = 'vpc-endpoints-baseline.tokyo-new-repo.yaml';
    expect(readValuesFile(path.join(valuesDir, file)).secretSources).toEqual([
      'secretsmanager',
      'ssm',
    ]);
    const { outDir } = await renderOk(file, 'baseline-secrets');
    const report = await checkTerraformTree(path.join(outDir, 'infra'));
    expect(report.awsServiceEndpoints.map(e => e.serviceName)).toEqual(
      expect.arrayContaining([
        'com.amazonaws.ap-northeast-1.secretsmanager',
        'com.amazonaws.ap-northeast-1.ssm',
      ]),
    );
  });

  it('makes a service on shared endpoints depend on them and not create them again', async () => {
    const file = 'private-fargate-service.shared-endpoints-privatelink.yaml';
    const { outDir } = await renderOk(file, 'service-shared');
    const entity = yaml.parse(
      fs.readFileSync(path.join(outDir, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.spec.dependsOn).toEqual([
      'resource:default/eu-west-1-shared-endpoints',
    ]);
    const report = await checkTerraformTree(path.join(outDir, 'infra'));
    const created = report.awsServiceEndpoints.map(e => e.serviceName);
    expect(created).not.toContain('com.amazonaws.eu-west-1.ecr.dkr');
    expect(created).toContain('com.amazonaws.eu-west-1.sts');
  });

  it('exits 2 and says to pass --catalog when a step reads an entity no --catalog file holds', async () => {
    const result = await renderNothing(
      'private-fargate-service.shared-endpoints-privatelink.yaml',
      {},
      [],
    );
    expect(result.code).toBe(RENDER_EXIT.invalid);
    expect(result.stderr).toContain(
      'the catalog has no resource:default/eu-west-1-shared-endpoints, which the template reads',
    );
    expect(result.stderr).toContain('pass --catalog <file> with that entity');
  });

  it("reads the shared stack's endpoints annotation as the status backend does, and stops when it names none", async () => {
    const file = 'private-fargate-service.shared-endpoints-privatelink.yaml';
    const withAnnotation = (value: string | undefined) =>
      readCatalogFiles([catalogFile]).map(entity => {
        if (entity.metadata.name !== 'eu-west-1-shared-endpoints') {
          return entity;
        }
        const { 'private-fargate/endpoints': _, ...annotations } =
          entity.metadata.annotations ?? {};
        return {
          ...entity,
          metadata: {
            ...entity.metadata,
            annotations: {
              ...annotations,
              ...(value !== undefined && {
                'private-fargate/endpoints': value,
              }),
            },
          },
        };
      });

    const { outDir: spaced } = await renderOk(
      file,
      'service-shared-spaced',
      {},
      withAnnotation('ecr.api, ecr.dkr, s3, logs'),
    );
    const report = await checkTerraformTree(path.join(spaced, 'infra'));
    expect(report.awsServiceEndpoints.map(e => e.serviceName)).not.toContain(
      'com.amazonaws.eu-west-1.ecr.dkr',
    );

    const result = await renderNothing(file, {}, withAnnotation(undefined));
    expect(result.code).toBe(RENDER_EXIT.invalid);
    expect(result.stderr).toContain(
      "network.sharedEndpoints: lists no endpoints: the shared stack's private-fargate/endpoints annotation must name them",
    );
  });

  it("reads the provider's Region and endpoint service annotations as the status backend does", async () => {
    const file = 'privatelink-consumer.two-zones.yaml';
    const withProviderAnnotations = (change: Record<string, string | null>) =>
      readCatalogFiles([catalogFile]).map(entity => {
        if (entity.metadata.name !== 'tasks-api') return entity;
        const annotations = { ...entity.metadata.annotations };
        for (const [name, value] of Object.entries(change)) {
          if (value === null) delete annotations[name];
          else annotations[name] = value;
        }
        return { ...entity, metadata: { ...entity.metadata, annotations } };
      });

    const { outDir: plain } = await renderOk(file, 'consumer-plain');
    const { outDir: padded } = await renderOk(
      file,
      'consumer-padded',
      {},
      withProviderAnnotations({
        'private-fargate/aws-region': ' ap-northeast-1 ',
        'private-fargate/endpoint-service-id': 'vpce-svc-0a1b2c3d4e5f60718 ',
      }),
    );
    const read = (dir: string) =>
      Object.fromEntries(
        (fs.readdirSync(dir, { recursive: true }) as string[])
          .filter(entry => fs.statSync(path.join(dir, entry)).isFile())
          .map(entry => [
            entry,
            fs.readFileSync(path.join(dir, entry), 'utf8'),
          ]),
      );
    expect(read(padded)).toEqual(read(plain));

    const result = await renderNothing(
      file,
      {},
      withProviderAnnotations({ 'private-fargate/aws-region': null }),
    );
    expect(result.code).toBe(RENDER_EXIT.invalid);
    expect(result.stderr).toContain(
      'entityRef: component:default/tasks-api: Entity tasks-api has no private-fargate/aws-region annotation; add the Region its endpoint service is in to its catalog-info.yaml.',
    );
  });
});

// Invalid values only a step can judge, against the --catalog entities (a VPC whose shared
// endpoint stack already provides the endpoints, a shared stack of another VPC): the step
// refuses them, naming the field.
const refusedByStep = [
  'private-fargate-service.invalid-endpoints-in-shared-vpc.yaml',
  'private-fargate-service.invalid-stack-of-another-vpc.yaml',
  'vpc-endpoints-baseline.invalid-duplicate-stack.yaml',
];

describe('render refuses bad input', () => {
  it.each(invalidCases.filter(file => !refusedByStep.includes(file)))(
    'exits 2 for %s, names the fields and writes nothing',
    async file => {
      const result = await renderNothing(file);
      expect(result.code).toBe(RENDER_EXIT.invalid);
      expect(result.stderr).toMatch(/The values do not fit template/);
      expect(result.stderr).toMatch(/^ {2}[a-zA-Z]+(\.\d+)?( \(.+\))?: /m);
      expect(result.stderr).not.toMatch(/does not match pattern/);
      expect(result.stderr).toContain(
        'Fix them in the values file or with --set <field>=<value>.',
      );
    },
  );

  it.each(refusedByStep)(
    "exits 2 for %s, keeping the step's message that names the field, and writes nothing",
    async file => {
      expect(invalidCases).toContain(file);
      const result = await renderNothing(file);
      expect(result.code).toBe(RENDER_EXIT.invalid);
      expect(result.stderr).toMatch(
        /^Template [a-z0-9-]+ refused the values: [a-zA-Z]+(\.[a-zA-Z]+)*: /,
      );
      expect(result.stderr).toContain('Nothing was written.');
    },
  );

  it('reports every problem with its field path', async () => {
    const result = await renderNothing(
      'private-fargate-service.invalid-names-and-ids.yaml',
    );
    for (const field of [
      'name',
      'accountId',
      'vpcId',
      'privateSubnets',
      'taskSize',
      'containerPort',
      'secrets.0.valueFrom',
      'allowedPrincipals',
    ]) {
      expect(result.stderr).toMatch(
        new RegExp(`^ {2}${field.replaceAll('.', '\\.')} `, 'm'),
      );
    }
  });

  it("names an item of a list by the list's title, also where a branch declares the list", async () => {
    const consumer = await renderNothing(
      'privatelink-consumer.invalid-open-to-all.yaml',
    );
    expect(consumer.stderr).toContain(
      '  clientCidrs.0 (Who may call the service): must not be 0.0.0.0/0',
    );
    // allowedPrincipals exists only in the exposure's privatelink branch.
    const service = await renderNothing(
      'private-fargate-service.shared-endpoints-privatelink.yaml',
      { allowedPrincipals: ['arn:aws:iam::1234:root'] },
    );
    expect(service.stderr).toContain(
      '  allowedPrincipals.0 (Allowed principals): must be arn:aws:iam::',
    );
  });

  it("exits 2, keeping the action's message, when a step refuses the values", async () => {
    // The form accepts the CIDR's shape; the terraform action rejects its host bits.
    const result = await renderNothing('ssm-bastion.off-by-default.yaml', {
      vpcCidr: '10.0.0.1/16',
    });
    expect(result.code).toBe(RENDER_EXIT.invalid);
    expect(result.stderr).toContain(
      'Template ssm-bastion refused the values: Invalid private-fargate:terraform input:\nnetwork.vpcCidr: "10.0.0.1/16" has host bits set; did you mean 10.0.0.0/16?',
    );
  });

  it('exits 1 and writes nothing when a step fails for a reason other than its input', async () => {
    const templateDir = path.join(tmp, 'broken-template');
    fs.mkdirSync(templateDir);
    fs.writeFileSync(
      path.join(templateDir, 'template.yaml'),
      yaml.stringify({
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'broken-template' },
        spec: {
          type: 'service',
          parameters: [{ properties: { name: { type: 'string' } } }],
          steps: [
            {
              id: 'fetch',
              action: 'fetch:template',
              input: { url: './no-such-skeleton' },
            },
          ],
        },
      }),
    );
    const outDir = path.join(tmp, 'broken-out');
    const { out, io } = captureIo();
    const code = await renderTemplate(
      {
        templateDir,
        values: { name: 'x' },
        outDir,
        force: false,
        entities: [],
      },
      io,
    );
    expect(code).toBe(RENDER_EXIT.templateFailed);
    expect(out.stderr).toMatch(/^Template broken-template failed: ENOENT/);
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('refuses a value the template has no parameter for, naming the nearest one', async () => {
    const result = await renderNothing('ssm-bastion.off-by-default.yaml', {
      regoin: 'eu-west-1',
    });
    expect(result.code).toBe(RENDER_EXIT.invalid);
    expect(result.stderr).toContain(
      '  regoin: is not a parameter of ssm-bastion; did you mean region?',
    );
  });

  // One example of each template that generates a repository.
  it.each(
    generatingTemplates.map(
      name => validCases.find(file => file.startsWith(`${name}.`))!,
    ),
  )(
    'stops %s when two subnets share an Availability Zone, naming them, and writes nothing',
    async file => {
      const values = readValuesFile(path.join(valuesDir, file));
      const field = 'privateSubnets' in values ? 'privateSubnets' : 'subnets';
      const zone = (values[field] as Array<{ availabilityZone: string }>)[0]
        .availabilityZone;
      const result = await renderNothing(file, {
        [field]: [
          { id: 'subnet-0a1b2c3d4e5f60711', availabilityZone: zone },
          { id: 'subnet-0a1b2c3d4e5f60712', availabilityZone: zone },
        ],
      });
      expect(result.code).toBe(RENDER_EXIT.invalid);
      expect(result.stderr).toContain(
        `network.privateSubnets: subnet-0a1b2c3d4e5f60711 and subnet-0a1b2c3d4e5f60712 are both in ${zone}; list one subnet per Availability Zone`,
      );
    },
  );

  it.each([
    [
      'a secret in another Region, at the plan step',
      {
        secrets: [
          {
            name: 'DB_PASSWORD',
            valueFrom:
              'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-db-AbCdEf',
          },
        ],
      },
      RENDER_EXIT.invalid,
      "containerSecrets[0].valueFrom: is in us-east-1, but the task runs in ap-northeast-1 and VPC endpoints reach only their own Region's Secrets Manager",
    ],
    [
      'a name beginning with internal- and a load balancer, at the Terraform step',
      { name: 'internal-orders' },
      RENDER_EXIT.invalid,
      'serviceName: would name the internal load balancer "internal-orders-alb", and AWS refuses load balancer names that begin with "internal-"',
    ],
    [
      'a name beginning with sg-, in the form',
      { name: 'sg-orders' },
      RENDER_EXIT.invalid,
      'name (Name): use lower-case letters, digits and single hyphens, start with a letter (but not with sg-, which AWS refuses in security group names)',
    ],
  ])(
    'stops a service with %s, naming the field, and writes nothing',
    async (_, overrides, code, message) => {
      const result = await renderNothing(
        'private-fargate-service.tokyo-internal-alb.yaml',
        overrides,
      );
      expect(result.code).toBe(code);
      expect(result.stderr).toContain(message);
    },
  );

  it('takes a name beginning with internal- for a service without a load balancer', async () => {
    await renderOk(
      'private-fargate-service.tokyo-internal-alb.yaml',
      'internal-worker',
      { name: 'internal-orders', exposure: 'none' },
    );
  });

  it('refuses a non-empty --out unless --force', async () => {
    const outDir = path.join(tmp, 'not-empty');
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, 'keep.txt'), 'mine');
    const values = path.join(valuesDir, 'ssm-bastion.off-by-default.yaml');
    const args = ['ssm-bastion', '--values', values, '--out', outDir];
    const stderr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(() => true);
    const stdout = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation(() => true);
    try {
      expect(await runRender(args)).toBe(2);
      expect(listFiles(outDir)).toEqual(['keep.txt']);
      expect(await runRender([...args, '--force'])).toBe(0);
      expect(listFiles(outDir)).toEqual(
        expect.arrayContaining(['keep.txt', 'catalog-info.yaml']),
      );
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });

  describe('exits 2 for an --out that cannot take the files, leaving it as it was', () => {
    /** Every entry under `dir`, folders too, with file contents. */
    const tree = (dir: string) =>
      (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
        .sort()
        .map(entry => {
          const full = path.join(dir, entry);
          return fs.lstatSync(full).isFile()
            ? `${entry}: ${fs.readFileSync(full, 'utf8')}`
            : `${entry}/`;
        });
    const values = path.join(valuesDir, 'ssm-bastion.off-by-default.yaml');

    it('a folder where the template writes a file, even with --force', async () => {
      const outDir = path.join(tmp, 'folder-in-the-way');
      fs.mkdirSync(path.join(outDir, 'infra/main.tf'), { recursive: true });
      fs.writeFileSync(path.join(outDir, 'README.md'), 'ours');
      const before = tree(outDir);
      const { out, io } = captureIo();
      const code = await renderTemplate(
        {
          templateDir: path.join(root, 'templates/ssm-bastion'),
          values: readValuesFile(values),
          outDir,
          force: true,
          entities: [],
        },
        io,
      );
      expect(code).toBe(RENDER_EXIT.invalid);
      expect(out.stderr).toBe(
        `--out ${outDir}: cannot write infra/main.tf: infra/main.tf is a folder; move it away or choose another --out\nNothing was written.\n`,
      );
      expect(tree(outDir)).toEqual(before);
      expect(
        fs.readdirSync(tmp).filter(f => f.includes('private-fargate-render')),
      ).toEqual([]);
    });

    it('an --out under a file, before rendering', async () => {
      const file = path.join(tmp, 'a-file');
      fs.writeFileSync(file, 'x');
      const run = renderCommand.run([
        'ssm-bastion',
        '--values',
        values,
        '--out',
        path.join(file, 'sub'),
      ]);
      await expect(run).rejects.toThrow(UsageError);
      await expect(run).rejects.toThrow(
        `--out ${file}/sub: ${file} is a file, so no folder can be made under it; give a folder path`,
      );
    });

    it('an --out inside the template folder, whose files every render ships', async () => {
      const templateDir = path.join(tmp, 'template-copy');
      fs.cpSync(path.join(root, 'templates/ssm-bastion'), templateDir, {
        recursive: true,
      });
      const before = tree(templateDir);
      expect(
        await runRender([
          templateDir,
          '--values',
          values,
          '--out',
          path.join(templateDir, 'out'),
        ]),
      ).toBe(EXIT_USAGE);
      await expect(
        renderCommand.run([
          templateDir,
          '--values',
          values,
          '--out',
          templateDir,
          '--force',
        ]),
      ).rejects.toThrow(/--out .* is inside the template folder/);
      expect(tree(templateDir)).toEqual(before);
    });
  });

  it('applies --set overrides with dotted keys and YAML values', async () => {
    const outDir = path.join(tmp, 'set');
    const values = path.join(valuesDir, 'ssm-bastion.off-by-default.yaml');
    const stdout = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation(() => true);
    try {
      const code = await runRender([
        'ssm-bastion',
        '--values',
        values,
        '--out',
        outDir,
        '--set',
        'name=payments-db',
        '--set',
        'targetPorts=[3306]',
      ]);
      expect(code).toBe(0);
    } finally {
      stdout.mockRestore();
    }
    const entity = yaml.parse(
      fs.readFileSync(path.join(outDir, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.name).toBe('payments-db');
    const infra = listFiles(path.join(outDir, 'infra'))
      .map(f => fs.readFileSync(path.join(outDir, 'infra', f), 'utf8'))
      .join('\n');
    expect(infra).toMatch(/\b3306\b/);
    expect(infra).not.toMatch(/\b5432\b/);
  });

  it('exits 2 when a --catalog file cannot be read, naming the flag', async () => {
    const missing = path.join(tmp, 'no-such-catalog.yaml');
    expect(() => readCatalogFiles([missing])).toThrow(UsageError);
    expect(() => readCatalogFiles([missing])).toThrow(/^--catalog: ENOENT/);
    expect(
      await runRender([
        'ssm-bastion',
        '--values',
        path.join(valuesDir, 'ssm-bastion.off-by-default.yaml'),
        '--out',
        path.join(tmp, 'catalog-missing'),
        '--catalog',
        missing,
      ]),
    ).toBe(2);
    expect(fs.existsSync(path.join(tmp, 'catalog-missing'))).toBe(false);
  });

  it.each([
    ['not YAML', 'kind: [Component\n', 'document 1 is not valid YAML'],
    [
      'a YAML list',
      '- apiVersion: backstage.io/v1alpha1\n  kind: Component\n',
      'document 1 is a list; give one entity per document, separated by ---',
    ],
    [
      'values, not entities, in its second document',
      `${
        fs.readFileSync(catalogFile, 'utf8').split('\n---')[0]
      }\n---\n${fs.readFileSync(
        path.join(valuesDir, 'ssm-bastion.off-by-default.yaml'),
        'utf8',
      )}`,
      "document 2 is not a catalog entity (apiVersion, kind and metadata.name, as in a catalog-info.yaml): <root> must have required property 'apiVersion'",
    ],
  ])(
    'exits 2 for a --catalog file that holds %s, naming the file and the document',
    async (_, text, message) => {
      const file = path.join(tmp, `bad-catalog-${refusedRuns++}.yaml`);
      fs.writeFileSync(file, text);
      expect(() => readCatalogFiles([file])).toThrow(UsageError);
      expect(() => readCatalogFiles([file])).toThrow(
        `--catalog ${file}: ${message}`,
      );
    },
  );

  it('says how to quote a --set value that YAML reads as a number where text is wanted', async () => {
    const sets = ['accountId=123456789012', 'targetPorts=[3306]'];
    const { out, io } = captureIo();
    const code = await renderTemplate(
      {
        templateDir: path.join(root, 'templates/ssm-bastion'),
        values: sets.reduce(
          applySet,
          readValuesFile(
            path.join(valuesDir, 'ssm-bastion.off-by-default.yaml'),
          ),
        ),
        sets,
        outDir: path.join(tmp, 'unquoted'),
        force: false,
        entities: [],
      },
      io,
    );
    expect(code).toBe(RENDER_EXIT.invalid);
    expect(out.stderr).toContain(
      `--set reads values as YAML, so accountId=123456789012 gave a number; quote it to give text: --set "accountId='123456789012'"`,
    );
    // Only the assignment that quoting fixes gets the hint.
    expect(out.stderr).not.toContain('targetPorts=');
  });

  it('exits 2 on unknown flags and missing options', async () => {
    const stderr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(() => true);
    try {
      expect(
        await runRender(['ssm-bastion', '--out', path.join(tmp, 'x')]),
      ).toBe(2);
      expect(
        await runRender([
          'ssm-bastion',
          '--values',
          'v.yaml',
          '--out',
          'x',
          '--bogus',
        ]),
      ).toBe(2);
      expect(
        await runRender([
          'no-such-template',
          '--values',
          'v.yaml',
          '--out',
          'x',
        ]),
      ).toBe(2);
    } finally {
      stderr.mockRestore();
    }
  });
});
