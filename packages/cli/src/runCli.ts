import { UsageError } from './UsageError';

/** A subcommand: takes its own arguments, returns the process exit code. */
export type Command = {
  run(args: string[]): Promise<number>;
};

/**
 * The command `name` exports from a module loaded with import(). Node's ESM loader wraps our
 * transpiled CommonJS in `default`; Jest does not.
 */
function commandOf(loaded: any, name: string): Command {
  return loaded[name] ?? loaded.default[name];
}

/**
 * Subcommands with their one-line summaries, loaded only when asked for so that `plan`
 * does not pay for the Backstage backend that `render` and `upgrade` start.
 */
const commands: Record<
  string,
  { summary: string; load: () => Promise<Command> }
> = {
  plan: {
    summary: 'plan the VPC endpoints a service needs, why, and what they cost',
    load: async () => commandOf(await import('./commands/plan'), 'planCommand'),
  },
  render: {
    summary:
      'render a software template with values, through the scaffolder dry run',
    load: async () =>
      commandOf(await import('./commands/render'), 'renderCommand'),
  },
  upgrade: {
    summary:
      'upgrade a generated repository to a newer version of its template',
    load: async () =>
      commandOf(await import('./commands/upgrade'), 'upgradeCommand'),
  },
};

/** Exit code for invalid flags or values, shared by every command. */
export const EXIT_USAGE = 2;

export function usage(): string {
  const names = Object.keys(commands).sort();
  const width = Math.max(...names.map(name => name.length));
  const lines = names.map(
    name => `  ${name.padEnd(width)}  ${commands[name].summary}`,
  );
  return [
    'Usage: npx private-fargate <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `npx private-fargate <command> --help` for the options of a command.',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    process.stderr.write(`${usage()}\n`);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (!Object.hasOwn(commands, name)) {
    process.stderr.write(
      `private-fargate: unknown command "${name}"\n\n${usage()}\n`,
    );
    return EXIT_USAGE;
  }
  try {
    const command = await commands[name].load();
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`private-fargate ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
