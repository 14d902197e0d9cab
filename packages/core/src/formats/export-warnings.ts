import type { Issue } from '../model/errors';
import type { ModelRecord } from '../model/records';
import { firstLine } from './import-context';
import type { ExportFormat } from './types';

const MODEL_FIELDS_NOT_IN_TD = [
  'scope',
  'reviewState',
  'reviewedBy',
  'reviewedAt',
  'reviewNote',
  'tags',
] as const;
const THREAT_FIELDS_NOT_IN_TD = ['ruleId', 'ruleKey', 'libraryEntryId', 'references'] as const;

const isSet = (v: unknown) =>
  Array.isArray(v) ? v.length > 0 : v !== null && v !== '' && v !== 'draft';

/**
 * What exporting `records` to `format` leaves out or changes, as issues whose
 * paths index the native document (`records[3].reviewState`). Lets the CLI and
 * the UI tell users before they hand a file to another tool. Native, OTM
 * (which carries everything but comments), Markdown and CSV (reports) lose
 * little; Threat Dragon has no place for several Threatloom fields.
 */
export function exportWarnings(records: readonly ModelRecord[], format: ExportFormat): Issue[] {
  const issues: Issue[] = [];
  if (format === 'native') return issues;
  const mitigationsPerThreat = new Map<string, number>();
  const threatStatus = new Map<string, string>();
  for (const r of records) {
    if (r.typeName === 'mitigation')
      mitigationsPerThreat.set(r.threatId, (mitigationsPerThreat.get(r.threatId) ?? 0) + 1);
    if (r.typeName === 'threat') threatStatus.set(r.id, r.status);
  }
  records.forEach((r, i) => {
    const at = (field: string) => `records[${i}]${field ? `.${field}` : ''}`;
    if (r.typeName === 'comment') {
      if (format === 'threat-dragon' || format === 'otm')
        issues.push({ path: at(''), message: 'comments are not exported' });
      return;
    }
    if (format !== 'threat-dragon') return;
    switch (r.typeName) {
      case 'model':
        for (const f of MODEL_FIELDS_NOT_IN_TD)
          if (isSet(r[f]))
            issues.push({ path: at(f), message: `Threat Dragon has no ${f}; not exported` });
        break;
      case 'threat':
        for (const f of THREAT_FIELDS_NOT_IN_TD)
          if (isSet(r[f]))
            issues.push({ path: at(f), message: `Threat Dragon has no threat ${f}; not exported` });
        if ((mitigationsPerThreat.get(r.id) ?? 0) > 1)
          issues.push({
            path: at(''),
            message: 'several mitigations are joined into one Threat Dragon mitigation text',
          });
        break;
      case 'mitigation':
        if (r.owner)
          issues.push({
            path: at('owner'),
            message: 'Threat Dragon has no mitigation owner; not exported',
          });
        // Threat Dragon's import gives a mitigation the status its threat implies (done when mitigated).
        if (r.status !== (threatStatus.get(r.threatId) === 'mitigated' ? 'done' : 'proposed'))
          issues.push({
            path: at('status'),
            message: 'Threat Dragon has no mitigation status; not exported',
          });
        if (r.description && r.title && firstLine(r.description) !== r.title)
          issues.push({
            path: at('title'),
            message: 'title and description are joined into one mitigation text',
          });
        break;
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
          issues.push({
            path: at(r.typeName === 'flow' ? 'sourcePoint' : 'points'),
            message: 'end points rounded to whole numbers',
          });
        break;
      }
      default:
        break;
    }
    if ('zIndex' in r && !Number.isInteger(r.zIndex))
      issues.push({ path: at('zIndex'), message: 'z-index rounded to a whole number' });
    if ('width' in r && (r.width < 10 || r.height < 10))
      issues.push({ path: at('width'), message: 'sizes below 10 are written as 10' });
  });
  return issues;
}
