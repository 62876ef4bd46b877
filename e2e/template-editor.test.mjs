// Issue 5: each template renders in the template editor's dry run.
//
// For every folder under templates/ this opens Backstage's Template Editor (/create/edit), loads
// the folder with "Load Template Directory", selects template.yaml, steps through the editor's
// form with the values of an example case (examples/values/<template>.<case>.yaml), presses
// Create (which the editor turns into POST /api/scaffolder/v2/dry-run) and checks that the dry
// run succeeded: no step failed, and the result lists the files we expect.
//
// Loading a directory headlessly: the editor calls window.showDirectoryPicker() (File System
// Access API), which opens a native dialog. The init script below replaces it with a function
// that copies the template folder into the page's origin private file system
// (navigator.storage.getDirectory()) and returns that folder's FileSystemDirectoryHandle. It is
// a real browser handle, so everything the editor does with it works as with a picked folder:
// values(), getFile(), createWritable(), and storing it in IndexedDB (idb-keyval) so the editor
// reopens it after a reload.
//
// Filling the form: Backstage's form Stepper takes its initial values from the `formData` query
// parameter (the documented way to pre-fill a template). The test reloads the editor with the
// example's values there and then presses Next / Review / Create like a person would, so the
// editor's own validation runs on every page; a page that does not validate fails the test with
// the form's error messages. template.yaml itself is handed over unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  backendUrl,
  frontendUrl,
  guestToken,
  launchBrowser,
  outputDir,
  repoRoot,
  signInAsGuest,
} from './support.mjs';

const templatesDir = path.join(repoRoot, 'templates');
const valuesDir = path.join(repoRoot, 'examples/values');

// Templates the portal cannot dry-run at all, with the reason.
const skippedTemplates = {
  'private-fargate-upgrade':
    "skipped: it reads a generated service from the catalog, fetches that service's repository from git and opens a GitHub pull request; the e2e portal has no such repository, git host or GitHub token",
};

// Example cases the portal cannot dry-run, with the reason; the next valid case is used instead.
const portalCannotDryRun = {
  'vpc-endpoints-baseline.pull-request':
    'publish:github:pull-request asks GitHub for a token even in a dry run, and the e2e portal has no GitHub integration',
};

// The examples' own catalog (examples/values/catalog.yaml, which `private-fargate render --catalog`
// serves) is not loaded into the portal. When no valid case of a template finds the entities its
// catalog:fetch steps read, the first valid case runs with the portal's demo entity
// (examples/entities.yaml) that plays the same part: it has the annotations the templates read.
const portalStandIns = {
  'component:default/tasks-api': 'component:default/payments-api',
  'resource:default/eu-west-1-shared-endpoints':
    'resource:default/payments-vpc-endpoints',
};

// Files each template's dry run must list (beyond every skeleton file, which is always checked).
const expectedFiles = {
  'private-fargate-service': [
    'catalog-info.yaml',
    'Dockerfile',
    'src/server.ts',
    '.github/workflows/terraform.yaml',
    'infra/main.tf',
    'infra/versions.tf',
    'infra/modules/endpoints/main.tf',
    'infra/modules/service/main.tf',
  ],
  'privatelink-consumer': [
    'catalog-info.yaml',
    'infra/main.tf',
    'infra/versions.tf',
    'infra/modules/privatelink-consumer/main.tf',
  ],
  'ssm-bastion': [
    'catalog-info.yaml',
    'infra/main.tf',
    'infra/modules/endpoints/main.tf',
    'infra/modules/bastion/main.tf',
  ],
  'vpc-endpoints-baseline': [
    'catalog-info.yaml',
    'infra/main.tf',
    'infra/modules/endpoints/main.tf',
  ],
};

function listFiles(dir, base = '') {
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const full = path.join(dir, name);
      const rel = base ? `${base}/${name}` : name;
      return statSync(full).isDirectory() ? listFiles(full, rel) : [rel];
    });
}

function templateFolders() {
  if (!existsSync(templatesDir)) return [];
  return readdirSync(templatesDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name)
    .filter(name => existsSync(path.join(templatesDir, name, 'template.yaml')))
    .sort();
}

function validCases(name) {
  if (!existsSync(valuesDir)) return [];
  return readdirSync(valuesDir)
    .filter(file => file.startsWith(`${name}.`) && file.endsWith('.yaml'))
    .map(file => file.slice(name.length + 1, -'.yaml'.length))
    .filter(caseName => !caseName.startsWith('invalid-'))
    .sort();
}

// Steps that load the entity their entityRef input names from the catalog.
const CATALOG_READING_ACTIONS = new Set([
  'catalog:fetch',
  'private-fargate:provider:fetch',
]);

/** Parameters whose value a catalog-reading step loads, e.g. ['provider']. */
function catalogFetchParameters(template) {
  return (template.spec?.steps ?? [])
    .filter(step => CATALOG_READING_ACTIONS.has(step.action))
    .map(
      step =>
        /^\$\{\{\s*parameters\.(\w+)\s*\}\}$/.exec(
          String(step.input?.entityRef ?? ''),
        )?.[1],
    )
    .filter(Boolean);
}

