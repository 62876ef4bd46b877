import { PRIVATE_FARGATE_ANNOTATIONS as A } from './annotations';
import {
  findSharedEndpointStackMismatch,
  findSharedStackConflicts,
  sharedStackCatalogFilter,
  StackCandidateEntity,
} from './sharedStackConflicts';

const VPC = 'vpc-0f1e2d3c4b5a69788';

function stack(
  name: string,
  annotations: Record<string, string>,
  overrides: Partial<StackCandidateEntity> = {},
): StackCandidateEntity {
  return {
    kind: 'Resource',
    metadata: { name, annotations },
    spec: { type: 'vpc-endpoints', owner: 'group:default/platform' },
    ...overrides,
  };
}

const ireland = stack('eu-west-1-shared-endpoints', {
  [A.accountId]: '123456789012',
  [A.region]: 'eu-west-1',
  [A.vpcId]: VPC,
  [A.endpoints]: 'ecr.api,ecr.dkr,s3,logs',
});

const query = {
  region: 'eu-west-1',
  vpcId: VPC,
  endpoints: ['ecr.api', 'ecr.dkr', 's3', 'logs', 'secretsmanager', 'sts'],
};

describe('findSharedStackConflicts', () => {
  it("should name the VPC's stack and the planned endpoints it already provides, in planned order", () => {
    expect(findSharedStackConflicts([ireland], query)).toEqual([
      {
        entityRef: 'resource:default/eu-west-1-shared-endpoints',
        services: ['ecr.api', 'ecr.dkr', 's3', 'logs'],
      },
    ]);
    expect(
      findSharedStackConflicts([ireland], {
        ...query,
        endpoints: ['logs', 's3'],
      })[0].services,
    ).toEqual(['logs', 's3']);
  });

  it('should pass endpoints the stack does not provide', () => {
    expect(
      findSharedStackConflicts([ireland], {
        ...query,
        endpoints: ['secretsmanager', 'sts'],
      }),
    ).toEqual([]);
    expect(
      findSharedStackConflicts([ireland], { ...query, endpoints: [] }),
    ).toEqual([]);
  });

  it.each([
    ['another VPC', { vpcId: 'vpc-0c2d4e6f8a0b13579' }],
    ['another Region', { region: 'eu-west-2' }],
  ])('should pass %s', (_, change) => {
    expect(
      findSharedStackConflicts([ireland], { ...query, ...change }),
    ).toEqual([]);
  });

  it('should not count entities that are not vpc-endpoints Resources', () => {
    const annotations = ireland.metadata.annotations!;
    expect(
      findSharedStackConflicts(
        [
          stack('orders-api', annotations, {
            kind: 'Component',
            spec: { type: 'service' },
          }),
          stack('vpc', annotations, { spec: { type: 'vpc' } }),
          stack('untyped', annotations, { spec: undefined }),
        ],
        query,
      ),
    ).toEqual([]);
  });

  it('should not count a stack without its Region or VPC, nor one that names no endpoints', () => {
    const { [A.region]: _region, ...noRegion } = ireland.metadata.annotations!;
    const { [A.vpcId]: _vpc, ...noVpc } = ireland.metadata.annotations!;
    const { [A.endpoints]: _endpoints, ...noEndpoints } =
      ireland.metadata.annotations!;
    expect(
      findSharedStackConflicts(
        [stack('a', noRegion), stack('b', noVpc), stack('c', noEndpoints)],
        query,
      ),
    ).toEqual([]);
  });

  it('should leave out the entity the repository itself registers, in the default namespace only', () => {
    expect(
      findSharedStackConflicts([ireland], {
        ...query,
        exclude: 'eu-west-1-shared-endpoints',
      }),
    ).toEqual([]);
    const elsewhere = stack(
      'eu-west-1-shared-endpoints',
      ireland.metadata.annotations!,
      {
        metadata: {
          name: 'eu-west-1-shared-endpoints',
          namespace: 'network',
          annotations: ireland.metadata.annotations,
        },
      },
    );
    expect(
      findSharedStackConflicts([ireland, elsewhere], {
        ...query,
        exclude: 'eu-west-1-shared-endpoints',
      }).map(c => c.entityRef),
    ).toEqual(['resource:network/eu-west-1-shared-endpoints']);
  });

  it('should read the annotations as the catalog filter matches them: trimmed, in any case', () => {
    const padded = stack('Ireland-Endpoints', {
      [A.region]: ' EU-WEST-1 ',
      [A.vpcId]: `${VPC.toUpperCase()}\n`,
      [A.endpoints]: ' ecr.api , s3 ',
    });
    expect(
      findSharedStackConflicts([{ ...padded, kind: 'resource' }], query),
    ).toEqual([
      {
        entityRef: 'resource:default/ireland-endpoints',
        services: ['ecr.api', 's3'],
      },
    ]);
  });

  it('should still see the endpoints a stack names when its annotation also has a name we do not know', () => {
    const sloppy = stack('sloppy', {
      ...ireland.metadata.annotations!,
      [A.endpoints]: 'ecr.api,ecr,logs,logs',
    });
    expect(findSharedStackConflicts([sloppy], query)[0].services).toEqual([
      'ecr.api',
      'logs',
    ]);
  });

  it('should list every conflicting stack, sorted by reference', () => {
    const second = stack('a-second-stack', {
      ...ireland.metadata.annotations!,
      [A.endpoints]: 'sts',
    });
    expect(findSharedStackConflicts([ireland, second], query)).toEqual([
      { entityRef: 'resource:default/a-second-stack', services: ['sts'] },
      expect.objectContaining({
        entityRef: 'resource:default/eu-west-1-shared-endpoints',
      }),
    ]);
  });
});

