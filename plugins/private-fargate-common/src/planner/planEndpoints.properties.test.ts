import fc from 'fast-check';
import { ENDPOINT_SERVICE_SUFFIXES } from '../catalogue';
import { planEndpoints } from './planEndpoints';
import type { PlanReason } from './reasons';
import type { PlanRequirementsInput } from './requirements';

const requirementsArbitrary: fc.Arbitrary<PlanRequirementsInput> = fc
  .record({
    region: fc.constantFrom(
      'ap-northeast-1',
      'us-east-1',
      'eu-west-1',
      'ca-west-1',
      'mx-central-1',
    ),
    launchType: fc.constantFrom('FARGATE' as const, 'EC2' as const),
    platformVersion: fc.constantFrom(
      'LATEST' as const,
      '1.4.0' as const,
      '1.3.0' as const,
    ),
    imageSource: fc.constantFrom(
      'ecr' as const,
      'ecr-pull-through-cache' as const,
      'external' as const,
    ),
    logging: fc.constantFrom(
      'awslogs' as const,
      'firelens-cloudwatch' as const,
      'none' as const,
    ),
    execEnabled: fc.boolean(),
    execKms: fc.boolean(),
    sessionLogs: fc.constantFrom(
      'none' as const,
      'cloudwatch' as const,
      's3' as const,
    ),
    secrets: fc.subarray(['secretsmanager' as const, 'ssm' as const]),
    xray: fc.boolean(),
    serviceConnect: fc.boolean(),
    efs: fc.boolean(),
    bastion: fc.boolean(),
    awsServices: fc.subarray([...ENDPOINT_SERVICE_SUFFIXES]),
    egress: fc.constantFrom('none' as const, 'nat' as const),
    applicationBuckets: fc.subarray(['app-assets', 'app-uploads.example']),
  })
  .map(
    ({
      execEnabled,
      execKms,
      sessionLogs,
      ...rest
    }): PlanRequirementsInput => ({
      ...rest,
      exec: {
        enabled: execEnabled,
        kmsKey: execEnabled && execKms,
        sessionLogs: execEnabled ? sessionLogs : 'none',
      },
      ...(execEnabled && sessionLogs === 's3'
        ? { execLogBucket: 'exec-session-logs' }
        : {}),
    }),
  );

/** The same requirements without the one behind `reason`. */
function withoutReason(
  input: PlanRequirementsInput,
  reason: PlanReason,
): PlanRequirementsInput {
  const exec = {
    enabled: false,
    kmsKey: false,
    sessionLogs: 'none' as const,
    ...input.exec,
  };
  if (reason.startsWith('image-pull:'))
    return { ...input, imageSource: 'external' };
  if (reason.startsWith('logging:')) return { ...input, logging: 'none' };
  if (reason === 'exec') {
    return {
      ...input,
      exec: { enabled: false, kmsKey: false, sessionLogs: 'none' },
      execLogBucket: undefined,
    };
  }
  if (reason === 'exec:kms-key')
    return { ...input, exec: { ...exec, kmsKey: false } };
  if (reason.startsWith('exec:session-logs:')) {
    return {
      ...input,
      exec: { ...exec, sessionLogs: 'none' },
      execLogBucket: undefined,
    };
  }
  if (reason.startsWith('secrets:')) {
    return {
      ...input,
      secrets: input.secrets!.filter(s => `secrets:${s}` !== reason),
    };
  }
  if (reason.startsWith('aws-service:')) {
    return {
      ...input,
      awsServices: input.awsServices!.filter(
        s => `aws-service:${s}` !== reason,
      ),
    };
  }
  // EC2 ignores the platform version; Fargate reads it, so the switch keeps the default one.
  if (reason === 'launch-type:ec2')
    return { ...input, launchType: 'FARGATE', platformVersion: 'LATEST' };
  if (reason === 'region-needs-ecs-endpoints')
    return { ...input, region: 'us-east-1' };
  if (reason === 'application-buckets')
    return { ...input, applicationBuckets: [] };
  if (reason === 'xray') return { ...input, xray: false };
  if (reason === 'service-connect') return { ...input, serviceConnect: false };
  if (reason === 'bastion') return { ...input, bastion: false };
  throw new Error(`no removal for reason ${reason}`);
}

