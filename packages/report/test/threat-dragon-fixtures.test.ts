import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importModel, type Threat } from '@threatloom/core';
import { renderReportPdf } from '../src/index';
import { pdfText, savePdf, squash, words } from './poppler';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = path.resolve(repoRoot, '../shared/fixtures/threat-dragon');
const fixtures = (readdirSync(dir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('real Threat Dragon models', { timeout: 60_000 }, () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)(
    '%s renders every threat, each diagram on one page inside the page',
    async (name) => {
      const { records } = importModel(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
      const file = savePdf(await renderReportPdf(records, { date: '2026-11-23' }));
      const text = squash(pdfText(file));
      for (const t of records.filter((r): r is Threat => r.typeName === 'threat'))
        expect(text, t.title).toContain(squash(t.title).replace(/[^\p{L}\p{N}\p{P}\p{S}]/gu, ''));
      const diagrams = records.filter((r) => r.typeName === 'diagram').length;
      expect(text.match(/Diagram:/g)?.length ?? 0).toBe(diagrams * 2); // contents entry + diagram page
      for (const w of words(file)) {
        expect(w.xMin).toBeGreaterThanOrEqual(0);
        expect(w.xMax).toBeLessThanOrEqual(w.pageWidth);
        expect(w.yMax).toBeLessThanOrEqual(w.pageHeight);
      }
    },
  );
});
