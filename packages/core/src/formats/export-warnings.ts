import type { Issue } from '../model/errors';
import { ELEMENT_KIND_LABELS } from '../model/labels';
import { isElement, type ModelRecord, type Threat } from '../model/records';
import { firstLine } from './import-context';
import { impliedMitigationStatus } from './threat-dragon/kept-as-text';
import type { ExportFormat } from './types';

/**
 * One thing an export leaves out or changes. `path` indexes the native
 * document (`records[3].reviewState`), as import warnings index the input.
 */
export interface ExportWarning extends Issue {
  /** The record it is about. */
  recordId: string;
  /** The field it is about; null for the whole record. */
  field: string | null;
  /**
   * `dropped`: not in the exported file at all; `as-text`: kept as text in
   * another field (importing the file back does not restore the field);
   * `changed`: written differently (rounded, joined).
   */
  kind: 'dropped' | 'as-text' | 'changed';
}

const MODEL_FIELDS_NOT_IN_TD = {
  scope: 'scope',
  reviewState: 'review state',
  reviewedBy: 'reviewed by',
  reviewedAt: 'review date',
  reviewNote: 'review note',
  tags: 'tags',
} as const;

const isSet = (v: unknown) =>
  Array.isArray(v) ? v.length > 0 : v !== null && v !== '' && v !== 'draft';

const quoted = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `"${one.slice(0, 59)}…"` : `"${one}"`;
};

/** How a message names a record: `model "Shop"`, `threat 3 "Spoofing"`, `process "Web app"`. */
function subject(r: ModelRecord, byId: ReadonlyMap<string, ModelRecord>): string {
  switch (r.typeName) {
    case 'model':
      return `model ${quoted(r.title)}`;
    case 'diagram':
      return `diagram ${quoted(r.title || 'Untitled')}`;
    case 'threat':
      return `threat ${r.number} ${quoted(r.title || 'untitled')}`;
    case 'mitigation':
      return `mitigation ${quoted(r.title || r.description || 'untitled')}`;
    case 'comment': {
      const target = byId.get(r.targetId);
      const on = target ? ` on ${subject(target, byId)}` : '';
      return `comment by ${r.authorName || 'someone'}${on}`;
    }
    default:
      return `${ELEMENT_KIND_LABELS[r.typeName].toLowerCase()} ${quoted(r.name || 'unnamed')}`;
  }
}

/**
 * What exporting `records` to `format` leaves out or changes. Lets the CLI
 * and the UI tell users before they hand a file to another tool. Native
 * loses nothing; OTM (which carries everything else) drops comments; the
 * Markdown and CSV reports say nothing (they are for reading, not for
 * importing back); Threat Dragon has no field for several Threatloom ones:
 * the export keeps what it can as text (see `threat-dragon/kept-as-text.ts`)
 * and drops the rest.
 */
export function exportWarnings(
  records: readonly ModelRecord[],
  format: ExportFormat,
): ExportWarning[] {
  const warnings: ExportWarning[] = [];
  if (format !== 'threat-dragon' && format !== 'otm') return warnings;
  const byId = new Map(records.map((r) => [r.id, r] as const));
  const mitigationsPerThreat = new Map<string, number>();
  for (const r of records)
    if (r.typeName === 'mitigation')
      mitigationsPerThreat.set(r.threatId, (mitigationsPerThreat.get(r.threatId) ?? 0) + 1);

  records.forEach((r, i) => {
    const add = (field: string | null, kind: ExportWarning['kind'], message: string) =>
      warnings.push({
        path: `records[${i}]${field ? `.${field}` : ''}`,
        message: `${subject(r, byId)}: ${message}`,
        recordId: r.id,
        field,
        kind,
      });
    if (format === 'otm') {
      if (r.typeName === 'comment')
        add(null, 'dropped', 'not exported (Open Threat Model has no comments)');
      return;
    }
    switch (r.typeName) {
      case 'model':
        for (const [f, label] of Object.entries(MODEL_FIELDS_NOT_IN_TD))
          if (isSet(r[f as keyof typeof MODEL_FIELDS_NOT_IN_TD]))
            add(f, 'dropped', `${label} not exported (Threat Dragon has no field for it)`);
        break;
      case 'comment': {
        const target = byId.get(r.targetId);
        const where =
          target?.typeName === 'mitigation'
            ? "its threat's mitigation text"
            : target?.typeName === 'threat' || (target && isElement(target))
              ? `the ${target.typeName === 'threat' ? 'threat' : 'element'}'s description`
              : null;
        if (where) add(null, 'as-text', `written into ${where} as text`);
        else add(null, 'dropped', 'not exported (Threat Dragon has no comments)');
        break;
      }
      case 'threat':
        if (r.ruleId !== null || r.ruleKey !== null)
          add(
            r.ruleId !== null ? 'ruleId' : 'ruleKey',
            'dropped',
            `rule ${r.ruleId ?? r.ruleKey} not exported (imported back, it is a hand-written threat)`,
          );
        if (r.libraryEntryId !== null)
          add('libraryEntryId', 'dropped', 'library entry link not exported');
        if (r.references.length > 0)
          add('references', 'as-text', 'references written into the description as text');
        if ((mitigationsPerThreat.get(r.id) ?? 0) > 1)
          add(null, 'changed', 'its mitigations are joined into one Threat Dragon mitigation text');
        break;
      case 'mitigation': {
        const threat = byId.get(r.threatId) as Threat | undefined;
        if (r.status !== impliedMitigationStatus(threat))
          add('status', 'as-text', 'status written into the mitigation text ("Status: …")');
        if (r.owner) add('owner', 'as-text', 'owner written into the mitigation text ("Owner: …")');
        if (r.description && r.title && firstLine(r.description) !== r.title)
          add('title', 'changed', 'title and description are joined into one mitigation text');
        break;
      }
      case 'flow':
      case 'boundary-line': {
        const ends =
          r.typeName === 'flow'
            ? [
                r.sourceId === null ? r.sourcePoint : null,
                r.targetId === null ? r.targetPoint : null,
              ]
            : [r.points[0], r.points[r.points.length - 1]];
        if (ends.some((p) => p && (!Number.isInteger(p.x) || !Number.isInteger(p.y))))
          add(
            r.typeName === 'flow' ? 'sourcePoint' : 'points',
            'changed',
            'end points rounded to whole numbers',
          );
        break;
      }
      default:
        break;
    }
    if ('zIndex' in r && !Number.isInteger(r.zIndex))
      add('zIndex', 'changed', 'z-index rounded to a whole number');
    if ('width' in r && (r.width < 10 || r.height < 10))
      add('width', 'changed', 'sizes below 10 are written as 10');
  });
  return warnings;
}
