import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@threatloom/core';
import { renderReportPdf } from '../src/index';
import { builtInFamilies, extraFamily } from '../src/pdf/fonts';
import { MISSING, splitRuns } from '../src/pdf/runs';
import { sampleModel } from './sample-model';

const runs = (text: string, bold = false) =>
  splitRuns(text, builtInFamilies(), bold).map((r) => [r.face.name, r.text]);

describe('font runs', () => {
  it('switches to the Hebrew and Arabic faces for those scripts and back to Noto Sans', () => {
    expect(runs('API שרת 2 خادم end')).toEqual([
      ['noto', 'API '],
      ['hebrew', 'שרת '],
      // Noto Sans Hebrew has no digits: they fall back to the first face that has them.
      ['noto', '2 '],
      ['arabic', 'خادم '],
      ['noto', 'end'],
    ]);
    expect(runs('Bold שרת', true)).toEqual([
      ['noto-bold', 'Bold '],
      ['hebrew-bold', 'שרת'],
    ]);
  });

  it('replaces emoji sequences and uncovered characters with one placeholder each and drops control characters', () => {
    expect(runs('a👩‍👩‍👧b🏳️‍🌈c\u0007d')).toEqual([
      ['noto', `a${MISSING}${MISSING}${MISSING}b${MISSING}${MISSING}cd`],
    ]);
  });
});

describe('fallback fonts', () => {
  const hebrewFile = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-hebrew')),
    '..',
    'fonts',
    'NotoSansHebrew-Regular.ttf',
  );

  it('sends characters the earlier fonts lack to an extra font file', () => {
    const latinOnly = builtInFamilies().slice(0, 1);
    const extra = extraFamily(hebrewFile);
    const split = splitRuns('DB שרת', [...latinOnly, extra], false).map((r) => [
      r.face === extra.regular ? 'extra' : r.face.name,
      r.text,
    ]);
    expect(split).toEqual([
      ['noto', 'DB '],
      ['extra', 'שרת'],
    ]);
    expect(splitRuns('DB שרת', latinOnly, false).map((r) => r.text)).toEqual([
      `DB ${MISSING}${MISSING}${MISSING}`,
    ]);
  });

  it('rejects a font file that cannot be loaded, naming the option and the file', async () => {
    await expect(
      renderReportPdf(sampleModel({ nodes: 2 }), { fallbackFonts: ['/nonexistent/cjk.otf'] }),
    ).rejects.toThrow(
      new ValidationError([
        {
          path: 'fallbackFonts[0]',
          message: 'cannot load font /nonexistent/cjk.otf: no such file',
        },
      ]),
    );
    await expect(
      renderReportPdf(sampleModel({ nodes: 2 }), {
        fallbackFonts: [path.join(path.dirname(hebrewFile), '..', 'package.json')],
      }),
    ).rejects.toThrow(/fallbackFonts\[0\]: cannot load font .*package\.json/);
  });
});
