import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  kmsKeyArnSchema,
  portSchema,
  principalArnSchema,
} from '@private-fargate/plugin-private-fargate-common';

const templatesDir = path.resolve(__dirname, '../../../../templates');
const generatingTemplates = fs
  .readdirSync(templatesDir)
  .filter(name => fs.existsSync(path.join(templatesDir, name, 'skeleton')));

function properties(name: string): Record<string, any> {
  const template = yaml.parse(
    fs.readFileSync(path.join(templatesDir, name, 'template.yaml'), 'utf8'),
  );
  return Object.assign(
    {},
    ...template.spec.parameters.map((page: any) => page.properties ?? {}),
  );
}

// The forms cannot import the common schemas, so they are held to them (or to the values the
// steps rely on) here.
describe('template forms', () => {
  it('should find the four templates that generate a repository', () => {
    expect(generatingTemplates.sort()).toEqual([
      'private-fargate-service',
      'privatelink-consumer',
      'ssm-bastion',
      'vpc-endpoints-baseline',
    ]);
  });

  it.each(generatingTemplates)(
    '%s should take only a RepoUrlPicker value for github.com with an owner and a repository, and say so',
    name => {
      const field = properties(name).repoUrl;
      expect(field['ui:field']).toBe('RepoUrlPicker');
      expect(field.errorMessage.pattern).toMatch(/github\.com/);
      const takes = (value: string) =>
        new RegExp(field.pattern, 'u').test(value);
      expect(
        [
          'github.com?owner=example-org&repo=orders-api',
          'github.com?owner=a&repo=b&organization=c',
        ].filter(value => !takes(value)),
      ).toEqual([]);
      expect(
        [
          'https://github.com/a/b',
          'gitlab.com?owner=a&repo=b',
          'github.com.evil?owner=a&repo=b',
          'github.com?owner=a',
          'github.com?repo=b',
          'github.com?owner=&repo=b',
          'github.com?owner=a&repo=',
        ].filter(takes),
      ).toEqual([]);
    },
  );

  it("private-fargate-service's principal field should take what principalArnSchema takes and refuse role ARNs with a path", () => {
    // Asked only with exposure privatelink, so the field sits in an allOf branch.
    const principal = findInAllOf('allowedPrincipals').items;
    const formTakes = (value: string) =>
      new RegExp(principal.pattern, 'u').test(value);
    const values = [
      'arn:aws:iam::210987654321:root',
      'arn:aws:iam::210987654321:role/tasks-client',
      'arn:aws:iam::210987654321:role/consumers/tasks-client',
      'arn:aws:iam::210987654321:role/',
      'arn:aws:iam::210987654321:user/bob',
      `arn:aws:iam::210987654321:role/${'r'.repeat(65)}`,
    ];
    expect(
      values.filter(
        value =>
          formTakes(value) !== principalArnSchema.safeParse(value).success,
      ),
    ).toEqual([]);
    expect(principal.errorMessage.pattern).toMatch(/without a path/);
  });

  it("private-fargate-service's secrets key field should take what kmsKeyArnSchema takes", () => {
    const field = properties('private-fargate-service').secretsKmsKeyArn;
    const formTakes = (value: string) =>
      new RegExp(field.pattern, 'u').test(value);
    const values = [
      'arn:aws:kms:ap-northeast-1:123456789012:key/1b2c3d4e-2345-6789-abcd-1b2c3d4e5f60',
      'arn:aws:kms:ap-northeast-1:123456789012:alias/payments',
      'arn:aws:kms:ap-northeast-1:12345678901:key/1b2c3d4e-2345-6789-abcd-1b2c3d4e5f60',
      '1b2c3d4e-2345-6789-abcd-1b2c3d4e5f60',
    ];
    expect(
      values.filter(
        value => formTakes(value) !== kmsKeyArnSchema.safeParse(value).success,
      ),
    ).toEqual([]);
    expect(values.filter(formTakes)).toEqual([values[0]]);
  });

  it("privatelink-consumer's port should be empty unless filled in, so that the provider's port applies, and take what portSchema takes", () => {
    const field = properties('privatelink-consumer').port;
    // A default would be submitted as if the user had typed it, and win over the provider's.
    expect(field).not.toHaveProperty('default');
    expect(field['ui:help']).toContain('private-fargate/endpoint-service-port');
    const formTakes = (value: number) =>
      Number.isInteger(value) &&
      value >= field.minimum &&
      value <= field.maximum;
    const values = [0, 1, 80, 8080, 65535, 65536, 80.5, -1];
    expect(
      values.filter(
        value => formTakes(value) !== portSchema.safeParse(value).success,
      ),
    ).toEqual([]);
  });

  it("private-fargate-service's system should be an entity reference, written quoted into catalog-info.yaml", () => {
    const field = properties('private-fargate-service').system;
    const takes = (value: string) => new RegExp(field.pattern, 'u').test(value);
    expect(
      ['system:default/examples', 'examples', 'default/orders-platform'].filter(
        value => !takes(value),
      ),
    ).toEqual([]);
    const injection = 'examples\n  providesApis: [payments]';
    expect(takes(injection)).toBe(false);

    // Even a value that slips past the form stays one string: the skeleton dumps it as JSON.
    const skeleton = fs.readFileSync(
      path.join(
        templatesDir,
        'private-fargate-service/skeleton/catalog-info.yaml',
      ),
      'utf8',
    );
    const line = skeleton
      .split('\n')
      .find(text => text.trimStart().startsWith('system:'))!;
    expect(line).toContain('${{ values.system | dump }}');
    const rendered = yaml.parse(
      `spec:\n  system: ${JSON.stringify(injection)}\n`,
    );
    expect(rendered.spec).toEqual({ system: injection });
  });
});

function findInAllOf(name: string): any {
  const template = yaml.parse(
    fs.readFileSync(
      path.join(templatesDir, 'private-fargate-service', 'template.yaml'),
      'utf8',
    ),
  );
  for (const page of template.spec.parameters) {
    for (const branch of page.allOf ?? []) {
      const found = branch.then?.properties?.[name];
      if (found) return found;
    }
  }
  throw new Error(`no field ${name}`);
}
