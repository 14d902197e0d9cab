import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createModel,
  fixtures,
  importFixture,
  newAccount,
  node,
  openTab,
  signIn,
  signUp,
} from './helpers';

test('sign up, sign out, sign in; create, duplicate and delete a model', async ({ page }) => {
  const account = newAccount('Dora');
  await signUp(page, account);
  await createModel(page, 'Checkout service');
  await page.getByRole('link', { name: 'Models' }).click();
  const table = page.getByRole('table', { name: 'Models' });
  await expect(table.getByRole('link', { name: 'Checkout service' })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate Checkout service' }).click();
  await expect(table.getByRole('link', { name: 'Copy of Checkout service' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Copy of Checkout service' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete model' });
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByRole('link', { name: 'Copy of Checkout service' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'Checkout service' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signIn(page, account);
  await expect(page.getByRole('link', { name: 'Checkout service' })).toBeVisible();
});

test('a wrong password is refused with a message', async ({ page }) => {
  const account = newAccount('Eve');
  await signUp(page, account);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your threat models' })).toHaveCount(0);
});

test('import a Threat Dragon demo and see its elements', async ({ page }) => {
  await signUp(page, newAccount('Ivan'));
  const id = await importFixture(page, 'threat-dragon/demo/three-tier-web-app.json');
  // The demo's processes, its text block and its three flows, with the model's title.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Three Tier Web Application' }),
  ).toBeVisible();
  for (const name of ['Web UI', 'Web Service', 'PostgresSQL'])
    await expect(node(page, 'process', name)).toBeVisible();
  await expect(
    page.locator('.react-flow__node[aria-label^="note Three Tier Web Application"]'),
  ).toBeVisible();
  await expect(page.locator('.react-flow__node[aria-label^="boundary"]')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  // PostgresSQL's two threats are mitigated in the demo: no open-threat badge.
  await expect(node(page, 'process', 'PostgresSQL').getByLabel(/open threats/)).toHaveCount(0);
  await openTab(page, id, 'threats');
  await expect(
    page.getByRole('table', { name: 'Threats' }).getByRole('row', { name: /Store Sensitive Data/ }),
  ).toHaveCount(2);
});

test('import by drag and drop; open threats stand out and the dashboard counts them', async ({
  page,
}) => {
  await signUp(page, newAccount('Jana'));
  const file = path.join(fixtures, 'threat-dragon/demo/iot-device.json');
  const dataTransfer = await page.evaluateHandle(
    ({ text, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    { text: readFileSync(file, 'utf8'), name: 'iot-device.json' },
  );
  await page
    .getByRole('region', { name: 'Import drop zone' })
    .dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('region', { name: 'Diagram canvas' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(node(page, 'process', 'IoT Device').getByLabel(/open threats/)).toBeVisible();
  await page.getByRole('link', { name: 'Models' }).click();
  const counts = page.getByRole('list', { name: /^Open threats in / });
  await expect(counts).toBeVisible();
  const total = (await counts.getByRole('listitem').allTextContents()).reduce(
    (n, t) => n + Number(/\d+$/.exec(t)?.[0] ?? 0),
    0,
  );
  expect(total).toBe(3);
});
