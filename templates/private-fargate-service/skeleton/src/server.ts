import { createServer, IncomingMessage, ServerResponse } from 'node:http';

const SERVICE_NAME = '${{ values.name }}';
const port = Number(process.env.PORT ?? '${{ values.containerPort }}');

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Answers the load balancer's health check and the service's own routes. */
export function handle(req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'GET' && req.url === '/health') {
    send(res, 200, { status: 'ok' });
    return;
  }
  if (req.method === 'GET' && req.url === '/') {
    send(res, 200, { service: SERVICE_NAME });
    return;
  }
  send(res, 404, { error: 'not found' });
}

if (require.main === module) {
  const server = createServer(handle);
  server.listen(port, () =>
    console.log(`${SERVICE_NAME} listening on ${port}`),
  );
  // ECS sends SIGTERM before stopping a task: finish open requests first.
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
