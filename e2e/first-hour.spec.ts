import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  importFixture,
  invite,
  newAccount,
  newUser,
  node,
  openTab,
  signUp,
  watchErrors,
} from './helpers';

/**
 * Issue 9's "done when": a new user's first hour, start to finish, with no
 * blank page and no console error or uncaught exception anywhere on the way.
 */
test('first hour: draw with the palette, switch tabs, generate, accept, open threats, export', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  const account = newAccount('Dana');
  await signUp(page, account);
  await page.getByLabel('Title').fill('Web shop');
  await page.getByRole('button', { name: 'Create model' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Web shop' })).toBeVisible();
  // 9.5: the creator is the owner.
  await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Dana');

  const tabs = page.getByRole('navigation', { name: 'Model sections' });
  const tab = async (name: 'Overview' | 'Diagram' | 'Threats') => {
    await tabs.getByRole('link', { name }).click();
    await expect(tabs.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  };
  const notBlank = () => expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // Draw with the palette, typing each name (spaces and Enter add nothing extra).
  await tab('Diagram');
  const nameField = page.getByRole('textbox', { name: 'Edit name in place' });
  const add = async (kind: 'actor' | 'process' | 'store', name: string) => {
    await page.getByRole('button', { name: `Add ${kind}` }).click();
    await expect(nameField).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(node(page, kind, name)).toBeVisible();
  };
  await add('actor', 'Shopper');
  await add('process', 'Web shop');
  await add('store', 'Orders DB');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await connect(page, 'actor:Shopper', 'process:Web shop');
  await connect(page, 'process:Web shop', 'store:Orders DB');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // Select, then go back and forth between the tabs: the page stays, and so does the selection.
  await node(page, 'process', 'Web shop').click();
  await expect(page.getByRole('heading', { name: 'Process: Web shop' })).toBeVisible();
  for (const other of ['Overview', 'Threats', 'Overview'] as const) {
    await tab(other);
    await notBlank();
    await tab('Diagram');
    await expect(page.getByRole('heading', { name: 'Process: Web shop' })).toBeVisible();
  }

  // Generate, accept all: the note on the toolbar goes with the suggestions.
  await page.getByRole('button', { name: 'Generate threats for the whole diagram' }).click();
  const note = page.getByRole('toolbar').getByRole('status');
  await expect(note).toContainText(/\d+ threats suggested/);
  await page.getByRole('button', { name: 'Accept all suggestions' }).click();
  await expect(note).toHaveCount(0);
  await expect(node(page, 'process', 'Web shop').getByLabel(/open threats/)).toBeVisible();

  // From the diagram: clicking an element shows its threats; clicking a threat opens it.
  const panel = page.getByRole('complementary', { name: 'Details' });
  await node(page, 'store', 'Orders DB').click();
  await expect(panel.getByRole('tab', { name: 'Threats' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const first = panel.getByRole('list', { name: 'Threats' }).getByRole('button').first();
  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', 'true');

  // From the table: a title opens that threat, and so does its element's link.
  await tab('Threats');
  const table = page.getByRole('table', { name: 'Threats' });
  const row = table.getByRole('row').filter({ hasText: 'Web shop' }).first();
  const title = (await row.getByRole('link').first().textContent())!;
  await row.getByRole('link', { name: title, exact: true }).click();
  await expect(panel.getByLabel('Threat title')).toHaveValue(title);
  await expect(node(page, 'process', 'Web shop')).toHaveClass(/selected/);
  await tab('Threats');
  await row.getByRole('link', { name: 'Show Web shop in the diagram' }).click();
  await expect(panel.getByLabel('Threat title')).toHaveValue(title);

  // Exports, each a real file.
  const download = async (item: string) => {
    await page.getByRole('button', { name: 'Export' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('menuitem', { name: item }).click(),
    ]);
    return readFileSync((await file.path())!);
  };
  const native = JSON.parse((await download('Threatloom JSON')).toString('utf8')) as {
    records: { typeName: string }[];
  };
  expect(native.records.filter((r) => r.typeName === 'threat').length).toBeGreaterThan(0);
  expect(JSON.parse((await download('Open Threat Model (OTM)')).toString('utf8'))).toHaveProperty(
    'otmVersion',
  );
  expect((await download('Markdown report')).toString('utf8')).toContain('Web shop');
  expect((await download('CSV of threats')).toString('utf8')).toContain(title);
  // 9.8d: the PDF report opens its options first; the defaults download at once.
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'PDF report…' }).click();
  const [pdf] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page
      .getByRole('dialog', { name: 'PDF report' })
      .getByRole('button', { name: 'Download PDF' })
      .click(),
  ]);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await notBlank();
  expect(errors).toEqual([]);
});

/**
 * The rest of that hour: the shared Threat Dragon demo is imported, an AppSec reviewer with no
 * account is invited (9.7), signs up through the link, and comments live; the Threat Dragon
 * export says what it cannot hold before the download (9.10). No console error on either side.
 */
test('first hour, together: import the demo, invite a reviewer who joins live, export Threat Dragon with its warnings', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const dev = await newUser(browser, 'Devi');
  const devErrors = watchErrors(dev.page);
  const id = await importFixture(dev.page, 'threat-dragon/demo/three-tier-web-app.json');
  const title = 'Three Tier Web Application';
  await expect(dev.page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const reviewer = newAccount('Rhea');
  const link = await invite(dev.page, title, reviewer.email, 'commenter');
  const context = await browser.newContext();
  const page = await context.newPage();
  const reviewerErrors = watchErrors(page);
  await page.goto(link);
  await page.getByLabel('Name').fill(reviewer.name);
  await page.getByLabel('Email').fill(reviewer.email);
  await page.getByLabel('Password').fill(reviewer.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Both on the diagram: the reviewer comments on the web service, the developer sees it live.
  await openTab(dev.page, id, 'diagram');
  await openTab(page, id, 'diagram');
  for (const p of [dev.page, page]) {
    await node(p, 'process', 'Web Service').click();
    await p.getByRole('tab', { name: 'Comments' }).click();
  }
  await page.getByRole('textbox', { name: 'New comment' }).fill('Who validates the JWT here?');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(dev.page.getByRole('article', { name: 'Comment by Rhea' })).toContainText(
    'Who validates the JWT here?',
  );

  // Threat Dragon has no comments: the export says so first, then downloads on request.
  await dev.page.getByRole('button', { name: 'Export' }).click();
  await dev.page.getByRole('menuitem', { name: 'Threat Dragon JSON' }).click();
  const dialog = dev.page.getByRole('dialog', { name: 'Export as Threat Dragon JSON' });
  await expect(dialog.getByRole('list', { name: 'Export warnings' })).toContainText(
    /comment by Rhea on process "Web Service"/,
  );
  const [file] = await Promise.all([
    dev.page.waitForEvent('download', { timeout: 60_000 }),
    dialog.getByRole('button', { name: 'Download anyway' }).click(),
  ]);
  const td = readFileSync((await file.path())!, 'utf8');
  expect(td).toContain('Who validates the JWT here?');
  expect(devErrors).toEqual([]);
  expect(reviewerErrors).toEqual([]);
  await context.close();
  await dev.close();
});

/** Draws a flow by dragging from one element's right handle onto another. */
async function connect(page: Page, from: string, to: string) {
  const [fk, fn] = from.split(':') as [string, string];
  const [tk, tn] = to.split(':') as [string, string];
  await node(page, fk, fn).hover();
  const handle = await node(page, fk, fn).locator('.react-flow__handle-right').boundingBox();
  const target = await node(page, tk, tn).boundingBox();
  await page.mouse.move(handle!.x + 4, handle!.y + 4);
  await page.mouse.down();
  await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, {
    steps: 10,
  });
  await page.mouse.up();
}