describe('sharedStackCatalogFilter', () => {
  it('should ask the catalog for the vpc-endpoints Resources annotated with the VPC', () => {
    expect(sharedStackCatalogFilter(VPC)).toEqual({
      kind: 'resource',
      'spec.type': 'vpc-endpoints',
      'metadata.annotations.private-fargate/vpc-id': VPC,
    });
  });
});

describe('findSharedEndpointStackMismatch', () => {
  // What private-fargate-service passes when it uses the stack: its annotation, as it is.
  const uses = {
    region: 'eu-west-1',
    vpcId: VPC,
    endpoints: ['ecr.api', 'ecr.dkr', 's3', 'logs'],
  };

  it("should pass the stack of the configuration's VPC and Region that provides what it is left", () => {
    expect(findSharedEndpointStackMismatch(ireland, uses)).toBeUndefined();
    expect(
      findSharedEndpointStackMismatch(ireland, {
        ...uses,
        endpoints: ['logs', 's3'],
      }),
    ).toBeUndefined();
    expect(
      findSharedEndpointStackMismatch(ireland, { ...uses, endpoints: [] }),
    ).toBeUndefined();
  });

  it('should read the annotations and the kind as the catalog matches them: trimmed, in any case', () => {
    const padded = stack(
      'Ireland-Endpoints',
      {
        [A.region]: ' EU-WEST-1 ',
        [A.vpcId]: `${VPC.toUpperCase()}\n`,
        [A.endpoints]: ' ecr.api , s3 ',
      },
      { kind: 'resource', spec: { type: 'VPC-Endpoints' } },
    );
    expect(
      findSharedEndpointStackMismatch(padded, {
        ...uses,
        endpoints: ['s3', 'ecr.api'],
      }),
    ).toBeUndefined();
  });

  it("should refuse the stack of another VPC, giving the stack's VPC and Region", () => {
    expect(
      findSharedEndpointStackMismatch(ireland, {
        ...uses,
        vpcId: 'vpc-0c2d4e6f8a0b13579',
      }),
    ).toEqual({ reason: 'other-vpc', vpcId: VPC, region: 'eu-west-1' });
  });

  it('should refuse the stack of a VPC of the same ID in another Region', () => {
    expect(
      findSharedEndpointStackMismatch(ireland, {
        ...uses,
        region: 'eu-central-1',
      }),
    ).toEqual({ reason: 'other-vpc', vpcId: VPC, region: 'eu-west-1' });
  });

  it('should refuse a stack that does not say its VPC or Region', () => {
    const { [A.region]: _region, ...noRegion } = ireland.metadata.annotations!;
    const { [A.vpcId]: _vpc, ...noVpc } = ireland.metadata.annotations!;
    expect(findSharedEndpointStackMismatch(stack('a', noRegion), uses)).toEqual(
      { reason: 'other-vpc', vpcId: VPC, region: undefined },
    );
    expect(
      findSharedEndpointStackMismatch(
        stack('b', { ...noVpc, [A.vpcId]: '  ' }),
        uses,
      ),
    ).toEqual({ reason: 'other-vpc', vpcId: undefined, region: 'eu-west-1' });
  });

  it.each([
    [
      'a Component',
      { kind: 'Component', spec: { type: 'service' } },
      { kind: 'Component', type: 'service' },
    ],
    [
      'a Resource of another type',
      { spec: { type: 'vpc' } },
      { kind: 'Resource', type: 'vpc' },
    ],
    [
      'a Resource without a type',
      { spec: undefined },
      { kind: 'Resource', type: undefined },
    ],
  ])(
    'should refuse %s, whatever its annotations say',
    (_, overrides, found) => {
      expect(
        findSharedEndpointStackMismatch(
          stack('look-alike', ireland.metadata.annotations!, overrides),
          uses,
        ),
      ).toEqual({ reason: 'not-a-stack', ...found });
    },
  );

  it('should refuse endpoints left to the stack that its annotation does not name, in the order given', () => {
    expect(
      findSharedEndpointStackMismatch(ireland, {
        ...uses,
        endpoints: ['sts', 'ecr.api', 'ssm', 'logs'],
      }),
    ).toEqual({
      reason: 'endpoints-not-provided',
      services: ['sts', 'ssm'],
      provided: ['ecr.api', 'ecr.dkr', 's3', 'logs'],
    });
    const { [A.endpoints]: _endpoints, ...noEndpoints } =
      ireland.metadata.annotations!;
    expect(
      findSharedEndpointStackMismatch(stack('bare', noEndpoints), {
        ...uses,
        endpoints: ['s3'],
      }),
    ).toEqual({
      reason: 'endpoints-not-provided',
      services: ['s3'],
      provided: [],
    });
  });

  it('should name the kind before the VPC, and the VPC before the endpoints', () => {
    const elsewhere = { ...uses, vpcId: 'vpc-0c2d4e6f8a0b13579' };
    expect(
      findSharedEndpointStackMismatch(
        stack('service', ireland.metadata.annotations!, {
          kind: 'Component',
        }),
        elsewhere,
      )?.reason,
    ).toBe('not-a-stack');
    expect(
      findSharedEndpointStackMismatch(ireland, {
        ...elsewhere,
        endpoints: ['sts'],
      })?.reason,
    ).toBe('other-vpc');
  });
});
