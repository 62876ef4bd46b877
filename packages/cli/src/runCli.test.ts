import { runCli } from './runCli';

async function run(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const stdout = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation(text => {
      out.stdout += String(text);
      return true;
    });
  const stderr = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation(text => {
      out.stderr += String(text);
      return true;
    });
  try {
    return { code: await runCli(args), ...out };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('runCli', () => {
  it('prints usage with every command and its summary on stderr, exiting 2, when no command is given', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'Usage: npx private-fargate <command> [options]',
    );
    expect(result.stderr).toMatch(
      /^ {2}plan {5}plan the VPC endpoints a service needs/m,
    );
    expect(result.stderr).toMatch(/^ {2}render {3}render a software template/m);
    expect(result.stderr).toMatch(/^ {2}upgrade {2}upgrade a generated/m);
  });

  it('prints the same usage on stdout for --help, exiting 0', async () => {
    const bare = await run([]);
    const help = await run(['--help']);
    expect(help).toEqual({ code: 0, stdout: bare.stderr, stderr: '' });
  });

  it('names an unknown command, with the usage, and exits 2', async () => {
    const result = await run(['toString']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "toString"');
  });
});
