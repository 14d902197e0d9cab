import { modelRecordOf } from '../../model/document';
import {
  categoryLabel,
  referenceLabel,
  MITIGATION_STATUS_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '../../model/labels';
import { indexModel } from '../../model/query';
import type { ModelRecord } from '../../model/records';

export const CSV_COLUMNS = [
  'model',
  'diagram',
  'element',
  'number',
  'title',
  'category',
  'severity',
  'status',
  'score',
  'description',
  'mitigations',
  'references',
] as const;

/** One CSV field, quoted per RFC 4180 when it holds a comma, quote, CR or LF. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A spreadsheet formula trigger at the start of a cell is defused with a leading apostrophe (CSV injection). */
function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Every threat of a model as CSV (RFC 4180: CRLF line ends, a header row),
 * one row per threat, in diagram, element and threat-number order. Display
 * labels, not keys, since spreadsheets and issue trackers are read by people;
 * mitigations are one line each, "title [status]", and so are references
 * ("CWE-778"; the column is last, so readers of the older columns are unaffected).
 */
export function exportCsv(records: readonly ModelRecord[]): string {
  const model = modelRecordOf(records);
  const index = indexModel(records);
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const d of index.diagrams) {
    for (const e of index.elementsByDiagram.get(d.id) ?? []) {
      for (const t of index.threatsByElement.get(e.id) ?? []) {
        const mitigations = (index.mitigationsByThreat.get(t.id) ?? []).map(
          (m) => `${m.title || m.description} [${MITIGATION_STATUS_LABELS[m.status]}]`,
        );
        rows.push([
          model.title,
          d.title,
          e.name,
          String(t.number),
          t.title,
          categoryLabel(t.category),
          SEVERITY_LABELS[t.severity],
          STATUS_LABELS[t.status],
          t.score,
          t.description,
          mitigations.join('\n'),
          t.references.map(referenceLabel).join('\n'),
        ]);
      }
    }
  }
  return rows.map((r) => r.map((v) => csvField(defuse(v))).join(',')).join('\r\n') + '\r\n';
}