async function entityExists(token, ref) {
  const match = /^([^:]+):(?:([^/]+)\/)?(.+)$/.exec(ref);
  if (!match) return false;
  const [, kind, namespace = 'default', name] = match;
  const response = await fetch(
    `${backendUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  return response.ok;
}

/**
 * The example case to run: the first valid case the portal can dry-run as it is; failing that, the
 * first valid one it can dry-run with stand-in entities. Returns { caseName, values, notes }.
 */
async function chooseCase(name, template, token) {
  const fetched = catalogFetchParameters(template);
  const candidates = [];
  const notes = [];
  for (const caseName of validCases(name)) {
    const reason = portalCannotDryRun[`${name}.${caseName}`];
    if (reason) {
      notes.push(`not ${caseName}: ${reason}`);
      continue;
    }
    const values = parse(
      readFileSync(path.join(valuesDir, `${name}.${caseName}.yaml`), 'utf8'),
    );
    const missing = [];
    for (const parameter of fetched) {
      const ref = values[parameter];
      if (typeof ref === 'string' && !(await entityExists(token, ref))) {
        missing.push({ parameter, ref });
      }
    }
    if (missing.length === 0) return { caseName, values, notes };
    notes.push(
      `not ${caseName} as it is: the portal's catalog has no ${missing
        .map(m => m.ref)
        .join(', ')}`,
    );
    candidates.push({ caseName, values, missing });
  }
  for (const { caseName, values, missing } of candidates) {
    if (missing.every(m => portalStandIns[m.ref])) {
      const replaced = { ...values };
      for (const m of missing) {
        replaced[m.parameter] = portalStandIns[m.ref];
        notes.push(
          `${caseName}: ${m.parameter} ${m.ref} -> stand-in ${
            portalStandIns[m.ref]
          }`,
        );
      }
      return { caseName, values: replaced, notes };
    }
  }
  return { caseName: undefined, values: undefined, notes };
}

// Runs in the page before the app's scripts, so the editor's module sees this picker.
function installDirectoryPicker({ dirName, files }) {
  window.showDirectoryPicker = async () => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(dirName, { recursive: true }).catch(() => {});
    const dir = await root.getDirectoryHandle(dirName, { create: true });
    for (const file of files) {
      const parts = file.path.split('/');
      let parent = dir;
      for (const part of parts.slice(0, -1)) {
        parent = await parent.getDirectoryHandle(part, { create: true });
      }
      const handle = await parent.getFileHandle(parts[parts.length - 1], {
        create: true,
      });
      const writable = await handle.createWritable();
      await writable.write(
        Uint8Array.from(atob(file.base64), c => c.charCodeAt(0)),
      );
      await writable.close();
    }
    return dir;
  };
}

/** The label of the form's current step in the Stepper. */
async function activeStep(page) {
  const label = page.locator('.MuiStepLabel-active').first();
  return (await label.count()) ? (await label.innerText()).trim() : '';
}

/** Presses Next / Review until the review page's Create button shows. */
async function stepThroughForm(page, stepTitles) {
  const create = page.getByRole('button', { name: 'Create', exact: true });
  const next = page.getByRole('button', { name: /^(Next|Review)$/ });
  for (let pages = 0; pages <= stepTitles.length; pages++) {
    await Promise.race([
      create.waitFor({ timeout: 30_000 }),
      next.waitFor({ timeout: 30_000 }),
    ]);
    if (await create.isVisible()) return;
    const stepBefore = await activeStep(page);
    await next.click();
    const moved = await page
      .waitForFunction(
        previous => {
          const label = document.querySelector('.MuiStepLabel-active');
          return (label?.textContent ?? '').trim() !== previous;
        },
        stepBefore,
        { timeout: 15_000 },
      )
      .then(() => true)
      .catch(() => false);
    if (!moved) {
      const errors = await page
        .locator('.Mui-error, [class*="MuiAlert-standardError"]')
        .allInnerTexts();
      assert.fail(
        `the editor's form did not get past "${stepBefore}": ${
          errors.filter(Boolean).join(' | ') || 'no error shown'
        }`,
      );
    }
  }
  assert.fail('the editor never showed the Create button');
}

let browser;
let token;

before(async () => {
  browser = await launchBrowser();
  token = await guestToken();
});

after(async () => {
  await browser?.close();
});

for (const name of templateFolders()) {
  const skip = skippedTemplates[name];
  test(
    `the template editor's dry run renders ${name}${skip ? ` (${skip})` : ''}`,
    { skip: Boolean(skip) },
    async t => {
      const folder = path.join(templatesDir, name);
      const templateText = readFileSync(
        path.join(folder, 'template.yaml'),
        'utf8',
      );
      const template = parse(templateText);
      const { caseName, values, notes } = await chooseCase(
        name,
        template,
        token,
      );
      for (const note of notes) t.diagnostic(note);
      assert.ok(
        caseName,
        `no example case of ${name} that the portal can dry-run`,
      );
      t.diagnostic(`values: examples/values/${name}.${caseName}.yaml`);

      const paths = listFiles(folder);
      const files = paths.map(p => ({
        path: p,
        base64: readFileSync(path.join(folder, p)).toString('base64'),
      }));

      const context = await browser.newContext({
        viewport: { width: 1600, height: 1200 },
      });
      const problems = [];
      try {
        await context.addInitScript(installDirectoryPicker, {
          dirName: name,
          files,
        });
        const page = await context.newPage();
        page.on('pageerror', error =>
          problems.push(`page error: ${error.message}`),
        );
        page.on('console', message => {
          if (message.type() === 'error')
            problems.push(`console error: ${message.text().split('\n')[0]}`);
        });
        await signInAsGuest(page);

        // Load the folder the way a person does: Template Editor, "Load Template Directory".
        await page.goto(`${frontendUrl}/create/edit`);
        await page
          .getByText('Load Template Directory', { exact: true })
          .click();
        await page.waitForURL(/\/create\/edit\/template(\?|$)/, {
          timeout: 60_000,
        });
        const treeItem = label =>
          page.getByRole('treeitem', { name: label, exact: true });
        await treeItem('template.yaml').first().waitFor({ timeout: 60_000 });

        // Reopen the editor with the example's values in `formData`; the editor reopens the
        // folder it stored in IndexedDB.
        const formData = encodeURIComponent(JSON.stringify(values));
        await page.goto(
          `${frontendUrl}/create/edit/template?formData=${formData}`,
        );
        await treeItem('template.yaml').first().click({ timeout: 60_000 });

        const stepTitles = template.spec.parameters.map(p => p.title);
        await page
          .getByText(stepTitles[0], { exact: true })
          .first()
          .waitFor({ timeout: 60_000 });
        await stepThroughForm(page, stepTitles);

        const responsePromise = page.waitForResponse(
          response =>
            response
              .url()
              .startsWith(`${backendUrl}/api/scaffolder/v2/dry-run`) &&
            response.request().method() === 'POST',
          { timeout: 60_000 },
        );
        await page.getByRole('button', { name: 'Create', exact: true }).click();
        const response = await responsePromise;
        const body = await response.json().catch(() => undefined);
        const screenshot = path.join(outputDir, `template-editor-${name}.png`);
        if (!response.ok()) {
          await page.screenshot({ path: screenshot });
          assert.fail(
            `the dry run answered ${response.status()}: ${
              body?.error?.message ?? JSON.stringify(body)
            }`,
          );
        }

        // The result: no failed step, and the files we expect.
        const failed = body.log.filter(
          entry => entry.body?.status === 'failed',
        );
        assert.deepEqual(
          failed.map(entry => `${entry.body.stepId}: ${entry.body.message}`),
          [],
          'no step of the dry run failed',
        );
        const rendered = body.directoryContents.map(file => file.path);
        t.diagnostic(`${rendered.length} files: ${rendered.join(' ')}`);
        const skeleton = paths
          .filter(p => p.startsWith('skeleton/') && !p.includes('${{'))
          .map(p => p.slice('skeleton/'.length));
        for (const file of [...skeleton, ...(expectedFiles[name] ?? [])]) {
          assert.ok(
            rendered.some(r => r === file || r.endsWith(`/${file}`)),
            `the dry run lists ${file}`,
          );
        }
        assert.ok(
          rendered.some(r => r.endsWith('.tf')),
          'the dry run wrote Terraform',
        );
        const catalogInfo = body.directoryContents.find(
          f =>
            f.path === 'catalog-info.yaml' ||
            f.path.endsWith('/catalog-info.yaml'),
        );
        assert.match(
          Buffer.from(catalogInfo.base64Content, 'base64').toString('utf8'),
          new RegExp(`name: ${values.name}\\b`),
          "the form's values reached the skeleton",
        );

        // What the editor shows: the result, its files, and the steps in its log.
        const results = page
          .locator('.MuiAccordion-root')
          .filter({ hasText: 'Dry-run results' })
          .last();
        await results.getByText('Result 1', { exact: true }).waitFor();
        const topLevel = [...new Set(rendered.map(r => r.split('/')[0]))];
        for (const entry of topLevel) {
          await results
            .getByRole('treeitem', { name: entry, exact: true })
            .waitFor({ timeout: 10_000 });
        }
        await page.screenshot({ path: screenshot });
        await results.getByRole('tab', { name: 'Log', exact: true }).click();
        for (const step of template.spec.steps) {
          await results
            .getByText(step.name ?? step.id, { exact: true })
            .first()
            .waitFor({ timeout: 10_000 });
        }
        await page.screenshot({
          path: path.join(outputDir, `template-editor-${name}-log.png`),
        });
      } finally {
        // Reported, not failed on: the dev build logs React and Material-UI warnings here.
        for (const problem of new Set(problems)) t.diagnostic(problem);
        await context.close();
      }
    },
  );
}
