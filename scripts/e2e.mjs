#!/usr/bin/env node
// The browser test: installs Debian's Chromium when it is missing, starts the portal
// (scripts/dev.mjs), waits until it answers, runs e2e/*.test.mjs with Node's test runner
// (playwright-core drives Chromium), then stops the portal and fails on error lines in its log.
// Pass test files to run only those. Against a portal that is already running (npm start), run
// one file directly: node --test e2e/template-editor.test.mjs
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
} from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'e2e-output');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const frontendUrl = 'http://localhost:3000';
const backendUrl = 'http://localhost:7007';

function ensureChromium() {
  if (existsSync(chromium)) return;
  console.log('e2e: installing Debian chromium with apt-get');
  const run = args => {
    const result = spawnSync('apt-get', args, { stdio: 'inherit' });
    if (result.status !== 0) {
      throw new Error(
        `apt-get ${args.join(' ')} failed; install chromium by hand`,
      );
    }
  };
  run(['update']);
  run(['install', '-y', '--no-install-recommends', 'chromium']);
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastError = new Error(`${url} answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(
    `e2e: ${url} not ready after ${timeoutMs / 1000}s: ${lastError}`,
  );
}

function stopPortal(portal) {
  return new Promise(resolve => {
    if (portal.exitCode !== null || portal.signalCode !== null)
      return resolve();
    portal.once('exit', resolve);
    process.kill(-portal.pid, 'SIGTERM');
  });
}

// Error-level lines of the backend's log (ANSI colours stripped), e.g.
// "2026-11-21T11:46:55.870Z catalog error Processing failed ...".
function errorLines(logFile) {
  // eslint-disable-next-line no-control-regex -- matching the terminal's escape codes is the point
  const text = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  return text
    .split('\n')
    .filter(line => /^\d{4}-\d\d-\d\dT\S+\s+\S+\s+error\s/.test(line));
}

async function main() {
  ensureChromium();
  mkdirSync(outDir, { recursive: true });
  const logFile = path.join(outDir, 'portal.log');
  const log = openSync(logFile, 'w');
  const portal = spawn(process.execPath, [path.join(root, 'scripts/dev.mjs')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, BROWSER: 'none' },
  });
  let code = 1;
  try {
    await waitFor(`${backendUrl}/.backstage/health/v1/readiness`, 300_000);
    await waitFor(frontendUrl, 300_000);
    // `node scripts/e2e.mjs e2e/template-editor.test.mjs` runs only the files named; no
    // arguments runs every e2e/*.test.mjs.
    const tests =
      process.argv.length > 2
        ? process.argv.slice(2)
        : readdirSync(path.join(root, 'e2e'))
            .filter(name => name.endsWith('.test.mjs'))
            .sort()
            .map(name => path.join('e2e', name));
    const result = spawnSync(
      process.execPath,
      ['--test', '--test-concurrency=1', '--test-reporter=spec', ...tests],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          CHROMIUM_PATH: chromium,
          E2E_FRONTEND_URL: frontendUrl,
          E2E_BACKEND_URL: backendUrl,
          E2E_OUTPUT: outDir,
        },
      },
    );
    code = result.status ?? 1;
  } finally {
    await stopPortal(portal);
  }
  const errors = errorLines(logFile);
  if (errors.length > 0) {
    console.error(`e2e: the portal logged ${errors.length} error line(s):`);
    for (const line of errors.slice(0, 20)) console.error(`  ${line}`);
    code = code || 1;
  }
  process.exit(code);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
