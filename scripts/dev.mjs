#!/usr/bin/env node
// Starts the development portal: the demo EC2 API (loopback), the backend (:7007) and the
// frontend (:3000). Each child runs in its own process group so that Ctrl-C (or SIGTERM)
// stops every process it started, including the ones the Backstage CLI spawns.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demoServer = path.join(
  root,
  'plugins/private-fargate-backend/bin/demo-ec2-server',
);
const demoPort = process.env.PRIVATE_FARGATE_DEMO_EC2_PORT ?? '4599';

const children = [];

function start(name, command, args) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: 'inherit',
    detached: true,
    env: process.env,
  });
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `dev: ${name} exited (${signal ?? code}); stopping the portal`,
      );
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = setTimeout(() => {
    for (const { child } of children) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(exitCode);
  }, 5000);
  Promise.all(
    children.map(
      ({ child }) =>
        new Promise(resolve =>
          child.exitCode !== null || child.signalCode !== null
            ? resolve()
            : child.once('exit', resolve),
        ),
    ),
  ).then(() => {
    clearTimeout(deadline);
    process.exit(exitCode);
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stop(0));
}

if (existsSync(demoServer)) {
  start('demo EC2 API', process.execPath, [demoServer, '--port', demoPort]);
}
start('portal', process.execPath, [
  path.join(root, 'node_modules/@backstage/cli/bin/backstage-cli'),
  'repo',
  'start',
  ...process.argv.slice(2),
]);
