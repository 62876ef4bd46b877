import { Ec2QueryServer } from '/work/main/plugins/private-fargate-backend/src/testing/ec2QueryServer';
import { demoFixture } from '/work/main/plugins/private-fargate-backend/src/testing/demoFixture';
import { Ec2Reader } from '/work/main/plugins/private-fargate-backend/src/aws/Ec2Reader';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';

async function main() {
  const server = await Ec2QueryServer.start({ fixture: demoFixture(), pageSize: 2 });
  const cm = DefaultAwsCredentialsManager.fromConfig(new ConfigReader({ aws: { accounts: [{ accountId: '111111111111', accessKeyId: 'AKIDEMO', secretAccessKey: 'demo' }] } }));
  const reader = Ec2Reader.create({ credentialsManager: cm, endpoint: server.url, timeoutMs: 500, maxAttempts: 1 });
  const t = { accountId: '111111111111', region: 'ap-northeast-1' };
  console.log(JSON.stringify(await reader.readVpcEndpoints({ ...t, vpcId: 'vpc-0a1b2c3d4e5f60718' })).slice(0, 600));
  console.log(JSON.stringify(await reader.readEndpointService({ ...t, serviceId: 'vpce-svc-0a1b2c3d4e5f60718' })));
  console.log(server.calls.map(c => c.action + ' ' + c.region + ' ' + c.accessKeyId).join('\n'));
  for (const fault of [{ kind: 'throttle' }, { kind: 'server-error' }, { kind: 'unauthorized' }, { kind: 'malformed' }, { kind: 'slow', delayMs: 1500 }] as const) {
    server.setFault('*', fault);
    try { await reader.readVpcEndpoints({ ...t, vpcId: 'vpc-0a1b2c3d4e5f60718' }); console.log('no error?'); }
    catch (e: any) { console.log(fault.kind, '=>', JSON.stringify(e.callError)); }
  }
  server.clearFaults();
  try { await reader.readEndpointService({ ...t, serviceId: 'vpce-svc-0a1b2c3d4e5f60999' }); } catch (e: any) { console.log('notfound =>', JSON.stringify(e.callError)); }
  await server.stop();
}
main();
