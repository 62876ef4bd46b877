import { runCli } from './runCli';

runCli(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`private-fargate: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
