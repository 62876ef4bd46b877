import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from '../UsageError';
import { runPlan } from './plan';

const ISSUE_EXAMPLE = [
  '--region',
  'ap-northeast-1',
  '--platform-version',
  '1.4.0',
  '--logs',
  'awslogs',
  '--exec',
  '--secrets',
  'secretsmanager',
  '--azs',
  '2',
  '--gb-per-month',
  '50',
  '--services',
  '3',
];

function json(args: string[]) {
  return JSON.parse(runPlan([...args, '--json']));
}

describe('plan --json', () => {
  it('prints the endpoints with service name, type and reasons, the warnings and the cost', () => {
    const output = json(ISSUE_EXAMPLE);
    expect(
      output.endpoints.map((e: any) => [
        e.service,
        e.serviceName,
        e.type,
        e.reasons,
      ]),
    ).toEqual([
      [
        'ecr.api',
        'com.amazonaws.ap-northeast-1.ecr.api',
        'Interface',
        ['image-pull:ecr'],
      ],
      [
        'ecr.dkr',
        'com.amazonaws.ap-northeast-1.ecr.dkr',
        'Interface',
        ['image-pull:ecr'],
      ],
      ['s3', 'com.amazonaws.ap-northeast-1.s3', 'Gateway', ['image-pull:ecr']],
      [
        'logs',
        'com.amazonaws.ap-northeast-1.logs',
        'Interface',
        ['logging:awslogs'],
      ],
      [
        'secretsmanager',
        'com.amazonaws.ap-northeast-1.secretsmanager',
        'Interface',
        ['secrets:secretsmanager'],
      ],
      [
        'ssmmessages',
        'com.amazonaws.ap-northeast-1.ssmmessages',
        'Interface',
        ['exec'],
      ],
    ]);
    expect(output.warnings).toEqual([]);
    // 5 interface endpoints × 2 AZ × 730 h × 0.014 = 102.20, + 50 GB × 0.01.
    expect(output.cost.endpointsOnly.total).toBe(102.7);
    expect(output.cost.natOnly.total).toBe(100.92);
    expect(output.cost.perService).toEqual({
      endpointsOnly: 34.23,
      natOnly: 33.64,
      natPlusEndpoints: 66.84,
    });
    expect(output.requirements.exec).toEqual({
      enabled: true,
      kmsKey: false,
      sessionLogs: 'none',
    });
  });

  it('maps every requirement flag onto the plan', () => {
    const output = json([
      '--region',
      'us-east-1',
      '--launch-type',
      'EC2',
      '--image-source',
      'ecr-pull-through-cache',
      '--logs',
      'firelens-cloudwatch',
      '--exec',
      '--exec-kms',
      '--exec-logs',
      's3',
      '--exec-log-bucket',
      'exec-logs-1',
      '--secrets',
      'ssm',
      '--secrets',
      'secretsmanager',
      '--xray',
      '--service-connect',
      '--efs',
      '--bastion',
      '--aws-services',
      'sqs, dynamodb',
      '--app-bucket',
      'app-a,app-b',
      '--egress',
      'nat',
      '--nat-gateways',
      '1',
    ]);
    expect(output.requirements).toEqual({
      region: 'us-east-1',
      launchType: 'EC2',
      platformVersion: 'LATEST',
      imageSource: 'ecr-pull-through-cache',
      logging: 'firelens-cloudwatch',
      exec: { enabled: true, kmsKey: true, sessionLogs: 's3' },
      secrets: ['ssm', 'secretsmanager'],
      xray: true,
      serviceConnect: true,
      efs: true,
      bastion: true,
      awsServices: ['sqs', 'dynamodb'],
      egress: 'nat',
      applicationBuckets: ['app-a', 'app-b'],
      execLogBucket: 'exec-logs-1',
    });
    expect(output.endpoints.map((e: any) => e.service)).toEqual([
      'ecr.api',
      'ecr.dkr',
      's3',
      'logs',
      'secretsmanager',
      'ssm',
      'ssmmessages',
      'kms',
      'xray',
      'ecs',
      'ecs-agent',
      'ecs-telemetry',
      'dynamodb',
      'sqs',
    ]);
    expect(output.warnings.map((w: any) => [w.code, w.severity])).toEqual([
      ['pull-through-cache-first-pull', 'info'],
      ['efs-mount-targets', 'info'],
    ]);
    expect(output.cost.natOnly.lines[0]).toMatchObject({
      quantity: 730,
      amount: 32.85,
    });
  });

  it('plans a Region without prices and leaves the cost out', () => {
    const output = json(['--region', 'ca-west-1']);
    expect(output.cost).toBeNull();
    expect(output.warnings.map((w: any) => w.code)).toEqual([
      'region-needs-ecs-endpoints',
    ]);
  });
});

