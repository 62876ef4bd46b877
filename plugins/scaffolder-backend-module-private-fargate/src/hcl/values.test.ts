import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { block, renderFile } from './document';
import { call, escapeString, obj, raw, ref, template } from './values';

const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** How hcl2json shows a literal string: template sequences stay escaped. */
function asParsedLiteral(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

describe('HCL values', () => {
  it('should escape quotes, backslashes, newlines and template sequences', () => {
    expect(escapeString('a "b" \\ c\nd ${e} %{f}')).toBe(
      '"a \\"b\\" \\\\ c\\nd $${e} %%{f}"',
    );
  });

  it('should keep any text a single literal attribute', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .oneof(
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc
              .array(
                fc.constantFrom(
                  '"',
                  '\\',
                  '\n',
                  '$',
                  '${',
                  '%',
                  '%{',
                  '}',
                  'é',
                  '\u0000',
                  '\u2028',
                ),
                { maxLength: 10 },
              )
              .map(parts => parts.join('')),
          )
          .filter(s => !LONE_SURROGATE.test(s)),
        async text => {
          const source = await renderFile([
            block('resource', ['aws_x', 'y'], { a: text, b: 1 }),
          ]);
          const json = await parse('main.tf', source);
          expect(json).toEqual({
            resource: { aws_x: { y: [{ a: asParsedLiteral(text), b: 1 }] } },
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should render references, calls and objects as expressions', async () => {
    const source = await renderFile([
      block('resource', ['aws_x', 'y'], {
        a: ref('var.a'),
        b: call('format', '%s:%s', ref('aws_y.z.id'), 'x'),
        c: obj({ Name: 'n', 'with-dash': raw('local.v') }),
        d: [1, true, null],
      }),
    ]);
    expect(source).toBe(`resource "aws_x" "y" {
  a = var.a
  b = format("%s:%s", aws_y.z.id, "x")
  c = {
    Name      = "n"
    with-dash = local.v
  }
  d = [1, true, null]
}
`);
  });

  it('should interpolate only the expressions of a template, keeping its text literal', async () => {
    const source = await renderFile([
      block('resource', ['aws_x', 'y'], {
        a: template('VPC "', ref('var.vpc_id'), '" ${not.this} %{if x}\n'),
      }),
    ]);
    expect(source).toBe(`resource "aws_x" "y" {
  a = "VPC \\"\${var.vpc_id}\\" $\${not.this} %%{if x}\\n"
}
`);
    // hcl2json keeps the interpolation and shows the escaped sequences as a literal's are shown.
    const json = await parse('main.tf', source);
    expect(json.resource.aws_x.y[0].a).toBe(
      'VPC "${var.vpc_id}" $${not.this} %%{if x}\n',
    );
  });

  it('should refuse names that are not identifiers or traversals', () => {
    expect(() => ref('var.a; b')).toThrow('Not an HCL traversal');
    expect(() => block('resource ', [])).toThrow('Not an HCL identifier');
  });
});
