import { ZModelRecord, type ModelRecord } from '@threatloom/core';
import { describe, expect, it } from 'vitest';
import { ZReportOptions } from '../src/options';
import {
  cutNote,
  cutReportText,
  DEFAULT_REPORT_TEXT_BUDGET,
  reportTextSize,
} from '../src/text-budget';

const model = (threats: { description: string; status?: string }[]): ModelRecord[] =>
  [
    { id: 'm', typeName: 'model', title: 'M' },
    { id: 'd', typeName: 'diagram', title: 'D' },
    { id: 'p', typeName: 'process', diagramId: 'd', name: 'P' },
    ...threats.map((t, i) => ({
      id: `t${i}`,
      typeName: 'threat',
      diagramId: 'd',
      elementId: 'p',
      category: 'tampering',
      ...t,
    })),
  ].map((r) => ZModelRecord.parse(r));

describe('report text budget', () => {
  it('is 10,000 characters a field and 2,000,000 a report by default', () => {
    expect(DEFAULT_REPORT_TEXT_BUDGET).toEqual({
      maxFieldChars: 10_000,
      maxReportChars: 2_000_000,
    });
  });

  it('counts what the report prints: fields up to their budget, filtered threats left out', () => {
    const records = model([
      { description: 'x'.repeat(49_000) },
      { description: 'y'.repeat(500), status: 'mitigated' },
    ]);
    const all = reportTextSize(records, ZReportOptions.parse({}));
    const open = reportTextSize(records, ZReportOptions.parse({ showMitigated: false }));
    expect(all - open).toBeGreaterThanOrEqual(500);
    expect(open).toBeGreaterThanOrEqual(10_000);
    expect(open).toBeLessThan(10_200);
  });

  it('cuts a field past the per-field budget and says how much is left out', () => {
    const records = model([{ description: 'x'.repeat(12_345) }, { description: 'short' }]);
    const cut = cutReportText(records, 10_000);
    const [long, short] = cut.filter((r) => r.typeName === 'threat') as { description: string }[];
    expect(long!.description).toBe('x'.repeat(10_000) + cutNote(2_345));
    expect(long!.description).toMatch(/… \[2,345 more characters in the model\]$/);
    expect(short!.description).toBe('short');
    // Records without long text are passed through as they are.
    expect(cut[0]).toBe(records[0]);
    // Never half a surrogate pair.
    const emoji = cutReportText(model([{ description: '😀'.repeat(10) }]), 5);
    expect((emoji[3] as { description: string }).description.startsWith('😀😀')).toBe(true);
    expect((emoji[3] as { description: string }).description).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])/,
    );
  });
});
