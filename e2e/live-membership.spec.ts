import { expect, test } from '@playwright/test';
import { createModel, newUser, share } from './helpers';

// Issue 9.6: a model shared with a colleague appears on their open dashboard without a reload,
// and role changes and removals follow the same way.
test('sharing, a role change and a removal reach the other user’s open dashboard live', async ({
  browser,
}) => {
  const owner = await newUser(browser, 'Olive');
  const colleague = await newUser(browser, 'Cato');
  const table = colleague.page.getByRole('table', { name: 'Models' });
  await expect(colleague.page.getByText('No models yet')).toBeVisible();
  // Cato's dashboard stays open from here on: nothing below reloads or navigates it.
  const loads: string[] = [];
  colleague.page.on('framenavigated', (f) => loads.push(f.url()));

  await createModel(owner.page, 'Shared live');
  await share(owner.page, 'Shared live', colleague.account.email, 'viewer', colleague.page);
  const row = table.getByRole('row', { name: /Shared live/ });
  await expect(row.getByRole('link', { name: 'Shared live' })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'viewer' })).toBeVisible();

  await owner.page.getByRole('button', { name: 'Share Shared live' }).click();
  const dialog = owner.page.getByRole('dialog');
  await dialog
    .getByRole('combobox', { name: `Role of ${colleague.account.email}` })
    .selectOption('editor');
  await expect(row.getByRole('cell', { name: 'editor' })).toBeVisible();

  await dialog.getByRole('button', { name: `Remove ${colleague.account.email}` }).click();
  await expect(table).toHaveCount(0);
  await expect(colleague.page.getByText('No models yet')).toBeVisible();
  expect(loads).toEqual([]);
  await owner.close();
  await colleague.close();
});
