import { InputError } from '@backstage/errors';
import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { goldenCases } from '../__golden__/cases';
import { generateTerraform } from './generate';

const PLACEHOLDER = 'PLACEHOLDER';
const FREE_TEXT_FIELDS = ['owner', 'templateVersion', 'description'] as const;
const base = goldenCases.find(c => c.name === 'all-components')!.input;

async function parsedTree(input: unknown): Promise<Record<string, unknown>> {
  const generated = await generateTerraform(input);
  const tree: Record<string, unknown> = {};
  for (const file of generated.files) {
    if (file.path.endsWith('.tf'))
      tree[file.path] = await parse(file.path, file.content);
  }
  return tree;
}

function substitute(value: unknown, replacement: string): unknown {
  if (value === PLACEHOLDER) return replacement;
  if (Array.isArray(value))
    return value.map(item => substitute(item, replacement));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(v, replacement)]),
    );
  }
  return value;
}

function asParsedLiteral(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

jest.setTimeout(300_000);

describe('free-text inputs of private-fargate:terraform', () => {
  it.each(FREE_TEXT_FIELDS)(
    'should turn any %s into a validation error or a literal, never into HCL structure',
    async field => {
      const baseline = await parsedTree({ ...base, [field]: PLACEHOLDER });
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 60 }),
            fc.string({ unit: 'grapheme', maxLength: 30 }),
            fc
              .array(
                fc.constantFrom(
                  '"',
                  '\\',
                  '\n',
                  '${',
                  '%{',
                  '}',
                  '#',
                  '//',
                  '/*',
                  '<<EOT',
                  'a',
                  ' ',
                  '\u2028',
                  'é',
                ),
                { maxLength: 12 },
              )
              .map(parts => parts.join('')),
          ),
          async text => {
            const result = await parsedTree({ ...base, [field]: text }).then(
              tree => ({ tree }),
              (error: Error) => ({ error }),
            );
            if ('error' in result) {
              return (
                result.error instanceof InputError &&
                result.error.message.includes(field)
              );
            }
            accepted++;
            return isDeepStrictEqual(
              result.tree,
              substitute(baseline, asParsedLiteral(text)),
            );
          },
        ),
        { numRuns: 80 },
      );
      expect(accepted).toBeGreaterThan(0);
    },
  );
});
