// Shared by the browser tests: Chromium through playwright-core, guest sign-in, and the
// templates this repository ships.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const frontendUrl =
  process.env.E2E_FRONTEND_URL ?? 'http://localhost:3000';
export const backendUrl =
  process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
export const outputDir = process.env.E2E_OUTPUT ?? path.resolve('e2e-output');
export const repoRoot = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);

// playwright-core gives every launch a new empty profile, as the setup notes require.
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the portal and signs in as guest when the sign-in page asks. */
export async function signInAsGuest(page) {
  await page.goto(frontendUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  // The sidebar's <nav> box has no size of its own; its links are what a person sees.
  const nav = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog' });
  await Promise.race([
    enter.waitFor({ timeout: 60_000 }),
    nav.waitFor({ timeout: 60_000 }),
  ]);
  if (await enter.isVisible()) {
    await enter.click();
  }
  await nav.waitFor({ timeout: 60_000 });
}

/** A guest user token, as the sign-in page gets it. */
export async function guestToken() {
  const response = await fetch(
    `${backendUrl}/api/auth/guest/refresh?env=development`,
    {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    },
  );
  if (!response.ok) {
    throw new Error(
      `guest refresh answered ${response.status}: ${await response.text()}`,
    );
  }
  const body = await response.json();
  return body.backstageIdentity.token;
}

/** The templates in templates/: name and title from each template.yaml. */
export function shippedTemplates() {
  const dir = path.join(repoRoot, 'templates');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => path.join(dir, entry.name, 'template.yaml'))
    .filter(file => existsSync(file))
    .map(file => {
      const doc = parse(readFileSync(file, 'utf8'));
      return {
        name: doc.metadata.name,
        title: doc.metadata.title ?? doc.metadata.name,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Polls until `check` returns a truthy value (catalog ingestion is asynchronous). */
export async function eventually(
  check,
  { timeoutMs = 120_000, intervalMs = 2000 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
  return last;
}
