import { expect, test, type Locator } from '@playwright/test';
import { createModel, newAccount, node, openTab, signUp, watchErrors } from './helpers';

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (l: Locator): Promise<Box> => (await l.boundingBox())!;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (outer: Box, inner: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

test('the palette adds one element per click, in a free spot in view, named by typing (issue 9.2)', async ({
  page,
}) => {
  // Many steps on a shared machine: three times the default timeout.
  test.slow();
  await signUp(page, newAccount('Palle'));
  const errors = watchErrors(page);
  const id = await createModel(page, 'Palette');
  await openTab(page, id, 'diagram');
  const nodes = page.locator('.react-flow__node');
  const canvas = page.getByRole('region', { name: 'Diagram canvas' });

  // Focus leaves the button for the new process's name field: typing a name with a space and
  // pressing Enter names it, and adds nothing else.
  const nameField = page.getByRole('textbox', { name: 'Edit name in place' });
  await page.getByRole('button', { name: 'Add process' }).click();
  await expect(page.getByRole('button', { name: 'Add process' })).not.toBeFocused();
  await expect(nameField).toBeFocused();
  await page.keyboard.type('Web server');
  await page.keyboard.press('Enter');
  await expect(node(page, 'process', 'Web server')).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(nodes).toHaveCount(1);

  // The next elements land beside the others, not on top of them, and inside the visible canvas.
  await page.getByRole('button', { name: 'Add store' }).click();
  await expect(nameField).toBeFocused();
  await page.keyboard.type('Orders DB');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Add actor' }).click();
  await expect(nameField).toBeFocused();
  await page.keyboard.type('Shopper');
  await page.keyboard.press('Enter');
  await expect(nodes).toHaveCount(3);
  const placed = [
    await boxOf(node(page, 'process', 'Web server')),
    await boxOf(node(page, 'store', 'Orders DB')),
    await boxOf(node(page, 'actor', 'Shopper')),
  ];
  const view = await boxOf(canvas);
  for (const [i, a] of placed.entries()) {
    expect(within(view, a)).toBe(true);
    for (const b of placed.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  }

  // Pan far away: a new element lands where the user is looking, not back near the others.
  const from = { x: view.x + view.width - 60, y: view.y + 40 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x - 600, from.y + 300, { steps: 10 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(nameField).toBeFocused();
  await page.keyboard.type('Remember TLS');
  await page.keyboard.press('Enter');
  const note = await boxOf(node(page, 'note', 'Remember TLS'));
  expect(within(view, note)).toBe(true);
  for (const b of await Promise.all(
    ['process:Web server', 'store:Orders DB', 'actor:Shopper'].map((k) =>
      boxOf(node(page, ...(k.split(':') as [string, string]))),
    ),
  ))
    expect(overlap(note, b)).toBe(false);

  // F2 renames the selected element in place.
  await node(page, 'actor', 'Shopper').click();
  await page.keyboard.press('F2');
  await expect(nameField).toBeFocused();
  await page.keyboard.type('Customer');
  await page.keyboard.press('Enter');
  await expect(node(page, 'actor', 'Customer')).toBeVisible();
  await expect(nodes).toHaveCount(4);
  expect(errors).toEqual([]);
});
