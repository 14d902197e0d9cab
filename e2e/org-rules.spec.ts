import { expect, test } from '@playwright/test';
import { E2E_ADMIN, importFixture, newAccount, openTab, signIn, signUp } from './helpers';

const RULE = {
  id: 'acme.queue-forged-messages',
  pack: 'acme',
  methodology: 'stride',
  category: 'spoofing',
  targets: ['store'],
  condition: { prop: 'name', contains: ['queue'] },
  title: 'ACME: forged messages on the bus',
  description: 'ACME messaging standard 3: producers sign every message.',
  mitigations: [{ title: 'Sign messages', description: 'HMAC with a per-producer key.' }],
  severity: 'high',
};

test('an admin writes an organisation rule with live validation and preview, and the editor suggests it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, E2E_ADMIN);
  const modelId = await importFixture(
    page,
    'threat-dragon/ThreatDragonModels/demo-threat-model.json',
  );

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation rules' })).toBeVisible();
  const editor = page.getByLabel('Rule (JSON)');
  await editor.fill(JSON.stringify({ ...RULE, severity: 'huge' }, null, 2));
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('severity');
  await expect(page.getByRole('button', { name: 'Save rule' })).toBeDisabled();

  await editor.fill(JSON.stringify(RULE, null, 2));
  await expect(page.getByText('Valid rule.')).toBeVisible();
  await page.getByLabel('Preview against model').selectOption({ label: 'Demo Threat Model' });
  await expect(page.getByText('Matches 1 element.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Matching elements' })).toHaveText(
    'Message Queue (store)',
  );
  await page.getByRole('button', { name: 'Save rule' }).click();
  const table = page.getByRole('table', { name: 'Organisation rules' });
  await expect(table.getByRole('row', { name: /forged messages on the bus/ })).toBeVisible();

  // The editor runs it beside the built-in rules.
  await openTab(page, modelId, 'diagram');
  await page.getByRole('button', { name: 'Generate threats for the whole diagram' }).click();
  const all = page.getByRole('region', { name: 'All suggested threats' });
  const queueSuggestions = async () => {
    await all.getByRole('button', { name: 'Message Queue' }).click();
    await page.getByRole('tab', { name: 'Threats' }).click();
    const list = page.getByRole('region', { name: 'Suggested threats' });
    await expect(list).toBeVisible();
    return list;
  };
  await expect(
    (await queueSuggestions()).getByRole('button', { name: `Accept ${RULE.title}` }),
  ).toBeVisible();

  // A model can switch it off on its Overview; then it is no longer suggested.
  await openTab(page, modelId, 'overview');
  await page.reload();
  const toggle = page.getByRole('checkbox', { name: new RegExp(RULE.title) });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await openTab(page, modelId, 'diagram');
  await page.getByRole('button', { name: 'Generate threats for the whole diagram' }).click();
  // The queue still gets the built-in suggestions, but not the switched-off rule.
  await expect(
    (await queueSuggestions()).getByRole('button', { name: `Accept ${RULE.title}` }),
  ).toHaveCount(0);
  await context.close();
});

test('a member sees organisation rules read-only', async ({ page }) => {
  await signUp(page, newAccount('Mina'));
  await page.goto('/#/rules');
  await expect(page.getByRole('heading', { name: 'Organisation rules' })).toBeVisible();
  await expect(page.getByText('Only an instance admin can change them.')).toBeVisible();
  await expect(page.getByLabel('Rule (JSON)')).toHaveCount(0);
});
