import { expect, test } from '@playwright/test';
import { createModel, newAccount, node, openTab, signUp } from './helpers';

test('draw a diagram: add elements, rename in place, connect, undo and redo, delete', async ({
  page,
}) => {
  await signUp(page, newAccount('Petra'));
  const id = await createModel(page, 'Drawing');
  await openTab(page, id, 'diagram');

  // A new element's name field is open and focused: typing names it.
  await page.getByRole('button', { name: 'Add process' }).click();
  const nameField = page.getByRole('textbox', { name: 'Edit name in place' });
  await expect(nameField).toBeFocused();
  await page.keyboard.type('Web server');
  await page.keyboard.press('Enter');
  await expect(node(page, 'process', 'Web server')).toBeVisible();

  // Escape keeps the default name.
  await page.getByRole('button', { name: 'Add actor' }).click();
  await expect(nameField).toBeFocused();
  await page.keyboard.press('Escape');
  const actor = node(page, 'actor', 'Actor');
  await expect(actor).toBeVisible();
  // Move the actor further from the process.
  const box = await actor.boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await page.mouse.down();
  await page.mouse.move(box!.x - 200, box!.y + box!.height / 2, { steps: 8 });
  await page.mouse.up();

  // Draw a flow from the actor's right handle to the process.
  const handle = actor.locator('.react-flow__handle-right');
  const target = await node(page, 'process', 'Web server').boundingBox();
  const hb = await handle.boundingBox();
  await page.mouse.move(hb!.x + hb!.width / 2, hb!.y + hb!.height / 2);
  await page.mouse.down();
  await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, {
    steps: 10,
  });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // The flow's properties: protocol and encryption show on its label.
  await expect(page.getByRole('heading', { name: 'Data flow: Data flow' })).toBeVisible();
  await page.getByLabel('Protocol').fill('HTTPS');
  await page.getByLabel('Protocol').press('Enter');
  await page.getByLabel('Encrypted').check();
  await expect(page.locator('.flow-label')).toContainText('HTTPS');
  await expect(page.locator('.flow-label').getByRole('img', { name: 'encrypted' })).toBeVisible();

  // Undo takes back the last edit (encryption), redo restores it.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.flow-label').getByRole('img', { name: 'encrypted' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('.flow-label').getByRole('img', { name: 'encrypted' })).toBeVisible();

  // Double-click a name to rename in place.
  await actor.locator('.node-name').dblclick();
  await nameField.fill('Customer');
  await nameField.press('Enter');
  await expect(node(page, 'actor', 'Customer')).toBeVisible();

  // Delete the process: its flow goes with it.
  await node(page, 'process', 'Web server').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'process', 'Web server')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // Keyboard shortcuts help.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Z');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('select all, copy and paste, align, auto-layout and snap', async ({ page }) => {
  // The app runs under the server's CSP (no inline scripts, no eval), ELK's lazy chunk included.
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await signUp(page, newAccount('Quinn'));
  const id = await createModel(page, 'Layout');
  await openTab(page, id, 'diagram');
  await page.getByRole('button', { name: 'Add actor' }).click();
  await page.getByRole('button', { name: 'Add process' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  // Ctrl+A, Ctrl+C, Ctrl+V: a copy of both, shifted.
  await page.getByRole('region', { name: 'Diagram canvas' }).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);

  // The pasted pair stays selected: align their left edges.
  await page.getByRole('button', { name: 'Align left' }).click();
  await expect
    .poll(async () => {
      const a = await node(page, 'actor', 'Actor').last().boundingBox();
      const p = await node(page, 'process', 'Process').last().boundingBox();
      return Math.round(a!.x) - Math.round(p!.x);
    })
    .toBe(0);

  // Auto-layout moves things (ELK, loaded on demand), and undo puts them back.
  const before = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).style.transform).join('|'));
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  // ELK's chunk loads and runs on first use: on a loaded CI machine that alone can take 10 s.
  await expect
    .poll(
      () =>
        page
          .locator('.react-flow__node')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).style.transform).join('|')),
      { timeout: 45_000 },
    )
    .not.toBe(before);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(() =>
      page
        .locator('.react-flow__node')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).style.transform).join('|')),
    )
    .toBe(before);

  // Snap to grid: a node dragged by an odd amount lands on the 10-pixel grid.
  await page.keyboard.press('Escape');
  const actor = node(page, 'actor', 'Actor').last();
  const b = (await actor.boundingBox())!;
  const start = await actor.evaluate((e) => (e as HTMLElement).style.transform);
  // Grab it near its top-left corner: the minimap may cover its centre.
  await page.mouse.move(b.x + 12, b.y + 12);
  await page.mouse.down();
  await page.mouse.move(b.x + 12 - 37, b.y + 12 - 23, { steps: 5 });
  await page.mouse.up();
  const transform = await actor.evaluate((e) => (e as HTMLElement).style.transform);
  expect(transform).not.toBe(start);
  const [, x, y] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(transform)!;
  expect(Number(x) % 10).toBe(0);
  expect(Number(y) % 10).toBe(0);
  expect(cspViolations).toEqual([]);
});
