import { expect, test } from '@playwright/test';
import { createModel, invite, newAccount, newUser } from './helpers';

// Issue 9.7: sharing with an address that has no account invites it; the invitee signs up
// through the link and lands in the model with the role given. Issue 10.8: the sign-up form
// says why a password is refused.
test('an owner invites a new address; the invitee signs up through the link and opens the model as commenter', async ({
  browser,
}) => {
  const owner = await newUser(browser, 'Olive');
  await createModel(owner.page, 'Threat intel');
  const newcomer = newAccount('Nadia');
  const link = await invite(owner.page, 'Threat intel', newcomer.email, 'commenter');
  expect(link).toMatch(/\/#\/invite\/[A-Za-z0-9_-]{43}$/);

  // The owner is told no e-mail went out (no SMTP here) and sees the pending invitation.
  await owner.page.getByRole('button', { name: 'Share Threat intel' }).click();
  const dialog = owner.page.getByRole('dialog');
  const pending = dialog.getByRole('table', { name: 'Pending invitations' });
  await expect(pending.getByRole('row', { name: new RegExp(newcomer.email) })).toContainText(
    'Commenter',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(
    page.getByRole('heading', { name: 'Olive invited you to “Threat intel” as commenter' }),
  ).toBeVisible();
  await page.getByLabel('Name').fill(newcomer.name);
  await page.getByLabel('Email').fill(newcomer.email);
  await page.getByLabel('Password').fill('password1');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('alert')).toContainText('this password is too easy to guess');
  await page.getByLabel('Password').fill(newcomer.password);
  await page.getByRole('button', { name: 'Sign up' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Threat intel' })).toBeVisible();
  await expect(
    page.getByRole('banner').or(page.getByRole('main')).getByText('commenter', { exact: true }),
  ).toBeVisible();
  // The link is spent: opening it again says so.
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('does not exist, was used');

  // The owner now sees a member, and no pending invitation.
  await owner.page.goto('/#/');
  await owner.page.getByRole('button', { name: 'Share Threat intel' }).click();
  await expect(
    dialog.getByRole('combobox', { name: `Role of ${newcomer.email.toLowerCase()}` }),
  ).toHaveValue('commenter');
  await expect(dialog.getByRole('table', { name: 'Pending invitations' })).toHaveCount(0);
  await context.close();
  await owner.close();
});

test('a revoked invitation link stops working', async ({ browser }) => {
  const owner = await newUser(browser, 'Rex');
  await createModel(owner.page, 'Revoked plans');
  const email = newAccount('Late').email;
  const link = await invite(owner.page, 'Revoked plans', email, 'editor');
  await owner.page.getByRole('button', { name: 'Share Revoked plans' }).click();
  const dialog = owner.page.getByRole('dialog');
  await dialog
    .getByRole('button', { name: `Revoke invitation for ${email.toLowerCase()}` })
    .click();
  await expect(dialog.getByRole('status')).toContainText('revoked');
  await expect(dialog.getByRole('table', { name: 'Pending invitations' })).toHaveCount(0);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('does not exist, was used, revoked');
  await expect(page.getByRole('button', { name: 'Sign up' })).toHaveCount(0);
  await context.close();
  await owner.close();
});