describe('plan (readable)', () => {
  it('says where a Region without prices is priced, instead of a cost', () => {
    expect(runPlan(['--region', 'ca-west-1'])).toContain(
      'Monthly cost: No prices for ca-west-1 in this version (priced Regions: ap-northeast-1',
    );
  });

  it('shows service, type, reasons, warnings and the cost comparison', () => {
    const text = runPlan([
      ...ISSUE_EXAMPLE,
      '--image-source',
      'ecr-pull-through-cache',
    ]);
    expect(text).toContain(
      'VPC endpoints for ap-northeast-1 (FARGATE, platform 1.4.0, egress none)',
    );
    expect(text).toMatch(/^ssmmessages\s+Interface\s+ECS Exec$/m);
    expect(text).toMatch(
      /^s3\s+Gateway\s+pull images through an ECR pull-through cache$/m,
    );
    expect(text).toContain(
      's3:GetObject on arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*',
    );
    expect(text).toContain('[warning] pull-through-cache-first-pull:');
    expect(text).toMatch(/^\s+endpoints only\s+\$102\.70\s+\$34\.23$/m);
    expect(text).toMatch(/^\s+NAT only\s+\$100\.92\s+\$33\.64$/m);
    expect(text).toMatch(/^\s+NAT \+ endpoints\s+\$200\.52\s+\$66\.84$/m);
  });

  it('writes dollars as the card and the generated README do, with thousands separators', () => {
    const text = runPlan([
      ...ISSUE_EXAMPLE,
      '--azs',
      '6',
      '--gb-per-month',
      '100000',
      '--services',
      '1',
    ]);
    expect(text).toMatch(
      /^\s+NAT \+ endpoints\s+\$\d{1,3},\d{3}\.\d\d\s+\$\d{1,3},\d{3}\.\d\d$/m,
    );
    expect(text).toMatch(/^NAT only: \$\d{1,3},\d{3}\.\d\d$/m);
  });

  it('flags list prices that are not verified', () => {
    expect(runPlan(['--region', 'eu-west-1'])).toContain(
      'Some eu-west-1 prices are list prices not verified',
    );
    expect(runPlan(['--region', 'us-east-1'])).not.toContain('not verified');
  });

  it('says when no endpoint is needed', () => {
    expect(
      runPlan([
        '--region',
        'us-east-1',
        '--image-source',
        'external',
        '--logs',
        'none',
      ]),
    ).toContain('No endpoints needed.');
  });

  it('explains every flag in --help', () => {
    const help = runPlan(['--help']);
    for (const flag of [
      '--region',
      '--launch-type',
      '--platform-version',
      '--image-source',
      '--logs',
      '--exec',
      '--exec-kms',
      '--exec-logs',
      '--exec-log-bucket',
      '--secrets',
      '--xray',
      '--service-connect',
      '--efs',
      '--bastion',
      '--aws-services',
      '--app-bucket',
      '--egress',
      '--azs',
      '--gb-per-month',
      '--services',
      '--nat-gateways',
      '--json',
      '--help',
    ]) {
      expect(help).toMatch(new RegExp(`^\\s+(-h, )?${flag}\\b`, 'm'));
    }
  });
});

describe('plan bad flags', () => {
  it.each([
    [[], /--region is required/],
    [
      ['--region', 'mars-north-1'],
      /--region: unknown AWS Region "mars-north-1"/,
    ],
    [
      ['--region', 'us-east-1', '--logs', 'syslog'],
      /--logs: "syslog" is not allowed; expected one of: awslogs, firelens-cloudwatch, none/,
    ],
    [
      ['--region', 'us-east-1', '--exec-logs', 's3', '--exec'],
      /--exec-log-bucket: is required when exec.sessionLogs is "s3"/,
    ],
    [
      ['--region', 'us-east-1', '--exec-kms'],
      /--exec-kms: needs exec.enabled = true/,
    ],
    [
      ['--region', 'us-east-1', '--secrets', 'vault'],
      /--secrets: "vault" is not allowed/,
    ],
    [
      ['--region', 'us-east-1', '--aws-services', 'lambda'],
      /--aws-services: unknown endpoint service "lambda"/,
    ],
    [
      ['--region', 'us-east-1', '--app-bucket', 'UPPER'],
      /--app-bucket: may contain only lower-case/,
    ],
    [
      ['--region', 'us-east-1', '--azs', 'two'],
      /--azs: expected a number, got "two"/,
    ],
    [['--region', 'us-east-1', '--azs', '9'], /--azs: must be at most 6/],
    [
      ['--region', 'us-east-1', '--gb-per-month=-5'],
      /--gb-per-month: must be 0 or more/,
    ],
    [
      ['--region', 'us-east-1', '--services', '0'],
      /--services: must be at least 1/,
    ],
    [['--region', 'us-east-1', '--colour'], /Unknown option '--colour'/],
    [['--region', 'us-east-1', 'extra'], /Unexpected argument 'extra'/],
  ])('%j is a usage error', (args, message) => {
    expect(() => runPlan(args as string[])).toThrow(UsageError);
    expect(() => runPlan(args as string[])).toThrow(message);
  });
});

// Through the real bin script and runCli, as `npx private-fargate plan` runs it.
describe('the private-fargate binary', () => {
  const bin = path.resolve(__dirname, '../../bin/private-fargate');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [bin, 'plan', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints help and a JSON plan, and exits 2 on a bad flag', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(
      'Usage: npx private-fargate plan --region <code> [options]',
    );

    const planned = run([...ISSUE_EXAMPLE, '--json']);
    expect(planned.status).toBe(0);
    expect(JSON.parse(planned.stdout).endpoints).toHaveLength(6);

    const bad = run(['--region', 'us-east-1', '--launch-type', 'lambda']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      '--launch-type: "lambda" is not allowed; expected one of: FARGATE, EC2',
    );
  });
});
