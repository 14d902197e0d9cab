import { expect, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixtures = path.resolve(repoRoot, '../shared/fixtures');

let counter = 0;
/** A unique account per call, so tests never collide on one database. */
export function newAccount(name: string) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name,
    email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${tag}@example.test`,
    password: `pw-${tag}-long-enough`,
  };
}
export type Account = ReturnType<typeof newAccount>;

export async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto('/#/signup');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: 'Your threat models' })).toBeVisible();
}

/** The instance admin e2e/serve.ts creates before the tests start. */
export const E2E_ADMIN: Account = {
  name: 'E2E Admin',
  email: 'admin@e2e.test',
  password: 'e2e-admin-password-5f3kq9',
};

export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/#/signin');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your threat models' })).toBeVisible();
}

/** A fresh browser context (own cookies and storage) signed up as a new user. */
export async function newUser(
  browser: Browser,
  name: string,
): Promise<{ page: Page; account: Account; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = newAccount(name);
  await signUp(page, account);
  return { page, account, close: () => context.close() };
}

/** Creates a model from the dashboard and waits for its page; returns the model id. */
export async function createModel(page: Page, title: string): Promise<string> {
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create model' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return modelIdOf(page);
}

export function modelIdOf(page: Page): string {
  const m = /#\/models\/([^?]+)/.exec(page.url());
  if (!m) throw new Error(`not on a model page: ${page.url()}`);
  return decodeURIComponent(m[1]!);
}

/** Imports a fixture file through the dashboard's file picker; resolves on the imported model's diagram. */
export async function importFixture(page: Page, relative: string): Promise<string> {
  await page.getByLabel('Model file to import').setInputFiles(path.join(fixtures, relative));
  await expect(page.getByRole('region', { name: 'Diagram canvas' })).toBeVisible({
    timeout: 20_000,
  });
  return modelIdOf(page);
}

export async function openTab(
  page: Page,
  modelId: string,
  tab: 'overview' | 'diagram' | 'threats',
): Promise<void> {
  await page.goto(`/#/models/${encodeURIComponent(modelId)}?tab=${tab}`);
}

/**
 * Invites an address to a model from the dashboard's share dialog; returns the
 * invitation link the dialog shows (the server answers every non-member
 * address with an invitation, account or not).
 */
export async function invite(
  page: Page,
  modelTitle: string,
  email: string,
  role: 'editor' | 'commenter' | 'viewer',
): Promise<string> {
  await page.goto('/#/');
  await page.getByRole('button', { name: `Share ${modelTitle}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption(role);
  await dialog.getByRole('button', { name: 'Share' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Invitation for ${email}`);
  const link = await dialog.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

/**
 * Shares a model with a signed-in user: the owner invites their address and
 * the invitee's browser accepts the link (through the API, so an open page of
 * theirs is not navigated: it learns of the new model live).
 */
export async function share(
  page: Page,
  modelTitle: string,
  email: string,
  role: 'editor' | 'commenter' | 'viewer',
  invitee: Page,
): Promise<void> {
  const link = await invite(page, modelTitle, email, role);
  const token = link.split('/#/invite/')[1]!;
  const csrf = (await invitee.context().cookies()).find((c) => c.name === 'tl_csrf')?.value ?? '';
  const accepted = await invitee.request.post(`/api/invitations/${token}/accept`, {
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(accepted.status()).toBe(200);
}

/** A node of the diagram by its accessible label (`process Web server`). */
export function node(page: Page, kind: string, name: string) {
  return page.locator(`.react-flow__node[aria-label="${kind} ${name}"]`);
}

/**
 * Collects every uncaught page error and console error from now on; a test
 * asserts the list is empty at its end.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} at ${m.location().url}`);
  });
  return errors;
}
