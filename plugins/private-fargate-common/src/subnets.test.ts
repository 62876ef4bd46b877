import { InputError } from '@backstage/errors';
import {
  planEndpointSubnets,
  subnetsByZone,
  subnetsSharingZones,
  subnetsOutsideRegion,
} from './subnets';

describe('planEndpointSubnets', () => {
  it('scenario 2: a dedicated /24 per AZ next to two app subnets per AZ', () => {
    expect(
      planEndpointSubnets({
        vpcCidr: '10.0.0.0/16',
        existingSubnets: [
          '10.0.0.0/24',
          '10.0.1.0/24',
          '10.0.2.0/24',
          '10.0.4.0/24',
          '10.0.5.0/24',
        ],
        availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
        endpointCount: 5,
        prefixLength: 24,
      }),
    ).toEqual([
      {
        availabilityZone: 'ap-northeast-1a',
        cidr: '10.0.3.0/24',
        usableAddresses: 251,
      },
      {
        availabilityZone: 'ap-northeast-1c',
        cidr: '10.0.6.0/24',
        usableAddresses: 251,
      },
    ]);
  });

  it('picks the smallest block with room for the endpoints plus the five reserved addresses', () => {
    // 11 endpoints + 5 reserved = 16 addresses: a /28.
    expect(
      planEndpointSubnets({
        vpcCidr: '10.1.0.0/16',
        existingSubnets: ['10.1.0.0/20'],
        availabilityZones: ['apne1-az1', 'apne1-az2', 'apne1-az4'],
        endpointCount: 11,
      }),
    ).toEqual([
      {
        availabilityZone: 'apne1-az1',
        cidr: '10.1.16.0/28',
        usableAddresses: 11,
      },
      {
        availabilityZone: 'apne1-az2',
        cidr: '10.1.16.16/28',
        usableAddresses: 11,
      },
      {
        availabilityZone: 'apne1-az4',
        cidr: '10.1.16.32/28',
        usableAddresses: 11,
      },
    ]);
    // 12 endpoints need 17 addresses: a /27.
    expect(
      planEndpointSubnets({
        vpcCidr: '10.1.0.0/16',
        existingSubnets: [],
        availabilityZones: ['us-east-1a'],
        endpointCount: 12,
      }),
    ).toEqual([
      {
        availabilityZone: 'us-east-1a',
        cidr: '10.1.0.0/27',
        usableAddresses: 27,
      },
    ]);
  });

  it('skips around unaligned existing subnets without overlapping them', () => {
    const proposals = planEndpointSubnets({
      vpcCidr: '172.16.0.0/24',
      existingSubnets: ['172.16.0.16/28', '172.16.0.64/26'],
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      endpointCount: 6,
      prefixLength: 27,
    });
    expect(proposals.map(p => p.cidr)).toEqual([
      '172.16.0.32/27',
      '172.16.0.128/27',
      '172.16.0.160/27',
    ]);
  });

  it.each([
    [
      { vpcCidr: '10.0.0.1/16' },
      /vpcCidr: "10.0.0.1\/16" has host bits set; did you mean 10.0.0.0\/16\?/,
    ],
    [
      { vpcCidr: 'not-a-cidr' },
      /vpcCidr: "not-a-cidr" is not an IPv4 CIDR block/,
    ],
    [
      { vpcCidr: '10.0.0.0/8' },
      /vpcCidr: 10.0.0.0\/8 is not a valid VPC block; AWS allows \/16 to \/28/,
    ],
    [
      { existingSubnets: ['10.9.0.0/24'] },
      /existingSubnets\[0\]: 10.9.0.0\/24 is not inside the VPC 10.0.0.0\/16/,
    ],
    [
      { availabilityZones: [] },
      /availabilityZones: list at least one Availability Zone/,
    ],
    [
      { availabilityZones: ['a', 'b'] },
      /availabilityZones\[0\]: must be an Availability Zone name/,
    ],
    [
      { availabilityZones: ['us-east-1a', 'us-east-1a'] },
      /lists an Availability Zone twice/,
    ],
    [
      { endpointCount: 0 },
      /endpointCount: plan at least one interface endpoint/,
    ],
    [
      { endpointCount: 30, prefixLength: 28 },
      /prefixLength: a \/28 holds 11 endpoint addresses, but 30 endpoints need 30; use \/26 or larger/,
    ],
  ])('rejects %j with a clear InputError', (override, message) => {
    const input = {
      vpcCidr: '10.0.0.0/16',
      existingSubnets: [],
      availabilityZones: ['us-east-1a'],
      endpointCount: 3,
      ...override,
    };
    expect(() => planEndpointSubnets(input)).toThrow(InputError);
    expect(() => planEndpointSubnets(input)).toThrow(message);
  });

  it('says so when the VPC has no room left', () => {
    expect(() =>
      planEndpointSubnets({
        vpcCidr: '10.0.0.0/24',
        existingSubnets: [
          '10.0.0.0/25',
          '10.0.0.128/26',
          '10.0.0.192/27',
          '10.0.0.224/28',
        ],
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        endpointCount: 3,
      }),
    ).toThrow(
      /vpcCidr: the VPC 10.0.0.0\/24 has room for only 1 free \/28 block\(s\) outside the existing subnets, but 2 Availability Zones need one each/,
    );
  });
});

