import { InputError } from '@backstage/errors';
import { planEndpoints } from './planEndpoints';
import type { PlanRequirementsInput } from './requirements';

type Row = {
  name: string;
  input: PlanRequirementsInput;
  endpoints: [string, string[]][];
  warnings?: [string, 'warning' | 'info'][];
};

const tokyo = { region: 'ap-northeast-1' } as const;

// The five reference architectures of SCENARIOS.md, then further combinations.
const rows: Row[] = [
  {
    name: 'scenario 1: Tokyo, ECR through endpoints, ECS Exec with KMS, NAT kept for the rest',
    input: {
      ...tokyo,
      platformVersion: '1.4.0',
      exec: { enabled: true, kmsKey: true },
      egress: 'nat',
      applicationBuckets: ['my-app-assets'],
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr', 'application-buckets']],
      ['logs', ['logging:awslogs']],
      ['ssmmessages', ['exec']],
      ['kms', ['exec:kms-key']],
    ],
  },
  {
    name: 'scenario 1 on platform 1.3.0: only ecr.dkr and s3 for pulls',
    input: {
      ...tokyo,
      platformVersion: '1.3.0',
      logging: 'none',
      egress: 'nat',
    },
    endpoints: [
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
    ],
  },
  {
    name: 'scenario 2: several app subnets per AZ (same endpoints, dedicated endpoint subnets)',
    input: { ...tokyo, secrets: ['secretsmanager'] },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['logs', ['logging:awslogs']],
      ['secretsmanager', ['secrets:secretsmanager']],
    ],
  },
  {
    name: 'scenario 3: SSM bastion on Fargate',
    input: { ...tokyo, bastion: true },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['logs', ['logging:awslogs']],
      ['ssm', ['bastion']],
      ['ssmmessages', ['bastion']],
    ],
  },
  {
    name: 'scenario 4: fully closed environment, ECR only',
    input: { ...tokyo, logging: 'none', egress: 'none' },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
    ],
  },
  {
    name: 'scenario 5: PrivateLink provider service behind ALB and NLB',
    input: { region: 'us-east-1' },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['logs', ['logging:awslogs']],
    ],
  },
  {
    name: 'EC2 launch type needs the three ECS endpoints',
    input: { region: 'us-east-1', launchType: 'EC2' },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['logs', ['logging:awslogs']],
      ['ecs', ['launch-type:ec2']],
      ['ecs-agent', ['launch-type:ec2']],
      ['ecs-telemetry', ['launch-type:ec2']],
    ],
  },
  {
    name: 'EC2 ignores platform version 1.3.0: ecr.api stays',
    input: {
      region: 'us-east-1',
      launchType: 'EC2',
      platformVersion: '1.3.0',
      logging: 'none',
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['ecs', ['launch-type:ec2']],
      ['ecs-agent', ['launch-type:ec2']],
      ['ecs-telemetry', ['launch-type:ec2']],
    ],
  },
  {
    name: 'ECS Exec on 1.3.0 is planned but warned about',
    input: { ...tokyo, platformVersion: '1.3.0', exec: { enabled: true } },
    endpoints: [
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['logs', ['logging:awslogs']],
      ['ssmmessages', ['exec']],
    ],
    warnings: [['exec-needs-1.4.0', 'warning']],
  },
  {
    name: 'EFS on 1.3.0, which cannot mount it, is warned about',
    input: { ...tokyo, platformVersion: '1.3.0', logging: 'none', efs: true },
    endpoints: [
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
    ],
    warnings: [
      ['efs-needs-1.4.0', 'warning'],
      ['efs-mount-targets', 'info'],
    ],
  },
  {
    name: 'secrets on 1.3.0 keep their endpoint',
    input: {
      ...tokyo,
      platformVersion: '1.3.0',
      logging: 'none',
      secrets: ['ssm'],
    },
    endpoints: [
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['ssm', ['secrets:ssm']],
    ],
  },
  {
    name: 'pull-through cache without NAT: first pull cannot work',
    input: { ...tokyo, imageSource: 'ecr-pull-through-cache', logging: 'none' },
    endpoints: [
      ['ecr.api', ['image-pull:ecr-pull-through-cache']],
      ['ecr.dkr', ['image-pull:ecr-pull-through-cache']],
      ['s3', ['image-pull:ecr-pull-through-cache']],
    ],
    warnings: [['pull-through-cache-first-pull', 'warning']],
  },
  {
    name: 'pull-through cache with NAT: first pull goes through NAT',
    input: {
      ...tokyo,
      imageSource: 'ecr-pull-through-cache',
      logging: 'none',
      egress: 'nat',
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr-pull-through-cache']],
      ['ecr.dkr', ['image-pull:ecr-pull-through-cache']],
      ['s3', ['image-pull:ecr-pull-through-cache']],
    ],
    warnings: [['pull-through-cache-first-pull', 'info']],
  },
  {
    name: 'outside registry with registry credentials and no internet',
    input: {
      ...tokyo,
      imageSource: 'external',
      logging: 'none',
      secrets: ['secretsmanager'],
    },
    endpoints: [['secretsmanager', ['secrets:secretsmanager']]],
    warnings: [['external-registry', 'warning']],
  },
  {
    name: 'outside registry, nothing else: no endpoints at all',
    input: {
      ...tokyo,
      imageSource: 'external',
      logging: 'none',
      egress: 'nat',
    },
    endpoints: [],
    warnings: [['external-registry', 'info']],
  },
  {
    name: 'both secret sources and X-Ray',
    input: {
      region: 'eu-west-1',
      secrets: ['ssm', 'secretsmanager'],
      xray: true,
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['logs', ['logging:awslogs']],
      ['secretsmanager', ['secrets:secretsmanager']],
      ['ssm', ['secrets:ssm']],
      ['xray', ['xray']],
    ],
  },
  {
    name: 'FireLens to CloudWatch and Exec session logs share the logs endpoint',
    input: {
      ...tokyo,
      logging: 'firelens-cloudwatch',
      exec: { enabled: true, sessionLogs: 'cloudwatch' },
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['logs', ['logging:firelens-cloudwatch', 'exec:session-logs:cloudwatch']],
      ['ssmmessages', ['exec']],
    ],
  },
  {
    name: 'Exec session logs to CloudWatch alone still need logs',
    input: {
      ...tokyo,
      imageSource: 'external',
      logging: 'none',
      egress: 'nat',
      exec: { enabled: true, sessionLogs: 'cloudwatch' },
    },
    endpoints: [
      ['logs', ['exec:session-logs:cloudwatch']],
      ['ssmmessages', ['exec']],
    ],
    warnings: [['external-registry', 'info']],
  },
  {
    name: 'Exec session logs to S3 add a reason to the S3 gateway',
    input: {
      ...tokyo,
      logging: 'none',
      exec: { enabled: true, sessionLogs: 's3' },
      execLogBucket: 'exec-logs-123',
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr', 'exec:session-logs:s3']],
      ['ssmmessages', ['exec']],
    ],
  },
  {
    name: 'Service Connect on Fargate needs only ecs-agent',
    input: { region: 'us-west-2', logging: 'none', serviceConnect: true },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['ecs-agent', ['service-connect']],
    ],
  },
  {
    name: 'Service Connect on EC2 lists both reasons on ecs-agent',
    input: {
      region: 'us-west-2',
      logging: 'none',
      launchType: 'EC2',
      serviceConnect: true,
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['ecs', ['launch-type:ec2']],
      ['ecs-agent', ['launch-type:ec2', 'service-connect']],
      ['ecs-telemetry', ['launch-type:ec2']],
    ],
  },
  {
    name: 'ca-west-1 Fargate without ECS endpoints: warned, none planned',
    input: { region: 'ca-west-1', logging: 'none' },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
    ],
    warnings: [['region-needs-ecs-endpoints', 'warning']],
  },
  {
    name: 'ca-west-1 with Service Connect: all three ECS endpoints',
    input: { region: 'ca-west-1', logging: 'none', serviceConnect: true },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['ecs', ['region-needs-ecs-endpoints']],
      ['ecs-agent', ['service-connect', 'region-needs-ecs-endpoints']],
      ['ecs-telemetry', ['region-needs-ecs-endpoints']],
    ],
    warnings: [['region-needs-ecs-endpoints', 'info']],
  },
  {
    name: 'application calls SQS, DynamoDB and STS',
    input: {
      ...tokyo,
      logging: 'none',
      awsServices: ['sqs', 'dynamodb', 'sts'],
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['sts', ['aws-service:sts']],
      ['dynamodb', ['aws-service:dynamodb']],
      ['sqs', ['aws-service:sqs']],
    ],
  },
  {
    name: 'application calls S3 without naming buckets',
    input: { ...tokyo, logging: 'none', awsServices: ['s3'] },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr', 'aws-service:s3']],
    ],
    warnings: [['s3-application-buckets-missing', 'warning']],
  },
  {
    name: 'EFS volumes need no endpoint, bastion and Exec share ssmmessages',
    input: {
      ...tokyo,
      logging: 'none',
      efs: true,
      bastion: true,
      exec: { enabled: true },
    },
    endpoints: [
      ['ecr.api', ['image-pull:ecr']],
      ['ecr.dkr', ['image-pull:ecr']],
      ['s3', ['image-pull:ecr']],
      ['ssm', ['bastion']],
      ['ssmmessages', ['exec', 'bastion']],
    ],
    warnings: [['efs-mount-targets', 'info']],
  },
];

