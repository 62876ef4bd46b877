import { Ec2QueryServer } from '../src/testing/ec2QueryServer';
import { demoFixture } from '../src/testing/demoFixture';

const DEFAULT_PORT = 4599;

function readPort(argv: string[]): number {
  const index = argv.findIndex(
    arg => arg === '--port' || arg.startsWith('--port='),
  );
  if (index === -1) {
    return DEFAULT_PORT;
  }
  const raw = argv[index].includes('=')
    ? argv[index].split('=')[1]
    : argv[index + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `--port: "${raw}" is not a port number; give a whole number from 1 to 65535 (0 picks a free port)`,
    );
  }
  return port;
}

async function main() {
  const port = readPort(process.argv.slice(2));
  const server = await Ec2QueryServer.start({ fixture: demoFixture(), port });
  process.stdout.write(
    `Demo EC2 server (Private Fargate demo data) listening on ${server.url}\n`,
  );
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(
    `demo-ec2-server: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exit(1);
});
