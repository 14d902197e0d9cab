import { expect, test } from '@playwright/test';
import path from 'node:path';
import { importFixture, modelIdOf, newUser, node, openTab, repoRoot, share } from './helpers';

/**
 * Regenerates the screenshots in docs/images. Not part of the normal run
 * (playwright.config.ts ignores this file unless TL_SCREENSHOTS is set):
 * TL_SCREENSHOTS=1 pnpm exec playwright test e2e/screenshots.spec.ts
 */

test('editor and threats table screenshots', async ({ browser }) => {
  const ana = await newUser(browser, 'Ana Lima');
  const ben = await newUser(browser, 'Ben Okafor');
  await importFixture(ana.page, 'threat-dragon/demo/v2-threat-model.json');
  const id = modelIdOf(ana.page);
  const title = (await ana.page.getByRole('heading', { level: 1 }).textContent())!;
  await share(ana.page, title, ben.account.email, 'editor', ben.page);
  await openTab(ana.page, id, 'diagram');
  await openTab(ben.page, id, 'diagram');
  await expect(ana.page.locator('.react-flow__node').first()).toBeVisible();
  await ana.page.getByRole('button', { name: 'Fit View' }).click();

  // Ben selects an element and moves his cursor: Ana sees both.
  const target = ben.page.locator('.react-flow__node[aria-label^="store"]').first();
  await target.click();
  const box = await target.boundingBox();
  await ben.page.mouse.move(box!.x + box!.width / 2 + 20, box!.y - 40, { steps: 4 });

  const first = ana.page.locator('.react-flow__node[aria-label^="process"]').first();
  await first.click();
  await ana.page.getByRole('tab', { name: 'Threats' }).click();
  await ana.page.locator('.threat-summary').first().click();
  await expect(ana.page.getByRole('img', { name: /Cursor of Ben/ })).toBeVisible();
  await ana.page.screenshot({ path: path.join(repoRoot, 'docs/images/editor.png') });

  await openTab(ana.page, id, 'threats');
  await expect(ana.page.getByRole('table', { name: 'Threats' })).toBeVisible();
  await ana.page.screenshot({ path: path.join(repoRoot, 'docs/images/threats-table.png') });

  await openTab(ana.page, id, 'overview');
  await ana.page.screenshot({
    path: path.join(repoRoot, 'docs/images/editor-overview.png'),
    fullPage: true,
  });
  void node;
  await ana.close();
  await ben.close();
});
