import { InputError } from '@backstage/errors';
import {
  ENDPOINT_CATALOGUE,
  ENDPOINT_SERVICE_SUFFIXES,
  endpointServiceName,
  getEndpointDefinition,
  isKnownEndpointService,
  parseEndpointServiceName,
} from './catalogue';

describe('endpoint catalogue', () => {
  it('lists every endpoint the issue names, once, in the suffix order', () => {
    expect(ENDPOINT_CATALOGUE.map(e => e.service)).toEqual([
      ...ENDPOINT_SERVICE_SUFFIXES,
    ]);
    expect(new Set(ENDPOINT_SERVICE_SUFFIXES).size).toBe(
      ENDPOINT_SERVICE_SUFFIXES.length,
    );
    expect(ENDPOINT_SERVICE_SUFFIXES).toEqual(
      expect.arrayContaining([
        'ecr.api',
        'ecr.dkr',
        's3',
        'logs',
        'ssm',
        'ssmmessages',
        'kms',
        'secretsmanager',
        'sts',
        'xray',
        'ecs',
        'ecs-agent',
        'ecs-telemetry',
        'elasticloadbalancing',
        'elasticfilesystem',
        'monitoring',
        'dynamodb',
        'sqs',
      ]),
    );
  });

  it('makes only s3 and dynamodb gateways', () => {
    expect(
      ENDPOINT_CATALOGUE.filter(e => e.type === 'Gateway').map(e => e.service),
    ).toEqual(['s3', 'dynamodb']);
  });

  it('gives each entry a one-line reason and an AWS documentation link', () => {
    for (const entry of ENDPOINT_CATALOGUE) {
      expect(entry.reason).toMatch(/^\S.*\.$/);
      expect(entry.reason).not.toContain('\n');
      expect(entry.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it('finds definitions and rejects unknown suffixes with the list of supported ones', () => {
    expect(getEndpointDefinition('ecr.dkr')).toMatchObject({
      service: 'ecr.dkr',
      type: 'Interface',
    });
    expect(isKnownEndpointService('logs')).toBe(true);
    expect(isKnownEndpointService('ecr')).toBe(false);
    expect(() => getEndpointDefinition('ecr')).toThrow(InputError);
    expect(() => getEndpointDefinition('ecr')).toThrow(
      /Unknown endpoint service "ecr"; supported: ecr.api, ecr.dkr/,
    );
  });

  it('builds full service names for a Region and refuses Regions it does not know', () => {
    expect(endpointServiceName('ap-northeast-1', 'ecr.api')).toBe(
      'com.amazonaws.ap-northeast-1.ecr.api',
    );
    expect(endpointServiceName('ca-west-1', 'ecs-agent')).toBe(
      'com.amazonaws.ca-west-1.ecs-agent',
    );
    expect(() => endpointServiceName('ap-northeast-9', 'logs')).toThrow(
      InputError,
    );
    expect(() => endpointServiceName('ap-northeast-9', 'logs')).toThrow(
      /Unknown AWS Region "ap-northeast-9"; supported: af-south-1/,
    );
    expect(() => endpointServiceName('us-east-1', 'lambda')).toThrow(
      /Unknown endpoint service "lambda"/,
    );
  });

  it('parses service names back, and ignores PrivateLink service names', () => {
    expect(
      parseEndpointServiceName('com.amazonaws.eu-central-1.ecr.dkr'),
    ).toEqual({
      region: 'eu-central-1',
      service: 'ecr.dkr',
    });
    expect(
      parseEndpointServiceName('com.amazonaws.us-east-1.ecs-telemetry'),
    ).toEqual({
      region: 'us-east-1',
      service: 'ecs-telemetry',
    });
    expect(
      parseEndpointServiceName(
        'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0',
      ),
    ).toBeUndefined();
    expect(parseEndpointServiceName('ecr.api')).toBeUndefined();
  });
});
