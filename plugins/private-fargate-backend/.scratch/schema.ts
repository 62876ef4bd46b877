import { loadConfigSchema } from '@backstage/config-loader';
async function main() {
  const schema = await loadConfigSchema({ dependencies: ['@private-fargate/plugin-private-fargate-backend', '@backstage/integration-aws-node'] });
  for (const data of [
    { privateFargate: { demo: false, aws: { ec2Endpoint: null, timeout: '10s' }, status: { cacheTtl: '60s' } }, aws: null },
    { privateFargate: { aws: { ec2Endpoint: 5 } } },
  ]) {
    try { schema.process([{ data: { app: { baseUrl: 'http://x' }, backend: { baseUrl: 'http://x', listen: { port: 1 }, database: { client: 'pg', connection: 'x' } }, ...data } as any, context: 'test' }]); console.log('ok', JSON.stringify(data)); }
    catch (e: any) { console.log('ERR', e.message, JSON.stringify(e.messages ?? '')); }
  }
}
main();