describe('subnetsByZone and subnetsSharingZones', () => {
  const subnet = (id: string, availabilityZone: string) => ({
    id,
    availabilityZone,
  });

  it('should group the subnets by zone in the order given, and name each zone that holds several', () => {
    const subnets = [
      subnet('subnet-c1', 'eu-west-1c'),
      subnet('subnet-a1', 'eu-west-1a'),
      subnet('subnet-c2', 'eu-west-1c'),
      subnet('subnet-b1', 'eu-west-1b'),
      subnet('subnet-c3', 'eu-west-1c'),
      subnet('subnet-a2', 'eu-west-1a'),
    ];
    expect([...subnetsByZone(subnets)]).toEqual([
      ['eu-west-1c', ['subnet-c1', 'subnet-c2', 'subnet-c3']],
      ['eu-west-1a', ['subnet-a1', 'subnet-a2']],
      ['eu-west-1b', ['subnet-b1']],
    ]);
    expect(subnetsSharingZones(subnets)).toEqual([
      'subnet-c1 and subnet-c2 and subnet-c3 are all in eu-west-1c; list one subnet per Availability Zone',
      'subnet-a1 and subnet-a2 are both in eu-west-1a; list one subnet per Availability Zone',
    ]);
    expect(
      subnetsSharingZones([
        subnet('subnet-a1', 'eu-west-1a'),
        subnet('subnet-b1', 'eu-west-1b'),
      ]),
    ).toEqual([]);
  });
});

describe('subnetsOutsideRegion', () => {
  it("should name each subnet whose zone is another Region's, by index", () => {
    expect(
      subnetsOutsideRegion('eu-west-2', [
        { id: 'subnet-0a1b2c3d', availabilityZone: 'eu-west-2a' },
        { id: 'subnet-0a1b2c3e', availabilityZone: 'ap-northeast-1c' },
        { id: 'subnet-0a1b2c3f', availabilityZone: 'eu-west-1b' },
      ]),
    ).toEqual([
      {
        index: 1,
        message:
          'is ap-northeast-1c, a zone of ap-northeast-1, but the stack is in eu-west-2: list subnets of a VPC in eu-west-2 (zones eu-west-2a, eu-west-2b, …), or set the Region to ap-northeast-1',
      },
      {
        index: 2,
        message: expect.stringMatching(/^is eu-west-1b, a zone of eu-west-1,/),
      },
    ]);
  });

  it('should accept zones of the Region, whatever their letter', () => {
    expect(
      subnetsOutsideRegion('us-east-1', [
        { id: 'subnet-0a1b2c3d', availabilityZone: 'us-east-1a' },
        { id: 'subnet-0a1b2c3e', availabilityZone: 'us-east-1f' },
      ]),
    ).toEqual([]);
  });
});
