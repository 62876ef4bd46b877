import { test, before, after } from 'node:test';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  frontendUrl,
  launchBrowser,
  outputDir,
  repoRoot,
  signInAsGuest,
} from './support.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('the demo service page shows the endpoint and PrivateLink card', async () => {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1600 },
  });
  await signInAsGuest(page);
  await page.goto(`${frontendUrl}/catalog/default/component/payments-api`);

  const title = page.getByText('VPC endpoints and PrivateLink', {
    exact: true,
  });
  await title.waitFor({ timeout: 120_000 });
  const card = page
    .locator('div[class*="MuiCard-root"]')
    .filter({ has: title })
    .last();
  await card.getByText('Demo data').waitFor();
  // Rows from the demo EC2 API for the endpoints the entity declares.
  for (const service of [
    'ecr.api',
    'ecr.dkr',
    's3',
    'logs',
    'secretsmanager',
  ]) {
    await card
      .getByRole('row', {
        name: new RegExp(
          `^${service.replace('.', '\\.')} com\\.amazonaws\\.ap-northeast-1\\.`,
        ),
      })
      .waitFor({ timeout: 60_000 });
  }
  // The PrivateLink service with a consumer waiting for acceptance.
  await card
    .getByText(/vpce-svc-0a1b2c3d4e5f60718/)
    .first()
    .waitFor();
  await card
    .locator('tr')
    .filter({ hasText: '333333333333' })
    .filter({ hasText: 'Pending acceptance' })
    .waitFor();

  // Generated from private-fargate-service 1.0.0; the catalog's template is newer.
  const templateVersion = parse(
    readFileSync(
      path.join(repoRoot, 'templates/private-fargate-service/template.yaml'),
      'utf8',
    ),
  ).metadata.annotations['private-fargate/template-version'];
  await card
    .getByText(
      `Generated from template private-fargate-service v1.0.0, latest v${templateVersion}.`,
      { exact: false },
    )
    .waitFor();

  await card.scrollIntoViewIfNeeded();
  const shot = path.join(outputDir, 'status-card.png');
  await card.screenshot({ path: shot });
  if (process.env.E2E_UPDATE_DOCS) {
    mkdirSync(path.join(repoRoot, 'docs/images'), { recursive: true });
    copyFileSync(shot, path.join(repoRoot, 'docs/images/status-card.png'));
  }

  // The card's link opens the upgrade template with this service already picked.
  await card.getByRole('link', { name: 'Upgrade this service' }).click();
  await page.waitForURL(
    /\/create\/templates\/default\/private-fargate-upgrade/,
  );
  await page
    .getByText("Upgrade a repository to its template's latest version")
    .first()
    .waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('input')].some(input =>
        input.value.includes('payments-api'),
      ),
    undefined,
    { timeout: 60_000 },
  );
  await page.screenshot({
    path: path.join(outputDir, 'upgrade-template-form.png'),
  });
  await page.close();
});
