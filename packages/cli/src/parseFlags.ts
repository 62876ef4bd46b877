import { parseArgs, ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './UsageError';

/**
 * `node:util` parseArgs in strict mode whose mistakes (unknown flag, missing value) become
 * UsageErrors, so the command exits 2 with the message and what to do next.
 */
export function parseFlags<const O extends ParseArgsOptionsConfig>(
  args: string[],
  options: O,
  next: { hint: string; positionals: boolean },
) {
  try {
    return parseArgs({
      args,
      options,
      allowPositionals: next.positionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${next.hint}`);
  }
}