describe('planEndpoints', () => {
  it.each(rows)('$name', ({ input, endpoints, warnings = [] }) => {
    const plan = planEndpoints(input);
    expect(plan.endpoints.map(e => [e.service, e.reasons])).toEqual(endpoints);
    expect(plan.warnings.map(w => [w.code, w.severity])).toEqual(warnings);
  });

  it('gives every endpoint its full service name, type and private DNS setting', () => {
    const plan = planEndpoints({
      region: 'ap-northeast-1',
      awsServices: ['dynamodb'],
    });
    expect(
      plan.endpoints.map(e => [e.serviceName, e.type, e.privateDnsEnabled]),
    ).toEqual([
      ['com.amazonaws.ap-northeast-1.ecr.api', 'Interface', true],
      ['com.amazonaws.ap-northeast-1.ecr.dkr', 'Interface', true],
      ['com.amazonaws.ap-northeast-1.s3', 'Gateway', undefined],
      ['com.amazonaws.ap-northeast-1.logs', 'Interface', true],
      ['com.amazonaws.ap-northeast-1.dynamodb', 'Gateway', undefined],
    ]);
    expect(
      plan.endpoints.every(e =>
        e.docUrl.startsWith('https://docs.aws.amazon.com/'),
      ),
    ).toBe(true);
  });

  it('attaches the least-privilege S3 policy with the prod- layer bucket and the listed buckets', () => {
    const plan = planEndpoints({
      region: 'ap-northeast-1',
      exec: { enabled: true, sessionLogs: 's3' },
      execLogBucket: 'exec-logs-123',
      applicationBuckets: ['my-app-assets'],
    });
    const s3 = plan.endpoints.find(e => e.service === 's3')!;
    expect(
      s3.policy!.Statement.map(s => [s.Sid, s.Action, s.Resource]),
    ).toEqual([
      [
        'EcrImageLayers',
        ['s3:GetObject'],
        ['arn:aws:s3:::prod-ap-northeast-1-starport-layer-bucket/*'],
      ],
      [
        'EcsExecSessionLogs',
        ['s3:PutObject'],
        ['arn:aws:s3:::exec-logs-123/*'],
      ],
      [
        'EcsExecSessionLogsEncryption',
        ['s3:GetEncryptionConfiguration'],
        ['arn:aws:s3:::exec-logs-123'],
      ],
      [
        'AppBucket1MyAppAssets',
        expect.arrayContaining([
          's3:GetObject',
          's3:PutObject',
          's3:ListBucket',
        ]),
        ['arn:aws:s3:::my-app-assets', 'arn:aws:s3:::my-app-assets/*'],
      ],
    ]);
    expect(plan.endpoints.filter(e => e.policy).map(e => e.service)).toEqual([
      's3',
    ]);
  });

  it('fills in the documented defaults', () => {
    expect(planEndpoints({ region: 'us-east-1' }).requirements).toEqual({
      region: 'us-east-1',
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      imageSource: 'ecr',
      logging: 'awslogs',
      exec: { enabled: false, kmsKey: false, sessionLogs: 'none' },
      secrets: [],
      xray: false,
      serviceConnect: false,
      efs: false,
      bastion: false,
      awsServices: [],
      egress: 'none',
      applicationBuckets: [],
    });
  });

  it.each([
    [
      { region: 'mars-north-1' },
      /region: unknown AWS Region "mars-north-1"; expected one of: .*ap-northeast-1/,
    ],
    [
      { region: 'us-east-1', launchType: 'LAMBDA' },
      /launchType: "LAMBDA" is not allowed; expected one of: FARGATE, EC2/,
    ],
    [
      { region: 'us-east-1', platformVersion: '1.5.0' },
      /platformVersion: "1.5.0" is not allowed; expected one of: LATEST, 1.4.0, 1.3.0/,
    ],
    [
      { region: 'us-east-1', secrets: ['vault'] },
      /secrets\[0\]: "vault" is not allowed; expected one of: secretsmanager, ssm/,
    ],
    [
      { region: 'us-east-1', awsServices: ['sns'] },
      /awsServices\[0\]: unknown endpoint service "sns"; expected one of: ecr.api/,
    ],
    [
      { region: 'us-east-1', exec: { enabled: true, sessionLogs: 's3' } },
      /execLogBucket: is required when exec.sessionLogs is "s3"/,
    ],
    [
      { region: 'us-east-1', exec: { kmsKey: true } },
      /exec.kmsKey: needs exec.enabled = true/,
    ],
    [
      { region: 'us-east-1', execLogBucket: 'exec-logs' },
      /execLogBucket: is only used with exec.sessionLogs = "s3"/,
    ],
    [
      { region: 'us-east-1', applicationBuckets: ['Bad_Bucket'] },
      /applicationBuckets\[0\]: may contain only lower-case/,
    ],
    [
      { region: 'us-east-1', applicationBuckets: ['dup-b', 'dup-b'] },
      /applicationBuckets: lists the same bucket twice/,
    ],
    [
      { region: 'us-east-1', egress: 'igw' },
      /egress: "igw" is not allowed; expected one of: none, nat/,
    ],
    [
      { region: 'us-east-1', cpu: 256 },
      /Unrecognized key\(s\) in object: 'cpu'/,
    ],
    [{}, /region: is required/],
  ])('rejects %j with an InputError naming the field', (input, message) => {
    expect(() => planEndpoints(input as PlanRequirementsInput)).toThrow(
      InputError,
    );
    expect(() => planEndpoints(input as PlanRequirementsInput)).toThrow(
      message,
    );
  });
});
