import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  frontendUrl,
  launchBrowser,
  outputDir,
  signInAsGuest,
} from './support.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function fill(page, label, value) {
  const field = page.getByRole('textbox', { name: label }).last();
  await field.waitFor({ timeout: 60_000 });
  await field.fill(value);
}

test('the service template shows the planned endpoints and their cost while the form is filled', async () => {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1400 },
  });
  await signInAsGuest(page);
  await page.goto(
    `${frontendUrl}/create/templates/default/private-fargate-service`,
  );

  // About the service
  await fill(page, /^Name/, 'orders-api');
  const owner = page
    .getByRole('combobox', { name: /^Owner/ })
    .or(page.getByRole('textbox', { name: /^Owner/ }))
    .first();
  await owner.click();
  await owner.fill('platform-team');
  await page
    .getByRole('option', { name: /platform-team/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  // Network
  await fill(page, /^AWS account ID/, '123456789012');
  await fill(page, /^VPC ID/, 'vpc-0a1b2c3d4e5f60718');
  await fill(page, /^VPC CIDR/, '10.0.0.0/16');
  const subnets = [
    ['subnet-0a1b2c3d4e5f60711', 'ap-northeast-1a'],
    ['subnet-0a1b2c3d4e5f60712', 'ap-northeast-1c'],
  ];
  for (const [index, [id, zone]] of subnets.entries()) {
    const ids = page.getByRole('textbox', { name: /^Subnet ID/ });
    if ((await ids.count()) <= index) {
      await page.getByRole('button', { name: /add/i }).first().click();
    }
    await ids.nth(index).fill(id);
    await page
      .getByRole('textbox', { name: /^Availability Zone/ })
      .nth(index)
      .fill(zone);
  }
  const routeTables = page.getByRole('textbox', { name: /^Route table ID/ });
  if ((await routeTables.count()) === 0) {
    await page.getByRole('button', { name: /add/i }).last().click();
  }
  await routeTables.first().fill('rtb-0a1b2c3d4e5f60713');
  await page.getByRole('button', { name: 'Next' }).click();

  // Runtime: the live preview computed in the browser by the common library.
  const preview = page.getByTestId('private-fargate-plan-preview');
  await preview
    .getByText('Planned VPC endpoints')
    .first()
    .waitFor({ timeout: 60_000 });
  for (const service of ['ecr.api', 'ecr.dkr', 's3', 'logs']) {
    await preview.getByText(service, { exact: true }).first().waitFor();
  }
  const text = await preview.innerText();
  assert.match(text, /NAT/, 'the preview compares against a NAT gateway');
  assert.match(text, /\$\d/, 'the preview shows a monthly cost in dollars');
  await preview.screenshot({ path: path.join(outputDir, 'plan-preview.png') });
  await page.close();
});
