#!/usr/bin/env node
// Runs every benchmark (bench/<name>/run.mjs) one after the other and stops at the first failure.
// Each prints its own figures as ratios against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const names = readdirSync(benchDir, { withFileTypes: true })
  .filter(
    entry =>
      entry.isDirectory() &&
      existsSync(path.join(benchDir, entry.name, 'run.mjs')),
  )
  .map(entry => entry.name)
  .filter(name => only.length === 0 || only.includes(name))
  .sort();

for (const name of names) {
  console.log(`\n== bench/${name} ==`);
  const result = spawnSync(
    process.execPath,
    [path.join(benchDir, name, 'run.mjs')],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error(`bench/${name} failed (${result.signal ?? result.status})`);
    process.exit(result.status ?? 1);
  }
}
