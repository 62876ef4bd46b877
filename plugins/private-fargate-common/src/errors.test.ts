import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';
import { formatZodError, parseOrThrow } from './errors';

const schema = z.object({
  name: z.string({ invalid_type_error: 'not a string' }),
  exec: z.object({
    mode: z.enum(['a', 'b'], { errorMap: () => ({ message: 'pick a or b' }) }),
  }),
  list: z.array(z.number({ invalid_type_error: 'not a number' })),
});

describe('formatZodError', () => {
  it('prints one "field.path: message" line per issue, with array indexes', () => {
    const result = schema.safeParse({
      name: 1,
      exec: { mode: 'c' },
      list: [1, 'x'],
    });
    expect(result.success).toBe(false);
    expect(formatZodError(result.error!).split('\n')).toEqual([
      'name: not a string',
      'exec.mode: pick a or b',
      'list[1]: not a number',
    ]);
  });

  it('names the whole value when the issue has no path', () => {
    const result = z
      .string({ invalid_type_error: 'not a string' })
      .safeParse(3);
    expect(formatZodError(result.error!)).toBe('(value): not a string');
  });
});

describe('parseOrThrow', () => {
  it('returns the parsed value', () => {
    expect(parseOrThrow(z.string().default('x'), undefined, 'thing')).toBe('x');
  });

  it('throws an InputError that says what was parsed and which field is wrong', () => {
    expect(() =>
      parseOrThrow(
        schema,
        { name: 'n', exec: { mode: 'z' }, list: [] },
        'test input',
      ),
    ).toThrow(InputError);
    expect(() =>
      parseOrThrow(
        schema,
        { name: 'n', exec: { mode: 'z' }, list: [] },
        'test input',
      ),
    ).toThrow('Invalid test input:\nexec.mode: pick a or b');
  });
});
