import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../src/index';
import { pdfText, rasterPage, savePdf, words, inkBox } from './poppler';
import { sampleModel } from './sample-model';

const HOSTILE = [
  'x'.repeat(950),
  'Payment 💳🔥👩‍👩‍👧‍👦 gateway 🏳️‍🌈',
  'שרת התשלומים',
  'خادم الدفع الآمن',
  '<script>alert(1)</script><b>bold</b>&amp;',
  '数据库服务器',
  'A very long name with many words that goes on and on well past the width of any shape or column in the report',
];

describe('hostile names', { timeout: 60_000 }, () => {
  it('generate a report whose text stays inside every page', async () => {
    const name = (i: number) => HOSTILE[i % HOSTILE.length]!;
    const records = sampleModel({ nodes: 14, name, title: HOSTILE[0]!.slice(0, 900) + HOSTILE[1] });
    const file = savePdf(
      await renderReportPdf(records, { date: '2026-11-23', showProperties: true, showEmpty: true }),
    );
    const all = words(file);
    expect(all.length).toBeGreaterThan(100);
    for (const w of all) {
      const where = `page ${w.page}: ${w.text.slice(0, 30)}`;
      expect(w.xMin, where).toBeGreaterThanOrEqual(0);
      expect(w.yMin, where).toBeGreaterThanOrEqual(0);
      expect(w.xMax, where).toBeLessThanOrEqual(w.pageWidth);
      expect(w.yMax, where).toBeLessThanOrEqual(w.pageHeight);
    }
    // Body text stays inside the 50 pt side margins (small tolerance for glyph overhang).
    for (const w of all) expect(w.xMax, w.text.slice(0, 30)).toBeLessThanOrEqual(w.pageWidth - 45);
  });

  it('shows markup literally, Hebrew and Arabic in their own fonts, and emoji as a placeholder', async () => {
    const records = sampleModel({ nodes: 7, name: (i) => HOSTILE[(i % 6) + 1]! });
    const file = savePdf(await renderReportPdf(records));
    const text = pdfText(file);
    expect(text).toContain('<script>alert(1)</script><b>bold</b>&amp;');
    // pdftotext may return right-to-left words in either order; each word must be there.
    for (const word of ['שרת', 'התשלומים', 'خادم', 'الدفع']) expect(text).toContain(word);
    expect(text).toContain('Payment');
    expect(text).toContain('gateway');
    expect(text).toContain('\uFFFD');
  });

  it('keeps a 950-character unbroken name within the threat listing width', async () => {
    const records = sampleModel({ nodes: 3, name: () => 'y'.repeat(950) });
    const file = savePdf(await renderReportPdf(records));
    const long = words(file).filter((w) => w.text.startsWith('yyyy'));
    expect(long.length).toBeGreaterThan(10);
    for (const w of long) expect(w.xMax - w.xMin).toBeLessThanOrEqual(w.pageWidth - 95);
    // The cover page title wraps instead of running off: nothing touches the right edge.
    const cover = rasterPage(file, 1);
    expect(
      inkBox(cover, { x: cover.width - 15, y: 0, width: 15, height: cover.height }),
    ).toBeNull();
  });
});
