import { expect, test } from '@playwright/test';
import { createModel, newAccount, node, signUp, watchErrors } from './helpers';

test('switching tabs with an element selected keeps the page (issue 9.1)', async ({ page }) => {
  await signUp(page, newAccount('Sela'));
  const errors = watchErrors(page);
  await createModel(page, 'Tabs');
  const tabs = page.getByRole('navigation', { name: 'Model sections' });
  await tabs.getByRole('link', { name: 'Diagram' }).click();
  await page.getByRole('button', { name: 'Add process' }).click();
  await node(page, 'process', 'Process').click();
  await expect(page.getByRole('heading', { name: 'Process: Process' })).toBeVisible();
  for (const other of ['Overview', 'Threats'] as const) {
    await tabs.getByRole('link', { name: other }).click();
    await expect(tabs.getByRole('link', { name: other })).toHaveAttribute('aria-current', 'page');
    await tabs.getByRole('link', { name: 'Diagram' }).click();
    await expect(page.getByRole('region', { name: 'Diagram canvas' })).toBeVisible();
    // The selection survives the round trip and the side panel still shows it.
    await expect(node(page, 'process', 'Process')).toHaveClass(/selected/);
    await expect(page.getByRole('heading', { name: 'Process: Process' })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('a region that fails shows a message with Reload, and the rest of the page stays (issue 9.1)', async ({
  page,
}) => {
  await signUp(page, newAccount('Rhea'));
  await createModel(page, 'Faults');
  // A broken editor chunk (a deploy that went wrong): the Diagram tab fails, nothing else does.
  const editorChunk = '**/assets/DiagramEditor-*.js';
  await page.route(editorChunk, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("broken chunk");' }),
  );
  const tabs = page.getByRole('navigation', { name: 'Model sections' });
  await tabs.getByRole('link', { name: 'Diagram' }).click();
  const fault = page.getByRole('alert', { name: 'Diagram tab failed' });
  await expect(fault).toContainText('The Diagram tab stopped working');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Faults' })).toBeVisible();
  // Another tab works; coming back to the broken one shows the message again, not a blank page.
  await tabs.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByLabel('Summary')).toBeVisible();
  await tabs.getByRole('link', { name: 'Diagram' }).click();
  await expect(fault).toBeVisible();

  await page.unroute(editorChunk);
  await fault.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('region', { name: 'Diagram canvas' })).toBeVisible();
  await expect(fault).toHaveCount(0);
});