const ECS_TRIGGERS = [
  'launch-type:ec2',
  'service-connect',
  'aws-service:ecs',
  'aws-service:ecs-agent',
  'aws-service:ecs-telemetry',
];
const ECS_DEPENDENT = 'region-needs-ecs-endpoints';

/** Reasons that go away with `reason`: its own, and those only valid with it. */
function cascade(reason: PlanReason): Set<string> {
  const gone = new Set<string>([reason]);
  if (reason === 'exec') {
    [
      'exec:kms-key',
      'exec:session-logs:cloudwatch',
      'exec:session-logs:s3',
    ].forEach(r => gone.add(r));
  }
  return gone;
}

function reasonsByService(input: PlanRequirementsInput): Map<string, string[]> {
  return new Map(
    planEndpoints(input).endpoints.map(e => [e.service, e.reasons]),
  );
}

describe('planEndpoints properties', () => {
  it('is minimal: every endpoint has a reason, and removing a reason removes exactly what depended on it', () => {
    fc.assert(
      fc.property(requirementsArbitrary, input => {
        const before = reasonsByService(input);
        for (const [service, reasons] of before) {
          expect(reasons.length).toBeGreaterThan(0);
          for (const reason of reasons as PlanReason[]) {
            const after = reasonsByService(withoutReason(input, reason));
            const gone = cascade(reason);
            // Nothing new appears, and the removed reason is listed nowhere.
            for (const [afterService, afterReasons] of after) {
              expect(before.has(afterService)).toBe(true);
              expect(afterReasons).not.toContain(reason);
              expect(before.get(afterService)).toEqual(
                expect.arrayContaining(afterReasons),
              );
            }
            // The endpoint stays exactly when an independent reason still needs it.
            // In new Regions the ECS trio stays planned while any other rule plans an ECS endpoint.
            const ecsStillTriggered = [...after.values()].some(list =>
              list.some(r => ECS_TRIGGERS.includes(r)),
            );
            const remaining = reasons.filter(
              r => !gone.has(r) && (r !== ECS_DEPENDENT || ecsStillTriggered),
            );
            expect(after.get(service)).toEqual(
              remaining.length > 0 ? remaining : undefined,
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: same input, or the same lists in another order, give the same plan', () => {
    fc.assert(
      fc.property(requirementsArbitrary, fc.boolean(), (input, reverse) => {
        const reordered = {
          ...input,
          secrets: reverse ? [...input.secrets!].reverse() : input.secrets,
          awsServices: reverse
            ? [...input.awsServices!].reverse()
            : input.awsServices,
        };
        const first = planEndpoints(input);
        expect(planEndpoints(structuredClone(input))).toEqual(first);
        const other = planEndpoints(reordered);
        expect(other.endpoints).toEqual(first.endpoints);
        expect(other.warnings).toEqual(first.warnings);
        const order = first.endpoints.map(e =>
          ENDPOINT_SERVICE_SUFFIXES.indexOf(e.service),
        );
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('plans only s3 and dynamodb as gateways, every other endpoint as an interface with private DNS', () => {
    fc.assert(
      fc.property(requirementsArbitrary, input => {
        for (const endpoint of planEndpoints(input).endpoints) {
          const gateway =
            endpoint.service === 's3' || endpoint.service === 'dynamodb';
          expect(endpoint.type).toBe(gateway ? 'Gateway' : 'Interface');
          expect(endpoint.privateDnsEnabled).toBe(gateway ? undefined : true);
          expect(endpoint.serviceName).toBe(
            `com.amazonaws.${input.region}.${endpoint.service}`,
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
