import {
  costEstimateInputSchema,
  CostEstimate,
  CostScenario,
  describePlanReason,
  EGRESS_MODES,
  ENDPOINT_SERVICE_SUFFIXES,
  estimateMonthlyCost,
  formatUsd,
  EXEC_SESSION_LOG_DESTINATIONS,
  EndpointPlan,
  IMAGE_SOURCES,
  interfaceEndpointsOf,
  LAUNCH_TYPES,
  LOGGING_MODES,
  planEndpoints,
  PLATFORM_VERSIONS,
  planRequirementsSchema,
  SECRET_SOURCES,
  unpricedRegionNote,
} from '@private-fargate/plugin-private-fargate-common';
import type { Command } from '../runCli';
import { parseFlags } from '../parseFlags';
import { UsageError } from '../UsageError';

const HELP = `Usage: npx private-fargate plan --region <code> [options]

Plans the VPC endpoints an ECS service in private subnets needs, says why each
one is needed, warns about what cannot work without internet, and compares the
monthly cost of endpoints, NAT gateways, and both.

Requirements:
  --region <code>             AWS Region, e.g. ap-northeast-1 (required)
  --launch-type <type>        ${LAUNCH_TYPES.join(' | ')} (default FARGATE)
  --platform-version <v>      ${PLATFORM_VERSIONS.join(
    ' | ',
  )} (default LATEST; Fargate only)
  --image-source <source>     ${IMAGE_SOURCES.join(' | ')} (default ecr)
  --logs <mode>               ${LOGGING_MODES.join(' | ')} (default awslogs)
  --exec                      ECS Exec is enabled
  --exec-kms                  ECS Exec sessions use a customer-managed KMS key (needs --exec)
  --exec-logs <dest>          ${EXEC_SESSION_LOG_DESTINATIONS.join(
    ' | ',
  )}: ECS Exec session logs (default none)
  --exec-log-bucket <bucket>  S3 bucket for Exec session logs (with --exec-logs s3)
  --secrets <list>            ${SECRET_SOURCES.join(
    ',',
  )}: where task-definition secrets come from
  --xray                      the X-Ray daemon or ADOT collector sends traces
  --service-connect           the service uses ECS Service Connect
  --efs                       the task mounts EFS volumes
  --bastion                   an SSM Session Manager bastion runs in the VPC
  --aws-services <list>       other AWS APIs the application calls, comma-separated, from:
                              ${ENDPOINT_SERVICE_SUFFIXES.join(', ')}
  --app-bucket <bucket>       S3 bucket the application uses (allowed by the S3 endpoint
                              policy); repeatable or comma-separated
  --egress <mode>             ${EGRESS_MODES.join(
    ' | ',
  )}: none = nothing leaves the VPC, nat = a NAT
                              path exists for whatever has no endpoint (default none)

Cost:
  --azs <n>                   Availability Zones with endpoint ENIs and NAT gateways (default 2)
  --gb-per-month <n>          GB per month of traffic to AWS services (default 0)
  --services <n>              services sharing the VPC's endpoints (default 1)
  --nat-gateways <n>          NAT gateways (default: one per AZ)

Output:
  --json                      print { endpoints, warnings, cost, requirements } as JSON
  -h, --help                  show this help

Example:
  npx private-fargate plan --region ap-northeast-1 --platform-version 1.4.0 --logs awslogs \\
    --exec --secrets secretsmanager --azs 2 --gb-per-month 50 --services 3

Exit codes: 0 planned, 2 invalid flags or values.
`;

