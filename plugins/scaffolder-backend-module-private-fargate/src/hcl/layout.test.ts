import { format } from '@cdktf/hcl-tools';
import fc from 'fast-check';
import { HclBlock, nested, renderFile, withComment } from './document';
import { layoutLikeTerraformFmt } from './layout';
import { call, HclValue, obj, raw, ref } from './values';

const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const name = fc.constantFrom('a', 'id', 'name', 'cidr_blocks', 'with-dash_9');
const text = fc
  .string({ unit: 'binary', maxLength: 12 })
  .filter(s => !LONE_SURROGATE.test(s));
// Alignment counts the grapheme clusters of a key; characters newer than this runtime's
// Unicode tables may cluster differently in the formatter's (our keys are ASCII anyway).
const UNASSIGNED = /\p{Cn}/u;
const key = fc.oneof(
  name,
  text.filter(s => !UNASSIGNED.test(s)),
);

const { value } = fc.letrec<{ value: HclValue }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      ref('var.tags'),
      raw('{ for k, v in var.m : k => v if v != "=" }'),
      raw('"${var.a}-${join(",", [for s in var.b : "${s}={"])}"'),
      raw('var.a >= 1 ? "(" : "}"'),
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .array(fc.tuple(key, tie('value')), { maxLength: 4 })
      .map(entries => obj(Object.fromEntries(entries))),
    fc
      .array(tie('value'), { minLength: 1, maxLength: 3 })
      .map(args => call('merge', ...args)),
  ),
}));

const body = (depth: number): fc.Arbitrary<HclBlock> =>
  fc
    .tuple(
      fc.array(
        fc.oneof(
          fc.tuple(name, value),
          ...(depth > 0 ? [fc.tuple(name, body(depth - 1))] : []),
        ),
        { maxLength: 6 },
      ),
      fc.option(text),
    )
    .map(([items, comment]) => {
      const target = nested('x', Object.fromEntries(items));
      return comment === null ? target : withComment(target, comment);
    });

describe('layoutLikeTerraformFmt', () => {
  it('should leave what terraform fmt leaves for any rendered document', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(body(2), { minLength: 1, maxLength: 3 }),
        async blocks => {
          const source = renderFile(
            blocks.map((b, i) => ({
              comment: i === 0 ? 'A file comment' : undefined,
              block: { ...b, type: 'resource', labels: ['aws_x', `r${i}`] },
            })),
          );
          expect(await format(source)).toBe(source);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should indent one level per line that opens brackets, as hclwrite does', async () => {
    const unindented = [
      'locals {',
      'a = merge({',
      'x = 1',
      '}, {',
      'long_name = "}"',
      '})',
      'b = [{',
      'c = "${d}"',
      '}]',
      '# comment',
      'é = 1',
      'ee = 2',
      '',
      'f = 3',
      '}',
    ].join('\n');
    expect(layoutLikeTerraformFmt(unindented)).toBe(
      await format(`${unindented}\n`).then(s => s.slice(0, -1)),
    );
  });
});
