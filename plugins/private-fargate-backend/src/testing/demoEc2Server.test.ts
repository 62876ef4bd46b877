import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DEMO } from './demoFixture';

const BIN = resolve(__dirname, '../../bin/demo-ec2-server');

function start(args: string[]): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolveUrl, reject) => {
    let output = '';
    child.stdout!.on('data', chunk => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        resolveUrl(match[1]);
      }
    });
    child.stderr!.on('data', chunk => {
      output += chunk;
    });
    child.once('exit', code =>
      reject(new Error(`exited with ${code}: ${output}`)),
    );
  });
  return { child, url };
}

describe('bin/demo-ec2-server', () => {
  it('should serve the demo data over the EC2 Query protocol until SIGTERM', async () => {
    const { child, url } = start(['--port', '0']);
    try {
      const res = await fetch(await url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `Action=DescribeVpcEndpointConnections&Version=2016-11-15&Filter.1.Name=service-id&Filter.1.Value.1=${DEMO.paymentsServiceId}`,
      });
      const xml = await res.text();
      expect(res.status).toBe(200);
      expect(xml).toContain(
        '<DescribeVpcEndpointConnectionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">',
      );
      expect(xml).toContain(
        '<vpcEndpointState>pendingAcceptance</vpcEndpointState>',
      );
      expect(xml).toContain('<vpcEndpointState>rejected</vpcEndpointState>');
    } finally {
      const exited = new Promise(resolveExit =>
        child.once('exit', resolveExit),
      );
      child.kill('SIGTERM');
      await expect(exited).resolves.toBe(0);
    }
  }, 30_000);

  it('should refuse a port that is not a number', async () => {
    const { url } = start(['--port', 'http']);
    await expect(url).rejects.toThrow(/--port: "http" is not a port number/);
  }, 30_000);
});
