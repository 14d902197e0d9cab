import { expect, test } from '@playwright/test';
import { createModel, newUser, node, openTab, share } from './helpers';

test('two users edit one diagram live: edits, cursors, selections, "is editing" and comments', async ({
  browser,
}) => {
  const ana = await newUser(browser, 'Ana');
  const ben = await newUser(browser, 'Ben');
  const id = await createModel(ana.page, 'Shared model');
  await share(ana.page, 'Shared model', ben.account.email, 'editor', ben.page);

  await openTab(ana.page, id, 'diagram');
  await ana.page.getByRole('button', { name: 'Add process' }).click();
  await expect(node(ana.page, 'process', 'Process')).toBeVisible();

  await openTab(ben.page, id, 'diagram');
  // Ben sees Ana's process and both see each other in "who is here".
  await expect(node(ben.page, 'process', 'Process')).toBeVisible();
  await expect(ana.page.getByRole('list', { name: 'Who is here' }).getByLabel('Ben')).toBeVisible();
  await expect(ben.page.getByRole('list', { name: 'Who is here' }).getByLabel('Ana')).toBeVisible();

  // Ben's edit reaches Ana.
  await ben.page.getByRole('button', { name: 'Add store' }).click();
  await expect(node(ana.page, 'store', 'Store')).toBeVisible();

  // Ana's cursor shows on Ben's canvas with her name.
  const canvas = await ana.page.getByRole('region', { name: 'Diagram canvas' }).boundingBox();
  await ana.page.mouse.move(canvas!.x + 100, canvas!.y + 100);
  await ana.page.mouse.move(canvas!.x + 140, canvas!.y + 120, { steps: 5 });
  await expect(ben.page.getByRole('img', { name: 'Cursor of Ana' })).toBeVisible();

  // While Ana drags the store, Ben sees a live ghost of it; it lands when she lets go.
  const store = (await node(ana.page, 'store', 'Store').boundingBox())!;
  await ana.page.mouse.move(store.x + 20, store.y + 20);
  await ana.page.mouse.down();
  await ana.page.mouse.move(store.x + 120, store.y + 60, { steps: 6 });
  await expect(ben.page.locator('.remote-drag')).toHaveCount(1);
  const benStoreBefore = await node(ben.page, 'store', 'Store').evaluate(
    (e) => (e as HTMLElement).style.transform,
  );
  await ana.page.mouse.up();
  await expect(ben.page.locator('.remote-drag')).toHaveCount(0);
  await expect
    .poll(() =>
      node(ben.page, 'store', 'Store').evaluate((e) => (e as HTMLElement).style.transform),
    )
    .not.toBe(benStoreBefore);

  // Ana selects the process: Ben sees it outlined in her colour.
  await node(ana.page, 'process', 'Process').click();
  await expect(ben.page.locator('.remote-selection')).toHaveCount(1);

  // Ana focuses the Name field: Ben sees "Ana is editing Name" on that field once he selects the element.
  await node(ben.page, 'process', 'Process').click();
  await ana.page.getByRole('tabpanel').getByLabel('Name', { exact: true }).focus();
  await expect(ben.page.getByRole('tabpanel').getByText('Ana is editing Name')).toBeVisible();
  await ana.page.getByRole('tabpanel').getByLabel('Name', { exact: true }).fill('API gateway');
  await ana.page.getByRole('tabpanel').getByLabel('Name', { exact: true }).press('Enter');
  await expect(node(ben.page, 'process', 'API gateway')).toBeVisible();

  // A comment thread on the element updates live.
  await ana.page.getByRole('tab', { name: 'Comments' }).click();
  await ben.page.getByRole('tab', { name: 'Comments' }).click();
  await ana.page.getByRole('textbox', { name: 'New comment' }).fill('Is TLS terminated here?');
  await ana.page.getByRole('button', { name: 'Post comment' }).click();
  await expect(ben.page.getByRole('article', { name: 'Comment by Ana' })).toContainText(
    'Is TLS terminated here?',
  );
  await ben.page.getByRole('button', { name: 'Reply' }).click();
  await ben.page.getByRole('textbox', { name: 'Reply' }).fill('Yes, at the load balancer.');
  await ben.page.getByRole('button', { name: 'Post reply' }).click();
  await expect(ana.page.getByRole('article', { name: 'Comment by Ben' })).toContainText(
    'at the load balancer',
  );

  await ana.close();
  await ben.close();
});

test('a viewer sees the model but cannot edit it', async ({ browser }) => {
  const owner = await newUser(browser, 'Olga');
  const viewer = await newUser(browser, 'Victor');
  const id = await createModel(owner.page, 'Read-only model');
  await openTab(owner.page, id, 'diagram');
  await owner.page.getByRole('button', { name: 'Add process' }).click();
  await expect(node(owner.page, 'process', 'Process')).toBeVisible();
  await share(owner.page, 'Read-only model', viewer.account.email, 'viewer', viewer.page);

  await openTab(viewer.page, id, 'diagram');
  await expect(node(viewer.page, 'process', 'Process')).toBeVisible();
  await expect(viewer.page.getByRole('button', { name: 'Add process' })).toHaveCount(0);
  await expect(viewer.page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await node(viewer.page, 'process', 'Process').click();
  await expect(
    viewer.page.getByRole('tabpanel').getByLabel('Name', { exact: true }),
  ).toHaveAttribute('readonly', '');
  // Delete does nothing for a viewer.
  await viewer.page.keyboard.press('Delete');
  await expect(node(viewer.page, 'process', 'Process')).toBeVisible();
  // Nor can a viewer comment.
  await viewer.page.getByRole('tab', { name: 'Comments' }).click();
  await expect(viewer.page.getByRole('button', { name: 'Post comment' })).toHaveCount(0);
  // The overview's fields are read-only too.
  await openTab(viewer.page, id, 'overview');
  await expect(viewer.page.getByLabel('Summary')).toHaveAttribute('readonly', '');
  await expect(owner.page.getByText('Edit refused')).toHaveCount(0);

  await owner.close();
  await viewer.close();
});