const OPTIONS = {
  region: { type: 'string' },
  'launch-type': { type: 'string' },
  'platform-version': { type: 'string' },
  'image-source': { type: 'string' },
  logs: { type: 'string' },
  exec: { type: 'boolean' },
  'exec-kms': { type: 'boolean' },
  'exec-logs': { type: 'string' },
  'exec-log-bucket': { type: 'string' },
  secrets: { type: 'string', multiple: true },
  xray: { type: 'boolean' },
  'service-connect': { type: 'boolean' },
  efs: { type: 'boolean' },
  bastion: { type: 'boolean' },
  'aws-services': { type: 'string', multiple: true },
  'app-bucket': { type: 'string', multiple: true },
  egress: { type: 'string' },
  azs: { type: 'string' },
  'gb-per-month': { type: 'string' },
  services: { type: 'string' },
  'nat-gateways': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// Requirement and cost fields, by the flag that sets them, so errors name the flag.
const FLAG_OF_FIELD: Record<string, string> = {
  region: '--region',
  launchType: '--launch-type',
  platformVersion: '--platform-version',
  imageSource: '--image-source',
  logging: '--logs',
  exec: '--exec',
  'exec.enabled': '--exec',
  'exec.kmsKey': '--exec-kms',
  'exec.sessionLogs': '--exec-logs',
  execLogBucket: '--exec-log-bucket',
  secrets: '--secrets',
  awsServices: '--aws-services',
  applicationBuckets: '--app-bucket',
  egress: '--egress',
  azs: '--azs',
  gbPerMonth: '--gb-per-month',
  services: '--services',
  natGateways: '--nat-gateways',
};

type Flags = ReturnType<typeof parseCommandLine>['values'];

function parseCommandLine(args: string[]) {
  return parseFlags(args, OPTIONS, {
    hint: 'Run with --help for the options.',
    positionals: false,
  });
}

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap(value => value.split(','))
    .map(v => v.trim())
    .filter(Boolean);
}

