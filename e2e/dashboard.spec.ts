import { expect, test } from '@playwright/test';
import { createModel, importFixture, newAccount, node, signIn, signUp } from './helpers';

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
  await importFixture(page, 'threat-dragon/demo/three-tier-web-app.json');
  // Elements of the demo appear as nodes with their names.
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(3);
  await expect(page.locator('.react-flow__edge').first()).toBeAttached();
  void node;
});
