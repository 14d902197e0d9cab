import { describe, expect, it } from 'vitest';
import { builtInFamilies } from '../src/pdf/fonts';
import { MISSING, splitRuns } from '../src/pdf/runs';

const runs = (text: string, bold = false) => splitRuns(text, builtInFamilies(), bold).map((r) => [r.face.name, r.text]);

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
    expect(runs('a👩‍👩‍👧b🏳️‍🌈c\u0007d')).toEqual([['noto', `a${MISSING}${MISSING}${MISSING}b${MISSING}${MISSING}cd`]]);
  });
});
