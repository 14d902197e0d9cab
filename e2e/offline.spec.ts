import { expect, test } from '@playwright/test';
import { createModel, newUser, node, openTab, share } from './helpers';

test('go offline, edit, come back: edits are kept and both users converge', async ({ browser }) => {
  const ana = await newUser(browser, 'Ana');
  const ben = await newUser(browser, 'Ben');
  const id = await createModel(ana.page, 'Offline model');
  await share(ana.page, 'Offline model', ben.account.email, 'editor', ben.page);
  await openTab(ana.page, id, 'diagram');
  await ana.page.getByRole('button', { name: 'Add process' }).click();
  await expect(node(ana.page, 'process', 'Process')).toBeVisible();
  await openTab(ben.page, id, 'diagram');
  await expect(node(ben.page, 'process', 'Process')).toBeVisible();

  await ben.page.context().setOffline(true);
  await expect(ben.page.getByRole('alert').filter({ hasText: 'You are offline' })).toBeVisible();

  // Ben renames the process and adds a note while offline: his screen shows them at once.
  await node(ben.page, 'process', 'Process').locator('.node-name').dblclick();
  await ben.page.getByRole('textbox', { name: 'Edit name in place' }).fill('Renamed offline');
  await ben.page.getByRole('textbox', { name: 'Edit name in place' }).press('Enter');
  await ben.page.getByRole('button', { name: 'Add note' }).click();
  await expect(node(ben.page, 'process', 'Renamed offline')).toBeVisible();
  await expect(ben.page.getByRole('alert').filter({ hasText: 'You are offline' })).toContainText(
    '2 waiting',
  );

  // Meanwhile Ana adds a store; Ben cannot see it yet, Ana cannot see Ben's edits.
  await ana.page.getByRole('button', { name: 'Add store' }).click();
  await expect(node(ana.page, 'store', 'Store')).toBeVisible();
  await expect(node(ana.page, 'process', 'Renamed offline')).toHaveCount(0);
  await expect(node(ben.page, 'store', 'Store')).toHaveCount(0);

  await ben.page.context().setOffline(false);
  await expect(ben.page.getByRole('alert').filter({ hasText: 'You are offline' })).toHaveCount(0);
  for (const page of [ana.page, ben.page]) {
    await expect(node(page, 'process', 'Renamed offline')).toBeVisible();
    await expect(node(page, 'store', 'Store')).toBeVisible();
    await expect(node(page, 'note', 'Note')).toBeVisible();
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Saved');
  }
  // Both replicas hold the same elements.
  const names = async (page: typeof ana.page) =>
    (
      await page
        .locator('.react-flow__node')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))
    ).sort();
  expect(await names(ben.page)).toEqual(await names(ana.page));

  await ana.close();
  await ben.close();
});
