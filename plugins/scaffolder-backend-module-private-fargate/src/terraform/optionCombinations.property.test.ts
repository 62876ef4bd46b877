import {
  ENDPOINT_SERVICE_SUFFIXES,
  PLATFORM_VERSIONS,
} from '@private-fargate/plugin-private-fargate-common';
import fc from 'fast-check';
import { goldenCases } from '../__golden__/cases';
import { createTestDirectory } from '../__testUtils__/testDirectory';
import { checkTerraformTree, describeWithTerraformCli } from '../testing';
import { generateTerraform } from './generate';
import { writeWorkspace } from './writeWorkspace';

// The golden cases fix one set of options each; here each gets other options at random: the
// requirements the planner reads, and the service settings that go with them. Every
// combination is valid, so every one must generate, pass the quality gates and validate.
const optionsArbitrary = fc.record({
  base: fc.constantFrom(...goldenCases),
  xray: fc.boolean(),
  serviceConnect: fc.boolean(),
  efs: fc.boolean(),
  logging: fc.constantFrom('awslogs', 'none'),
  platformVersion: fc.constantFrom(...PLATFORM_VERSIONS),
  egress: fc.constantFrom('none', 'nat'),
  awsServices: fc.subarray([...ENDPOINT_SERVICE_SUFFIXES], { maxLength: 5 }),
  applicationBuckets: fc.constantFrom(
    [],
    ['orders-assets', 'orders-reports.example.com'],
  ),
  exec: fc.option(
    fc.record({
      kmsKey: fc.boolean(),
      sessionLogs: fc.constantFrom('none', 'cloudwatch', 's3'),
    }),
  ),
  secretStores: fc.subarray(['secretsmanager', 'ssm']),
  oneJsonKey: fc.boolean(),
});

type Options = typeof optionsArbitrary extends fc.Arbitrary<infer T>
  ? T
  : never;

function requestWith(options: Options): any {
  const request = structuredClone(options.base.input) as any;
  const { region } = request.requirements;
  request.requirements = {
    ...request.requirements,
    xray: options.xray,
    serviceConnect: options.serviceConnect,
    efs: options.efs,
    logging: options.logging,
    platformVersion: options.platformVersion,
    egress: options.egress,
    awsServices: options.awsServices,
    applicationBuckets: options.applicationBuckets,
    exec: options.exec
      ? { enabled: true, ...options.exec }
      : { enabled: false, kmsKey: false, sessionLogs: 'none' },
    secrets: options.secretStores,
  };
  delete request.requirements.execLogBucket;
  if (options.exec?.sessionLogs === 's3') {
    request.requirements.execLogBucket = 'orders-exec-logs';
  }
  if (request.service) {
    if (options.exec?.kmsKey) {
      request.service.execKmsKeyArn = `arn:aws:kms:${region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    }
    // Fargate injects one JSON key of a secret from platform version 1.4.0.
    const jsonKey =
      options.oneJsonKey && options.platformVersion !== '1.3.0'
        ? ':password::'
        : '';
    request.service.secrets = options.secretStores.map(store =>
      store === 'secretsmanager'
        ? {
            name: 'DB_PASSWORD',
            valueFrom: `arn:aws:secretsmanager:${region}:123456789012:secret:orders-db-AbCdEf${jsonKey}`,
          }
        : {
            name: 'API_KEY',
            valueFrom: `arn:aws:ssm:${region}:123456789012:parameter/orders/api-key`,
          },
    );
  }
  return request;
}

const combinations = fc.sample(optionsArbitrary, {
  numRuns: 40,
  seed: 20261122,
});

describe('private-fargate:terraform with random option combinations', () => {
  const workspace = createTestDirectory();
  const written: Record<string, string> = {};

  beforeAll(async () => {
    for (const [index, options] of combinations.entries()) {
      const generated = await generateTerraform(requestWith(options));
      const name = `combination-${index}`;
      written[name] = await writeWorkspace(
        workspace.path,
        name,
        generated.files,
      );
    }
  });

  it('should draw on most golden cases and every platform version', () => {
    expect(new Set(combinations.map(c => c.base.name)).size).toBeGreaterThan(
      goldenCases.length / 2,
    );
    expect(new Set(combinations.map(c => c.platformVersion)).size).toBe(
      PLATFORM_VERSIONS.length,
    );
    expect(Object.keys(written)).toHaveLength(combinations.length);
  });

  it('should pass every quality gate', async () => {
    for (const [index, options] of combinations.entries()) {
      const report = await checkTerraformTree(written[`combination-${index}`], {
        allowAcceptanceOptOut: options.base.allowAcceptanceOptOut,
      });
      expect({ index, problems: report.problems }).toEqual({
        index,
        problems: [],
      });
    }
    // Every combination is parsed and formatted: several seconds, more on a busy machine.
  }, 30_000);

  describeWithTerraformCli(
    'should all pass terraform fmt -check and terraform validate',
    async () => written,
    120_000,
  );
});
