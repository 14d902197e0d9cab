import { expect, test, type Page } from '@playwright/test';
import { createModel, newAccount, node, openTab, signUp, watchErrors } from './helpers';

async function addNamed(page: Page, kind: 'process' | 'store', name: string) {
  await page.getByRole('button', { name: `Add ${kind}` }).click();
  await expect(page.getByRole('textbox', { name: 'Edit name in place' })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(node(page, kind, name)).toBeVisible();
}

/** The side panel with a threat open: its Threats tab selected and the threat expanded. */
async function expectThreatOpen(page: Page, title: string) {
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('tab', { name: 'Threats' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(
    panel.getByRole('button', { name: new RegExp(`^#\\d+ ${escape(title)}`), expanded: true }),
  ).toBeVisible();
  await expect(panel.getByLabel('Threat title')).toHaveValue(title);
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('threats open from the table, the element link, the diagram and the overview; the banner goes after Accept all (issues 9.3, 9.4)', async ({
  page,
}) => {
  // Many steps on a shared machine: three times the default timeout.
  test.slow();
  await signUp(page, newAccount('Theo'));
  const errors = watchErrors(page);
  const id = await createModel(page, 'Links');
  await openTab(page, id, 'diagram');
  await addNamed(page, 'process', 'Checkout');
  await addNamed(page, 'store', 'Orders');

  // 9.4: the banner counts what is left to triage, and goes once everything is accepted.
  await page.getByRole('button', { name: 'Generate threats for the whole diagram' }).click();
  const banner = page.getByRole('toolbar').getByRole('status');
  await expect(banner).toContainText(/\d+ threats suggested/);
  await page.getByRole('button', { name: 'Accept all suggestions' }).click();
  await expect(page.getByRole('region', { name: 'All suggested threats' })).toHaveCount(0);
  await expect(banner).toHaveCount(0);

  // 9.3: right after generating, clicking an element shows its threats, not its properties.
  await node(page, 'store', 'Orders').click();
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('tab', { name: 'Threats' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(
    panel.getByRole('list', { name: 'Threats' }).getByRole('listitem').first(),
  ).toBeVisible();

  // A title in the threats table is a link that opens that threat.
  await openTab(page, id, 'threats');
  const table = page.getByRole('table', { name: 'Threats' });
  const storeRow = table.getByRole('row').filter({ hasText: 'Orders' }).first();
  const title = (await storeRow.getByRole('link').first().textContent())!;
  await storeRow.getByRole('link', { name: title, exact: true }).click();
  await expect(node(page, 'store', 'Orders')).toHaveClass(/selected/);
  await expectThreatOpen(page, title);

  // "Show … in the diagram" opens the threat too, even after the user switched to Properties.
  await panel.getByRole('tab', { name: 'Properties' }).click();
  await openTab(page, id, 'threats');
  const checkoutRow = table.getByRole('row').filter({ hasText: 'Checkout' }).first();
  const checkoutThreat = (await checkoutRow.getByRole('link').first().textContent())!;
  await checkoutRow.getByRole('link', { name: 'Show Checkout in the diagram' }).click();
  await expectThreatOpen(page, checkoutThreat);

  // A mitigation's threat on the overview opens that threat.
  await panel.getByRole('button', { name: 'Add mitigation' }).click();
  await expect(panel.getByRole('group', { name: 'New mitigation' })).toBeVisible();
  await openTab(page, id, 'overview');
  await page
    .getByRole('table', { name: 'Mitigations' })
    .getByRole('link', { name: checkoutThreat, exact: true })
    .first()
    .click();
  await expectThreatOpen(page, checkoutThreat);
  expect(errors).toEqual([]);
});
