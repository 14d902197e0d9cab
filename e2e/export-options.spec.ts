import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { newAccount, signUp, watchErrors } from './helpers';

/** A model with a high and a low threat, a tag, a mitigation owner and a comment (what Threat Dragon cannot hold). */
const MODEL = {
  format: 'threatloom',
  version: 1,
  records: [
    { id: 'm1', typeName: 'model', title: 'Export shop', tags: ['pci'] },
    { id: 'd1', typeName: 'diagram', title: 'Checkout' },
    { id: 'p1', typeName: 'process', diagramId: 'd1', name: 'Web app' },
    { id: 's1', typeName: 'store', diagramId: 'd1', name: 'Orders DB', x: 300 },
    {
      id: 't1',
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 'p1',
      number: 1,
      category: 'tampering',
      title: 'Tampered order total',
      severity: 'high',
    },
    {
      id: 't2',
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 's1',
      number: 2,
      category: 'information-disclosure',
      title: 'Verbose error pages',
      severity: 'low',
    },
    { id: 'x1', typeName: 'mitigation', threatId: 't1', title: 'Sign totals', owner: 'Olga' },
    {
      id: 'c1',
      typeName: 'comment',
      targetId: 't1',
      body: 'Seen in the pentest.',
      authorName: 'Ana',
    },
  ],
};

async function importModel(page: Page): Promise<void> {
  const file = path.join(
    mkdtempSync(path.join(tmpdir(), 'tl-e2e-export-')),
    'shop.threatloom.json',
  );
  writeFileSync(file, JSON.stringify(MODEL));
  await page.getByLabel('Model file to import').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 1, name: 'Export shop' })).toBeVisible({
    timeout: 20_000,
  });
}

/** Text of a downloaded PDF, through poppler's pdftotext. */
function pdfText(file: string): string {
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function openReportDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'PDF report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'PDF report' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function downloadFrom(page: Page, button: Locator): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    button.click(),
  ]);
  return (await file.path())!;
}

test('the PDF report options, chosen by keyboard, change the downloaded report', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await signUp(page, newAccount('Rhea'));
  await importModel(page);

  // Defaults: every threat is in the report.
  let dialog = await openReportDialog(page);
  for (const name of ['Diagrams (a page each)', 'Out-of-scope elements', 'High', 'Low', 'Open'])
    await expect(dialog.getByRole('checkbox', { name, exact: true })).toBeChecked();
  for (const name of ['Element properties', 'Elements without threats'])
    await expect(dialog.getByRole('checkbox', { name, exact: true })).not.toBeChecked();
  const all = pdfText(
    await downloadFrom(page, dialog.getByRole('button', { name: 'Download PDF' })),
  );
  expect(all).toContain('Tampered order total');
  expect(all).toContain('Verbose error pages');

  // Every control is reachable with Tab: drop High severity with the keyboard.
  dialog = await openReportDialog(page);
  const high = dialog.getByRole('group', { name: 'Severities' }).getByRole('checkbox', {
    name: 'High',
    exact: true,
  });
  await expect(dialog.getByRole('checkbox', { name: 'Diagrams (a page each)' })).toBeFocused();
  for (let i = 0; i < 12 && !(await high.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(high).toBeFocused();
  await page.keyboard.press('Space');
  await expect(high).not.toBeChecked();
  // Leaving no status at all is refused, with a reason, until one is chosen again.
  const statuses = dialog.getByRole('group', { name: 'Statuses' }).getByRole('checkbox');
  for (const box of await statuses.all()) await box.uncheck();
  await expect(dialog.getByRole('alert')).toHaveText('Choose at least one status.');
  await expect(dialog.getByRole('button', { name: 'Download PDF' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Open', exact: true }).check();
  const filtered = pdfText(
    await downloadFrom(page, dialog.getByRole('button', { name: 'Download PDF' })),
  );
  expect(filtered).not.toContain('Tampered order total');
  expect(filtered).toContain('Verbose error pages');

  // Escape closes the dialog without a download, and focus goes back to the Export button.
  dialog = await openReportDialog(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export' })).toBeFocused();
  expect(errors).toEqual([]);
});

test('Threat Dragon export lists what it cannot hold and asks before downloading', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await signUp(page, newAccount('Theo'));
  await importModel(page);

  const ask = async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Threat Dragon JSON' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export as Threat Dragon JSON' });
    await expect(dialog).toBeVisible();
    return dialog;
  };
  let dialog = await ask();
  const list = dialog.getByRole('list', { name: 'Export warnings' });
  await expect(list.getByRole('listitem')).toHaveText([
    /not exported model "Export shop": tags not exported/,
    /kept only as text mitigation "Sign totals": owner written into the mitigation text/,
    /kept only as text comment by Ana on threat 1 "Tampered order total": written into the threat's description/,
  ]);
  await expect(dialog).toContainText('1 not exported, 2 kept only as text');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  dialog = await ask();
  const td = JSON.parse(
    readFileSync(
      await downloadFrom(page, dialog.getByRole('button', { name: 'Download anyway' })),
      'utf8',
    ),
  ) as {
    detail: {
      diagrams: {
        cells: { id: string; data: { threats?: { description: string; mitigation: string }[] } }[];
      }[];
    };
  };
  const threat = td.detail.diagrams[0]!.cells.find((c) => c.id === 'p1')!.data.threats![0]!;
  expect(threat.description).toContain('- Ana: Seen in the pentest.');
  expect(threat.mitigation).toBe('Sign totals\nOwner: Olga');
  expect(errors).toEqual([]);
});
