import {
  PRIVATE_FARGATE_ANNOTATIONS as A,
  isPrivateFargateAvailable,
  missingPrivateFargateAnnotations,
  parseAnnotation,
  parseRequiredAnnotation,
  readAnnotation,
  readEndpointServicePort,
  readPublishedEndpointService,
} from './annotations';
import { awsRegionSchema } from './schemas';

const entity = (annotations: Record<string, string>) => ({
  metadata: { name: 'tasks-api', annotations },
});

const provider = {
  [A.accountId]: '111122223333',
  [A.region]: 'ap-northeast-1',
  [A.vpcId]: 'vpc-0a1b2c3d4e5f60718',
  [A.endpointServiceId]: 'vpce-svc-0a1b2c3d4e5f60718',
};

describe('readAnnotation', () => {
  it('should trim the value and treat a blank one as missing', () => {
    expect(
      readAnnotation(entity({ [A.region]: ' eu-west-1\n' }), A.region),
    ).toBe('eu-west-1');
    expect(
      readAnnotation(entity({ [A.region]: '  ' }), A.region),
    ).toBeUndefined();
    expect(readAnnotation(entity({}), A.region)).toBeUndefined();
    expect(readAnnotation({ metadata: {} }, A.region)).toBeUndefined();
  });
});

describe('parseAnnotation', () => {
  it('should check the trimmed value and name the annotation when it is malformed', () => {
    expect(
      parseAnnotation(
        entity({ [A.region]: ' eu-west-1 ' }),
        A.region,
        awsRegionSchema,
      ),
    ).toBe('eu-west-1');
    expect(
      parseAnnotation(entity({}), A.region, awsRegionSchema),
    ).toBeUndefined();
    expect(() =>
      parseAnnotation(
        entity({ [A.region]: 'Tokyo' }),
        A.region,
        awsRegionSchema,
      ),
    ).toThrow(/^Invalid annotation private-fargate\/aws-region:/);
  });

  it('should say how to add a required annotation that is missing or blank', () => {
    for (const annotations of [{}, { [A.region]: ' ' }] as Array<
      Record<string, string>
    >) {
      expect(() =>
        parseRequiredAnnotation(
          entity(annotations),
          A.region,
          awsRegionSchema,
          'add it to catalog-info.yaml (see the README)',
        ),
      ).toThrow(
        'Entity tasks-api has no private-fargate/aws-region annotation; add it to catalog-info.yaml (see the README).',
      );
    }
  });
});

describe('isPrivateFargateAvailable', () => {
  it('should need the account, Region and VPC, not blank', () => {
    expect(isPrivateFargateAvailable(entity(provider))).toBe(true);
    expect(
      isPrivateFargateAvailable(entity({ ...provider, [A.vpcId]: ' ' })),
    ).toBe(false);
    const { [A.accountId]: _, ...withoutAccount } = provider;
    expect(isPrivateFargateAvailable(entity(withoutAccount))).toBe(false);
  });
});

describe('missingPrivateFargateAnnotations', () => {
  it('should name absent and blank required annotations alike, so the card never has an empty list to show', () => {
    expect(missingPrivateFargateAnnotations(entity(provider))).toEqual([]);
    const { [A.accountId]: _, ...withoutAccount } = provider;
    expect(
      missingPrivateFargateAnnotations(
        entity({ ...withoutAccount, [A.vpcId]: ' ' }),
      ),
    ).toEqual([A.accountId, A.vpcId]);
  });
});

describe('readPublishedEndpointService', () => {
  it("should give the consumer endpoint's service name from the provider's annotations, trimmed", () => {
    expect(
      readPublishedEndpointService(
        entity({
          ...provider,
          [A.region]: ' ap-northeast-1 ',
          [A.endpointServiceId]: 'vpce-svc-0a1b2c3d4e5f60718\n',
        }),
      ),
    ).toEqual({
      region: 'ap-northeast-1',
      endpointServiceId: 'vpce-svc-0a1b2c3d4e5f60718',
      serviceName:
        'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0a1b2c3d4e5f60718',
    });
  });

  it.each([
    [
      A.region,
      undefined,
      /has no private-fargate\/aws-region annotation; add the Region/,
    ],
    [A.region, 'tokyo', /Invalid annotation private-fargate\/aws-region/],
    [
      A.endpointServiceId,
      undefined,
      /has no private-fargate\/endpoint-service-id annotation; add the ID of the endpoint service/,
    ],
    [
      A.endpointServiceId,
      'vpce-0a1b2c3d4e5f60718',
      /Invalid annotation private-fargate\/endpoint-service-id/,
    ],
  ])('should name %s when it is %s', (name, value, message) => {
    const annotations: Record<string, string> = { ...provider };
    if (value === undefined) delete annotations[name];
    else annotations[name] = value;
    expect(() => readPublishedEndpointService(entity(annotations))).toThrow(
      message,
    );
  });
});

describe('readEndpointServicePort', () => {
  it('should read the port, trimmed', () => {
    expect(
      readEndpointServicePort(
        entity({ ...provider, [A.endpointServicePort]: ' 8080\n' }),
      ),
    ).toBe(8080);
    expect(
      readEndpointServicePort(
        entity({ ...provider, [A.endpointServicePort]: '65535' }),
      ),
    ).toBe(65535);
  });

  it('should treat a missing or blank annotation as absent: providers registered before it was written', () => {
    expect(readEndpointServicePort(entity({ ...provider }))).toBeUndefined();
    expect(
      readEndpointServicePort(
        entity({ ...provider, [A.endpointServicePort]: ' ' }),
      ),
    ).toBeUndefined();
  });

  it.each(['eighty', '0', '65536', '080', '80/tcp', '8080.0', '-80', '1e3'])(
    'should name the annotation when it is %j',
    value => {
      expect(() =>
        readEndpointServicePort(
          entity({ ...provider, [A.endpointServicePort]: value }),
        ),
      ).toThrow(
        /^Invalid annotation private-fargate\/endpoint-service-port:\n.*must be a port number, a whole number from 1 to 65535/s,
      );
    },
  );
});
