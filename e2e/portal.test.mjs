import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  backendUrl,
  eventually,
  frontendUrl,
  guestToken,
  launchBrowser,
  outputDir,
  shippedTemplates,
  signInAsGuest,
} from './support.mjs';

const templates = shippedTemplates();
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('the backend lists every template in templates/ for a guest', async () => {
  const token = await guestToken();
  const names = await eventually(async () => {
    const response = await fetch(
      `${backendUrl}/api/catalog/entities/by-query?filter=kind=template`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    assert.equal(response.status, 200);
    const { items } = await response.json();
    const found = items.map(item => item.metadata.name).sort();
    return templates.every(t => found.includes(t.name)) ? found : undefined;
  });
  assert.ok(names, 'templates did not reach the catalog in time');
  for (const template of templates) {
    assert.ok(
      names.includes(template.name),
      `${template.name} missing from the catalog`,
    );
  }
});

test('a guest signs in, sees every template and opens the catalog', async () => {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  await signInAsGuest(page);

  await page.goto(`${frontendUrl}/create`);
  for (const template of templates) {
    await page
      .getByText(template.title, { exact: true })
      .first()
      .waitFor({ timeout: 120_000 });
  }
  await page.screenshot({
    path: path.join(outputDir, 'templates.png'),
    fullPage: true,
  });

  await page.goto(
    `${frontendUrl}/?filters%5Bkind%5D=component&filters%5Buser%5D=all`,
  );
  await page
    .getByText('private-fargate-common')
    .first()
    .waitFor({ timeout: 120_000 });
  await page.screenshot({
    path: path.join(outputDir, 'catalog.png'),
    fullPage: true,
  });
  await page.close();
});
