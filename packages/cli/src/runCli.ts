import { UsageError } from './UsageError';

/** A subcommand: takes its own arguments, returns the process exit code. */
export type Command = {
  summary: string;
  run(args: string[]): Promise<number>;
};

/**
 * Subcommands, loaded only when asked for so that `plan` does not pay for the
 * Backstage backend that `render` and `upgrade` start.
 */
const commands: Record<string, () => Promise<Command>> = {
  plan: async () => {
    const loaded: any = await import('./commands/plan');
    return loaded.planCommand ?? loaded.default.planCommand;
  },
  render: async () => {
    // Node's ESM loader wraps our transpiled CommonJS in `default`; Jest does not.
    const loaded: any = await import('./commands/render');
    return loaded.renderCommand ?? loaded.default.renderCommand;
  },
  upgrade: async () => {
    const loaded: any = await import('./commands/upgrade');
    return loaded.upgradeCommand ?? loaded.default.upgradeCommand;
  },
};

/** Exit code for invalid flags or values, shared by every command. */
export const EXIT_USAGE = 2;

function usage(): string {
  const lines = Object.keys(commands)
    .sort()
    .map(name => `  ${name}`);
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
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : EXIT_USAGE;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(
      `private-fargate: unknown command "${name}"\n\n${usage()}\n`,
    );
    return EXIT_USAGE;
  }
  try {
    const command = await load();
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`private-fargate ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
