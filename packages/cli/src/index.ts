import { runCli } from './runCli';

/**
 * Exits with `code` once everything written so far has been flushed. An explicit exit is
 * needed: the Backstage backend that `render` and `upgrade` start registers a `beforeExit`
 * handler that calls `process.exit(0)`, which would otherwise replace our exit code.
 */
function exitWith(code: number): void {
  process.stdout.write('', () =>
    process.stderr.write('', () => process.exit(code)),
  );
}

runCli(process.argv.slice(2)).then(exitWith, error => {
  process.stderr.write(`private-fargate: ${error?.stack ?? error}\n`);
  exitWith(1);
});
