import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { parseOrThrow } from './errors';
import {
  compareTemplateVersions,
  parseTemplateRef,
  templateEntityRef,
  templateRefSchema,
  templateVersionSchema,
} from './templateVersion';

describe('templateVersionSchema', () => {
  it.each(['0.0.0', '1.2.3', '10.20.30'])('should accept %s', version => {
    expect(templateVersionSchema.safeParse(version).success).toBe(true);
  });

  it.each(['1.2', '1.2.3.4', 'v1.2.3', '01.2.3', '1.2.3-rc.1', ''])(
    'should refuse %j',
    version => {
      expect(templateVersionSchema.safeParse(version).success).toBe(false);
    },
  );
});

describe('compareTemplateVersions', () => {
  it('should compare numerically, not as text', () => {
    expect(compareTemplateVersions('1.10.0', '1.9.3')).toBeGreaterThan(0);
    expect(compareTemplateVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareTemplateVersions('0.9.0', '1.0.0')).toBeLessThan(0);
    expect(compareTemplateVersions('1.0.0', '1.1.0')).toBeLessThan(0);
    expect(compareTemplateVersions('2.0.0', '1.99.99')).toBeGreaterThan(0);
  });
});

describe('templateRefSchema', () => {
  it('should split <name>@<version>', () => {
    expect(templateRefSchema.parse('private-fargate-service@1.0.0')).toEqual({
      name: 'private-fargate-service',
      version: '1.0.0',
    });
  });

  it.each([
    'private-fargate-service',
    'private-fargate-service@',
    '@1.0.0',
    'private-fargate-service@latest',
    'Private_Fargate@1.0.0',
    'private-fargate-service@1.0',
  ])('should refuse %j and say the expected form', ref => {
    expect(() => parseOrThrow(templateRefSchema, ref, 'annotation')).toThrow(
      `"${ref}" must be <template name>@<semver>`,
    );
  });
});

describe('parseTemplateRef', () => {
  it('should parse <name>@<version> and name the field otherwise', () => {
    expect(parseTemplateRef('ssm-bastion@1.0.0', 'template')).toEqual({
      name: 'ssm-bastion',
      version: '1.0.0',
    });
    expect(() => parseTemplateRef('ssm-bastion', 'template')).toThrow(
      /template: "ssm-bastion" must be/,
    );
    expect(() => parseTemplateRef('@1.0.0', 'template')).toThrow(InputError);
  });
});

describe('templateEntityRef', () => {
  it('is the reference the catalog gives the Template entity', () => {
    expect(templateEntityRef('private-fargate-service')).toBe(
      stringifyEntityRef({
        kind: 'Template',
        namespace: 'default',
        name: 'private-fargate-service',
      }),
    );
    expect(templateEntityRef('ssm-bastion', 'platform')).toBe(
      'template:platform/ssm-bastion',
    );
  });
});
