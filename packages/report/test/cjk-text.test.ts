import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../src/index';
import { builtInFamilies } from '../src/pdf/fonts';
import { MISSING, splitRuns } from '../src/pdf/runs';
import { embeddedFonts, pdfText, savePdf, words } from './poppler';
import { sampleModel } from './sample-model';

const CHINESE = '支付数据库服务器';
const JAPANESE = '認証サーバー（ひらがな）';
const KOREAN = '결제 게이트웨이';
const NAMES = [CHINESE, JAPANESE, KOREAN, 'Web API'];
const CJK_FONTS = [
  'NotoSansHans-Regular',
  'NotoSansHans-Bold',
  'NotoSansKR-Regular',
  'NotoSansKR-Bold',
];

describe('CJK text', { timeout: 60_000 }, () => {
  it('goes to Noto Sans Hans (Han, kana) and Noto Sans KR (Hangul), after the Latin, Hebrew and Arabic fonts', () => {
    const runs = (text: string, bold = false) =>
      splitRuns(text, builtInFamilies(), bold).map((r) => [r.face.name, r.text]);
    expect(runs(`DB ${CHINESE} 2 ${KOREAN}`)).toEqual([
      ['noto', 'DB '],
      ['cjk-sc', CHINESE],
      ['noto', ' 2 '],
      ['cjk-kr', '결제'],
      ['noto', ' '],
      ['cjk-kr', '게이트웨이'],
    ]);
    expect(runs(JAPANESE, true)).toEqual([['cjk-sc-bold', JAPANESE]]);
    // Emoji stay a placeholder: no font covers them, CJK included.
    expect(runs('数据🔥')).toEqual([
      ['cjk-sc', '数据'],
      ['noto', MISSING],
    ]);
  });

  it('prints Chinese, Japanese and Korean element names and threat titles as themselves, inside the pages', async () => {
    const records = sampleModel({
      nodes: 8,
      name: (i) => NAMES[i % NAMES.length]!,
      title: `${CHINESE} ${JAPANESE} ${KOREAN}`,
    });
    const file = savePdf(
      await renderReportPdf(records, { date: '2026-11-23', showProperties: true, showEmpty: true }),
    );
    const text = pdfText(file);
    expect(text).toContain(`Threat 1 on ${CHINESE}`);
    expect(text).toContain(`Threat 3 on ${JAPANESE}`);
    expect(text).toContain(`Threat 5 on ${KOREAN}`);
    expect(text).toContain(`Actor: ${CHINESE}`);
    expect(text).toContain(`Process: ${JAPANESE}`);
    expect(text).toContain(`Store: ${KOREAN}`);
    expect(text).not.toContain(MISSING);
    expect(embeddedFonts(file)).toEqual(expect.arrayContaining(CJK_FONTS));

    const all = words(file);
    expect(all.some((w) => w.text.includes('게이트웨이'))).toBe(true);
    for (const w of all) {
      const where = `page ${w.page}: ${w.text.slice(0, 30)}`;
      expect(w.xMin, where).toBeGreaterThanOrEqual(0);
      expect(w.yMin, where).toBeGreaterThanOrEqual(0);
      expect(w.xMax, where).toBeLessThanOrEqual(w.pageWidth - 45);
      expect(w.yMax, where).toBeLessThanOrEqual(w.pageHeight);
    }
  });

  it('embeds no CJK font in a report without CJK text, emoji and right-to-left scripts included', async () => {
    const names = ['Payment 🔥 gateway', 'שרת התשלומים', 'خادم الدفع', 'Web API'];
    const file = savePdf(
      await renderReportPdf(sampleModel({ nodes: 6, name: (i) => names[i % names.length]! })),
    );
    const fonts = embeddedFonts(file);
    expect(fonts).toContain('NotoSans-Regular');
    expect(fonts.some((f) => f.startsWith('NotoSansHebrew'))).toBe(true);
    expect(fonts.filter((f) => /Hans|KR/.test(f))).toEqual([]);
    expect(pdfText(file)).toContain(MISSING);
  });
});
