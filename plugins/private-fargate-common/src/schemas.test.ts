import fc from 'fast-check';
import { z } from 'zod/v3';
import { formatZodError } from './errors';
import {
  awsAccountIdSchema,
  awsRegionSchema,
  cidrSchema,
  dnsNameSchema,
  endpointServiceIdSchema,
  endpointServiceNameSchema,
  endpointSuffixListSchema,
  portSchema,
  portTextSchema,
  principalArnSchema,
  routeTableIdSchema,
  s3BucketNameSchema,
  secretReferenceArnSchema,
  securityGroupIdSchema,
  serviceNameSchema,
  subnetIdSchema,
  vpcEndpointIdSchema,
  vpcIdSchema,
} from './schemas';

function errorOf(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : formatZodError(result.error);
}

const cases: [string, z.ZodType, unknown[], [unknown, RegExp][]][] = [
  [
    'awsAccountIdSchema',
    awsAccountIdSchema,
    ['123456789012'],
    [
      ['12345678901', /12-digit/],
      ['12345678901a', /12-digit/],
    ],
  ],
  [
    'awsRegionSchema',
    awsRegionSchema,
    ['ap-northeast-1', 'ca-west-1'],
    [
      [
        'ap-northeast-9',
        /unknown AWS Region "ap-northeast-9"; expected one of/,
      ],
      ['Tokyo', /unknown AWS Region/],
      ['', /is empty: must be a Region code such as ap-northeast-1/],
    ],
  ],
  [
    'vpcIdSchema',
    vpcIdSchema,
    ['vpc-0a1b2c3d', 'vpc-0a1b2c3d4e5f60718'],
    [
      ['vpc-0A1B2C3D', /lower-case hex/],
      ['vpc-123', /8 or 17/],
      ['subnet-0a1b2c3d', /"vpc-"/],
    ],
  ],
  [
    'subnetIdSchema',
    subnetIdSchema,
    ['subnet-0a1b2c3d4e5f60718'],
    [['subnet-xyz', /"subnet-"/]],
  ],
  [
    'routeTableIdSchema',
    routeTableIdSchema,
    ['rtb-0a1b2c3d'],
    [['rtb-0a1b2c3d4', /"rtb-"/]],
  ],
  [
    'securityGroupIdSchema',
    securityGroupIdSchema,
    ['sg-0a1b2c3d4e5f60718'],
    [['sg-', /"sg-"/]],
  ],
  [
    'vpcEndpointIdSchema',
    vpcEndpointIdSchema,
    ['vpce-0a1b2c3d4e5f60718'],
    [['vpce-svc-0a1b2c3d4e5f60718', /"vpce-"/]],
  ],
  [
    'endpointServiceIdSchema',
    endpointServiceIdSchema,
    ['vpce-svc-0a1b2c3d4e5f60718'],
    [['vpce-0a1b2c3d4e5f60718', /"vpce-svc-"/]],
  ],
  [
    'endpointServiceNameSchema',
    endpointServiceNameSchema,
    ['com.amazonaws.vpce.ap-northeast-1.vpce-svc-0a1b2c3d4e5f60718'],
    [
      ['com.amazonaws.ap-northeast-1.ecr.api', /com.amazonaws.vpce.<region>/],
      [
        'com.amazonaws.vpce.xx-east-9.vpce-svc-0a1b2c3d',
        /unknown AWS Region "xx-east-9"/,
      ],
    ],
  ],
  [
    's3BucketNameSchema',
    s3BucketNameSchema,
    ['my-app-assets', 'logs.example.com', 'a1b'],
    [
      ['ab', /3 to 63/],
      ['a'.repeat(64), /3 to 63/],
      ['My_Bucket', /lower-case/],
      ['-bucket', /begin and end/],
      ['my..bucket', /adjacent dots/],
      ['192.168.1.10', /IP address/],
      ['xn--bucket', /must not start with/],
      ['data-s3alias', /must not end with/],
    ],
  ],
  [
    'cidrSchema',
    cidrSchema,
    ['10.0.0.0/16', '192.168.4.0/22', '0.0.0.0/0'],
    [
      ['10.0.0.1/16', /host bits set; did you mean 10.0.0.0\/16\?/],
      ['10.0.0.0/33', /not an IPv4 CIDR/],
      ['10.0.0.0', /not an IPv4 CIDR/],
      ['256.0.0.0/8', /not an IPv4 CIDR/],
      ['010.0.0.0/8', /not an IPv4 CIDR/],
      ['fd00::/8', /not an IPv4 CIDR/],
    ],
  ],
  [
    'principalArnSchema',
    principalArnSchema,
    [
      'arn:aws:iam::123456789012:root',
      'arn:aws:iam::123456789012:role/app-consumer',
    ],
    [
      [
        'arn:aws:iam::123456789012:role/team/app-consumer',
        /is a role ARN with a path, and PrivateLink does not accept principal ARNs with path components .*allow the account instead \(arn:aws:iam::123456789012:root\)/,
      ],
      ['arn:aws:iam::123456789012:role/', /a role without a path/],
      ['arn:aws:iam::12345678901:root', /12-digit/],
      ['arn:aws:iam::123456789012:user/bob', /:role\//],
      ['*', /arn:aws:iam::/],
    ],
  ],
  [
    'dnsNameSchema',
    dnsNameSchema,
    ['api.internal.example.com', 'localhost'],
    [
      ['-bad.example.com', /DNS name/],
      ['a..b', /DNS name/],
      [`${'a'.repeat(64)}.com`, /DNS name/],
    ],
  ],
  [
    'serviceNameSchema',
    serviceNameSchema,
    ['orders', 'orders-api2', 'ab', 'sgx-orders', 'internal-api'],
    [
      ['a', /2-32/],
      ['Orders', /lower-case/],
      ['orders-', /hyphen/],
      ['2orders', /start with a letter/],
      ['a--b', /adjacent hyphens/],
      ['a'.repeat(33), /2-32/],
      ['sg-orders', /security group names that begin with sg-/],
      ['sg', /must not be "sg"/],
    ],
  ],
  [
    'portSchema',
    portSchema,
    [1, 80, 65535],
    [
      [0, /whole number from 1 to 65535/],
      [65536, /whole number from 1 to 65535/],
      [80.5, /whole number from 1 to 65535/],
      ['80', /whole number from 1 to 65535/],
    ],
  ],
  [
    'portTextSchema',
    portTextSchema,
    ['1', '80', '65535'],
    [
      ['0', /written in digits such as 8080/],
      ['080', /written in digits such as 8080/],
      [' 80', /written in digits such as 8080/],
      ['80/tcp', /written in digits such as 8080/],
      ['65536', /whole number from 1 to 65535/],
      ['99999', /whole number from 1 to 65535/],
    ],
  ],
];

describe.each(cases)('%s', (_name, schema, valid, invalid) => {
  it.each(valid.map(v => [v]))('accepts %j', value => {
    expect(errorOf(schema, value)).toBeUndefined();
  });
  it.each(invalid)('rejects %j', (value, message) => {
    expect(errorOf(schema, value)).toMatch(message);
  });
});

describe('endpointSuffixListSchema', () => {
  it('parses a comma-separated list, ignoring blanks', () => {
    expect(endpointSuffixListSchema.parse(' ecr.api, ecr.dkr ,s3,,')).toEqual([
      'ecr.api',
      'ecr.dkr',
      's3',
    ]);
    expect(endpointSuffixListSchema.parse('')).toEqual([]);
  });

  it('rejects unknown and repeated suffixes', () => {
    expect(errorOf(endpointSuffixListSchema, 'ecr.api,ecr')).toMatch(
      /unknown endpoint service "ecr"; expected one of: ecr.api, ecr.dkr/,
    );
    expect(errorOf(endpointSuffixListSchema, 'logs,logs')).toMatch(
      /"logs" is listed twice/,
    );
  });
});

describe('secretReferenceArnSchema', () => {
  // The schema as it was before its secret-name check read the name from the pattern's own
  // match: the accept/refuse set and the messages must not change.
  const earlierPattern =
    /^arn:aws:(?:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}(?::[A-Za-z0-9/_+=.@-]{0,256}:[A-Za-z0-9_-]{0,256}:[A-Za-z0-9-]{0,64})?|ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9/_.-]{1,1011})$/;
  function earlierMessages(arn: string): string[] {
    const earlier: string[] = [];
    if (!earlierPattern.test(arn)) earlier.push('shape');
    if (
      earlierPattern.test(arn) &&
      arn.startsWith('arn:aws:secretsmanager:') &&
      !/-[A-Za-z0-9]{6}$/.test(arn.split(':')[6])
    ) {
      earlier.push('full ARN');
    }
    return earlier;
  }
  function messages(arn: string): string[] {
    const result = secretReferenceArnSchema.safeParse(arn);
    return result.success
      ? []
      : result.error.issues.map(issue =>
          issue.message.startsWith("must be the secret's full ARN")
            ? 'full ARN'
            : 'shape',
        );
  }

  // Mostly well-formed parts, so that every outcome comes up, each sometimes replaced.
  const part = (usual: string[], others: fc.Arbitrary<string>) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...usual), weight: 6 },
      { arbitrary: others, weight: 1 },
    );
  const arns = fc
    .tuple(
      part(
        ['arn:aws:secretsmanager:', 'arn:aws:ssm:'],
        fc.constantFrom(
          'arn:aws:s3:',
          'arn:aws-cn:secretsmanager:',
          'arn:aws:secretsmanager',
          '',
        ),
      ),
      part(
        ['ap-northeast-1', 'us-east-1'],
        fc.constantFrom('', 'AP-1', 'eu west 1'),
      ),
      part([':'], fc.constantFrom('::', '')),
      part(
        ['123456789012'],
        fc.constantFrom('12345678901', '1234567890123', ''),
      ),
      part([':'], fc.constant('')),
      part(
        ['secret:', 'parameter/'],
        fc.constantFrom('parameter', 'secret', ''),
      ),
      part(
        [
          'db-AbCdEf',
          'db',
          'team/db-AbCdEf',
          'team/db',
          'db-AbCdE',
          'db-AbCdEfG',
          'app/db/url',
          `${'a'.repeat(505)}-AbCdEf`,
        ],
        fc.oneof(
          fc.constantFrom(
            'orders db-AbCdEf',
            'db_AbCdEf',
            `${'a'.repeat(506)}-AbCdEf`,
            'db:x',
            '',
          ),
          fc.string({ maxLength: 12 }),
        ),
      ),
      part(
        [
          '',
          ':password::',
          '::AWSPREVIOUS:',
          ':::6b2c9a1e-0f3d-4c55-9d7a-2f1e0b3c4d5e',
        ],
        fc.oneof(
          fc.constantFrom(
            ':password',
            ':a:b',
            ':a:b:c:d',
            ':pass word::',
            ':a:AWS.CURRENT:',
            '\n',
          ),
          fc.string({ maxLength: 8 }),
        ),
      ),
    )
    .map(parts => parts.join(''));

  it('accepts and refuses what it did before, with the same messages', () => {
    let accepted = 0;
    let partial = 0;
    let malformed = 0;
    fc.assert(
      fc.property(arns, arn => {
        const found = messages(arn);
        expect(found).toEqual(earlierMessages(arn));
        if (found.length === 0) accepted++;
        if (found.includes('full ARN')) partial++;
        if (found.includes('shape')) malformed++;
      }),
      { numRuns: 5000 },
    );
    // The generator reaches all three outcomes, not just the refusals.
    expect(accepted).toBeGreaterThan(50);
    expect(partial).toBeGreaterThan(50);
    expect(malformed).toBeGreaterThan(50);
  });
});