function number(
  flags: Flags,
  flag: 'azs' | 'gb-per-month' | 'services' | 'nat-gateways',
) {
  const raw = flags[flag];
  if (raw === undefined) {
    return undefined;
  }
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(
      `--${flag}: expected a number, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

function flagErrors(
  issues: { path: (string | number)[]; message: string }[],
): string {
  return issues
    .map(issue => {
      const key = issue.path.filter(part => typeof part === 'string').join('.');
      const flag =
        FLAG_OF_FIELD[key] ?? FLAG_OF_FIELD[String(issue.path[0])] ?? key;
      return `${flag}: ${issue.message}`;
    })
    .join('\n');
}

function requirementsFrom(flags: Flags) {
  const input = {
    region: flags.region,
    launchType: flags['launch-type'],
    platformVersion: flags['platform-version'],
    imageSource: flags['image-source'],
    logging: flags.logs,
    exec: {
      enabled: Boolean(flags.exec),
      kmsKey: Boolean(flags['exec-kms']),
      sessionLogs: flags['exec-logs'],
    },
    secrets: list(flags.secrets),
    xray: Boolean(flags.xray),
    serviceConnect: Boolean(flags['service-connect']),
    efs: Boolean(flags.efs),
    bastion: Boolean(flags.bastion),
    awsServices: list(flags['aws-services']),
    egress: flags.egress,
    applicationBuckets: list(flags['app-bucket']),
    execLogBucket: flags['exec-log-bucket'],
  };
  const parsed = planRequirementsSchema.safeParse(input);
  if (!parsed.success) {
    throw new UsageError(flagErrors(parsed.error.issues));
  }
  return parsed.data;
}

function costFrom(flags: Flags, plan: EndpointPlan): CostEstimate | undefined {
  const input = {
    region: plan.requirements.region,
    azs: number(flags, 'azs') ?? 2,
    interfaceEndpoints: interfaceEndpointsOf(plan).length,
    gbPerMonth: number(flags, 'gb-per-month') ?? 0,
    services: number(flags, 'services'),
    natGateways: number(flags, 'nat-gateways'),
  };
  const parsed = costEstimateInputSchema.safeParse(input);
  if (!parsed.success) {
    const onlyRegion = parsed.error.issues.every(
      issue => issue.path[0] === 'region',
    );
    if (onlyRegion) {
      return undefined;
    }
    throw new UsageError(
      flagErrors(parsed.error.issues.filter(i => i.path[0] !== 'region')),
    );
  }
  return estimateMonthlyCost(input);
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => row[column].length)),
  );
  return rows.map(row =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd(),
  );
}

function scenarioLines(title: string, scenario: CostScenario): string[] {
  const rows = scenario.lines.map(line => [
    `  ${line.label}`,
    `${line.quantity} ${line.unit} × $${line.unitPrice}`,
    formatUsd(line.amount),
  ]);
  return [`${title}: ${formatUsd(scenario.total)}`, ...table(rows)];
}

function unverified(cost: CostEstimate): boolean {
  return [cost.endpointsOnly, cost.natOnly, cost.natPlusEndpoints]
    .flatMap(scenario => scenario.lines)
    .some(line => line.confidence === 'unverified');
}

interface CostShape {
  azs: number;
  gbPerMonth: number;
  services: number;
}

function readable(
  plan: EndpointPlan,
  cost: CostEstimate | undefined,
  shape: CostShape,
): string {
  const { requirements } = plan;
  const out: string[] = [];
  const platform =
    requirements.launchType === 'FARGATE'
      ? `, platform ${requirements.platformVersion}`
      : '';
  out.push(
    `VPC endpoints for ${requirements.region} (${requirements.launchType}${platform}, egress ${requirements.egress})`,
    '',
  );
  if (plan.endpoints.length === 0) {
    out.push('No endpoints needed.');
  } else {
    out.push(
      ...table([
        ['SERVICE', 'TYPE', 'WHY'],
        ...plan.endpoints.map(endpoint => [
          endpoint.service,
          endpoint.type,
          endpoint.reasons.map(describePlanReason).join('; '),
        ]),
      ]),
    );
  }
  const s3 = plan.endpoints.find(e => e.service === 's3');
  if (s3?.policy) {
    out.push('', 'S3 gateway endpoint policy allows:');
    for (const statement of s3.policy.Statement) {
      out.push(
        `  ${statement.Action.join(', ')} on ${statement.Resource.join(', ')}`,
      );
    }
  }
  if (plan.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const warning of plan.warnings) {
      out.push(`  [${warning.severity}] ${warning.code}: ${warning.message}`);
    }
  }
  out.push('');
  if (!cost) {
    out.push(`Monthly cost: ${unpricedRegionNote(requirements.region)}`);
    return `${out.join('\n')}\n`;
  }
  out.push(
    `Monthly cost in ${cost.region} (USD): ${shape.azs} AZ, ${cost.hoursPerMonth} h, ` +
      `${shape.gbPerMonth} GB to AWS services, shared by ${shape.services} service(s)`,
    ...table([
      ['  WAY', 'TOTAL', 'PER SERVICE'],
      [
        '  endpoints only',
        formatUsd(cost.endpointsOnly.total),
        formatUsd(cost.perService.endpointsOnly),
      ],
      [
        '  NAT only',
        formatUsd(cost.natOnly.total),
        formatUsd(cost.perService.natOnly),
      ],
      [
        '  NAT + endpoints',
        formatUsd(cost.natPlusEndpoints.total),
        formatUsd(cost.perService.natPlusEndpoints),
      ],
    ]),
    '',
    ...scenarioLines('Endpoints only', cost.endpointsOnly),
    '',
    ...scenarioLines('NAT only', cost.natOnly),
    '',
    ...scenarioLines('NAT + endpoints', cost.natPlusEndpoints),
    '',
    'Gateway endpoints (s3, dynamodb) are free. Each line rounds to the cent; sources: --json.',
    ...(unverified(cost)
      ? [
          `Some ${cost.region} prices are list prices not verified against a dated source; check them in the AWS Pricing Calculator.`,
        ]
      : []),
  );
  return `${out.join('\n')}\n`;
}

/** What `plan` prints for the given arguments; throws UsageError on bad flags. */
export function runPlan(args: string[]): string {
  const { values: flags } = parseCommandLine(args);
  if (flags.help) {
    return HELP;
  }
  if (!flags.region) {
    throw new UsageError('--region is required, e.g. --region ap-northeast-1');
  }
  const requirements = requirementsFrom(flags);
  const plan = planEndpoints(requirements);
  const cost = costFrom(flags, plan);
  if (flags.json) {
    return `${JSON.stringify(
      {
        endpoints: plan.endpoints,
        warnings: plan.warnings,
        cost: cost ?? null,
        requirements: plan.requirements,
      },
      null,
      2,
    )}\n`;
  }
  return readable(plan, cost, {
    azs: number(flags, 'azs') ?? 2,
    gbPerMonth: number(flags, 'gb-per-month') ?? 0,
    services: number(flags, 'services') ?? 1,
  });
}

/** `private-fargate plan`: which VPC endpoints a service needs, why, and what they cost. */
export const planCommand: Command = {
  async run(args) {
    process.stdout.write(runPlan(args));
    return 0;
  },
};
