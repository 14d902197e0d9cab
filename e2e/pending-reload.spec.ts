import { expect, test, type Page } from '@playwright/test';
import { createModel, newUser, node, openTab, share } from './helpers';

/** The ops apps/web keeps in IndexedDB for a model (see apps/web/src/sync/pending-db.ts); [] when none. */
function storedPending(page: Page, modelId: string): Promise<unknown[]> {
  return page.evaluate(
    (id) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('threatloom', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('pending-ops');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB unavailable'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('pending-ops').objectStore('pending-ops').get(id);
          get.onsuccess = () => {
            db.close();
            resolve((get.result as unknown[] | undefined) ?? []);
          };
          get.onerror = () => reject(get.error ?? new Error('IndexedDB read failed'));
        };
      }),
    modelId,
  );
}

test('edits made offline survive closing the page and are applied exactly once when a new page opens', async ({
  browser,
}) => {
  const ana = await newUser(browser, 'Ana');
  const ben = await newUser(browser, 'Ben');
  const id = await createModel(ana.page, 'Pending model');
  await share(ana.page, 'Pending model', ben.account.email, 'editor', ben.page);
  await openTab(ana.page, id, 'diagram');
  await ana.page.getByRole('button', { name: 'Add process' }).click();
  // The new process opens its name field; Enter keeps the default name.
  await ana.page.getByRole('textbox', { name: 'Edit name in place' }).press('Enter');
  await expect(node(ana.page, 'process', 'Process')).toBeVisible();
  await expect(ana.page.getByRole('status', { name: 'Connection' })).toHaveText('Saved');
  await openTab(ben.page, id, 'diagram');
  await expect(node(ben.page, 'process', 'Process')).toBeVisible();

  // Ana goes offline, renames the process and adds a store: her screen shows both at once.
  const anaContext = ana.page.context();
  await anaContext.setOffline(true);
  await expect(ana.page.getByRole('alert').filter({ hasText: 'You are offline' })).toBeVisible();
  await node(ana.page, 'process', 'Process').locator('.node-name').dblclick();
  await ana.page.getByRole('textbox', { name: 'Edit name in place' }).fill('Kept across close');
  await ana.page.getByRole('textbox', { name: 'Edit name in place' }).press('Enter');
  await ana.page.getByRole('button', { name: 'Add store' }).click();
  await expect(node(ana.page, 'process', 'Kept across close')).toBeVisible();
  await expect(node(ana.page, 'store', 'Store')).toHaveCount(1);
  await expect(ana.page.getByRole('alert').filter({ hasText: 'You are offline' })).toContainText(
    '2 waiting',
  );
  // The save to IndexedDB is asynchronous: wait until both ops are on disk before the page goes away.
  await expect.poll(async () => (await storedPending(ana.page, id)).length).toBe(2);

  // The page is closed while still offline, so it can never reconnect and send the ops itself.
  await ana.page.close();
  await expect(node(ben.page, 'process', 'Kept across close')).toHaveCount(0);
  await expect(node(ben.page, 'store', 'Store')).toHaveCount(0);

  // Back online, a new page of the same browser profile opens the model: the stored ops are loaded and sent.
  await anaContext.setOffline(false);
  const anaAgain = await anaContext.newPage();
  await openTab(anaAgain, id, 'diagram');
  for (const page of [anaAgain, ben.page]) {
    await expect(node(page, 'process', 'Kept across close')).toBeVisible();
    await expect(node(page, 'store', 'Store')).toHaveCount(1);
    await expect(node(page, 'process', 'Process')).toHaveCount(0);
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Saved');
  }
  // Committed ops leave the store, so a later page will not send them again.
  await expect.poll(async () => (await storedPending(anaAgain, id)).length).toBe(0);

  // Fresh snapshots from the server: each edit was committed exactly once.
  for (const page of [anaAgain, ben.page]) {
    await page.reload();
    await expect(node(page, 'process', 'Kept across close')).toHaveCount(1);
    await expect(node(page, 'store', 'Store')).toHaveCount(1);
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
  }

  await ana.close();
  await ben.close();
});
