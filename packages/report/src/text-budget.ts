import { indexModel, type ModelRecord } from '@threatloom/core';
import type { ReportOptions } from './options';
import { selectContent } from './select';

/**
 * How much text one report may print. Text is most of a report's cost (fontkit
 * shapes it, pdfkit writes it): about 2.6 µs and 40 bytes of memory per
 * character, so 400 threats with 49,000-character descriptions took 52 s and
 * 800 MB. A field longer than `maxFieldChars` is printed cut, with a note that
 * the model holds the rest; a report whose text, so cut, passes
 * `maxReportChars` is refused before any rendering (`report_too_large`).
 */
export interface ReportTextBudget {
  maxFieldChars: number;
  maxReportChars: number;
}

export const DEFAULT_REPORT_TEXT_BUDGET: Readonly<ReportTextBudget> = Object.freeze({
  maxFieldChars: 10_000,
  maxReportChars: 2_000_000,
});

/** What ends a field the report prints cut (`{n}`: the characters left out). */
export const cutNote = (left: number) =>
  ` … [${left.toLocaleString('en-US')} more characters in the model]`;

/** Characters a string prints with at most `max` of its own. */
const printed = (s: string, max: number) => Math.min(s.length, max);

function recordChars(r: ModelRecord, max: number): number {
  let n = 0;
  for (const v of Object.values(r)) {
    if (typeof v === 'string') n += printed(v, max);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') n += printed(x, max);
  }
  return n;
}

/**
 * Characters of text a report with these options prints: the model record and
 * the diagrams, elements, threats and mitigations it selects, each field
 * counted up to `maxFieldChars`. Linear in the model; no layout.
 */
export function reportTextSize(
  records: Iterable<ModelRecord>,
  options: ReportOptions,
  budget: ReportTextBudget = DEFAULT_REPORT_TEXT_BUDGET,
): number {
  const index = indexModel(records);
  const max = budget.maxFieldChars;
  let n = 0;
  for (const r of index.byId.values()) if (r.typeName === 'model') n += recordChars(r, max);
  for (const d of selectContent(index, options)) {
    n += recordChars(d.diagram, max);
    for (const e of d.elements) {
      n += recordChars(e.element, max);
      for (const t of e.threats) {
        n += recordChars(t.threat, max);
        for (const m of t.mitigations) n += recordChars(m, max);
      }
    }
  }
  return n;
}

/** The records with every string longer than `maxFieldChars` cut to it, followed by `cutNote`. */
export function cutReportText(
  records: readonly ModelRecord[],
  maxFieldChars: number = DEFAULT_REPORT_TEXT_BUDGET.maxFieldChars,
): ModelRecord[] {
  const cut = (s: string) => {
    if (s.length <= maxFieldChars) return s;
    // Never end on half a surrogate pair.
    const end = /[\ud800-\udbff]/.test(s[maxFieldChars - 1] ?? '')
      ? maxFieldChars - 1
      : maxFieldChars;
    return s.slice(0, end) + cutNote(s.length - end);
  };
  return records.map((r) => {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(r)) {
      if (typeof v === 'string' && v.length > maxFieldChars) (out ??= { ...r })[k] = cut(v);
      else if (Array.isArray(v) && v.some((x) => typeof x === 'string' && x.length > maxFieldChars))
        (out ??= { ...r })[k] = v.map((x: unknown) => (typeof x === 'string' ? cut(x) : x));
    }
    return (out ?? r) as ModelRecord;
  });
}
