import { expect, test, type Page } from '@playwright/test';
import { createModel, newAccount, node, openTab, signUp } from './helpers';

/** Actor → process → store, connected by two flows. */
async function drawSmallSystem(page: Page) {
  await page.getByRole('button', { name: 'Add actor' }).click();
  await page.getByRole('button', { name: 'Add process' }).click();
  await page.getByRole('button', { name: 'Add store' }).click();
  const connect = async (from: string, to: string) => {
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
  };
  await connect('actor:Actor', 'process:Process');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await connect('process:Process', 'store:Store');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
}

test('generate threats for the whole diagram, triage in the table, and reload keeps everything', async ({
  page,
}) => {
  await signUp(page, newAccount('Tara'));
  const id = await createModel(page, 'Threat triage');
  await openTab(page, id, 'diagram');
  await drawSmallSystem(page);

  await page.getByRole('button', { name: 'Generate threats for the whole diagram' }).click();
  await expect(page.getByRole('toolbar').getByRole('status')).toContainText('threats suggested');
  const all = page.getByRole('region', { name: 'All suggested threats' });
  await expect(all).toBeVisible();
  await all.getByRole('button', { name: 'Accept all suggestions' }).click();
  await expect(all).toHaveCount(0);
  // Elements with open threats stand out with a count badge.
  await expect(node(page, 'process', 'Process').getByLabel(/open threats/)).toBeVisible();

  // Per element: dismiss nothing new; a manual threat can be added and edited.
  await node(page, 'store', 'Store').click();
  await page.getByRole('tab', { name: 'Threats' }).click();
  const storeThreats = page.getByRole('list', { name: 'Threats' }).getByRole('listitem');
  const before = await storeThreats.count();
  expect(before).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Add threat' }).click();
  await expect(storeThreats).toHaveCount(before + 1);
  await page.getByLabel('Threat title').fill('Backup tapes stolen');
  await page.getByLabel('Threat title').press('Enter');
  await page.getByLabel('Severity', { exact: true }).selectOption('high');
  await page.getByRole('button', { name: 'Add mitigation' }).click();
  await page.getByLabel('Mitigation status').selectOption('in-progress');

  // The threats table: filter, change a status, jump to the element.
  await openTab(page, id, 'threats');
  const table = page.getByRole('table', { name: 'Threats' });
  const rows = table.getByRole('row');
  const total = (await rows.count()) - 1;
  // Every element's threats are here, not only the store's.
  expect(total).toBeGreaterThan(before + 1);
  await page.getByLabel('Filter by severity').selectOption('high');
  await expect(table.getByRole('row', { name: /Backup tapes stolen/ })).toBeVisible();
  await page.getByLabel('Filter by severity').selectOption('');
  await table
    .getByRole('combobox', { name: 'Status of Backup tapes stolen' })
    .selectOption('mitigated');
  await page.getByLabel('Filter by status').selectOption('mitigated');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Filter by status').selectOption('');
  await expect(rows).toHaveCount(total + 1);

  // Reload: the server has everything.
  await page.reload();
  await expect(table.getByRole('combobox', { name: 'Status of Backup tapes stolen' })).toHaveValue(
    'mitigated',
  );
  await expect(rows).toHaveCount(total + 1);
  await page.screenshot({ path: 'test-results/threats-table.png' });

  await table.getByRole('link', { name: 'Show Store in the diagram' }).first().click();
  await expect(page.getByRole('heading', { name: 'Store: Store' })).toBeVisible();
});
