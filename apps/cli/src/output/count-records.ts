import { ELEMENT_KINDS, THREAT_STATUSES, isElement, type ModelRecord } from '@threatloom/core';

/** How much a model holds, for `validate` and other summaries. */
interface RecordCounts {
  diagrams: number;
  elements: number;
  elementsByKind: Record<string, number>;
  threats: number;
  threatsByStatus: Record<string, number>;
  mitigations: number;
  comments: number;
}

export function countRecords(records: readonly ModelRecord[]): RecordCounts {
  const counts: RecordCounts = {
    diagrams: 0,
    elements: 0,
    elementsByKind: {},
    threats: 0,
    threatsByStatus: {},
    mitigations: 0,
    comments: 0,
  };
  for (const r of records) {
    if (r.typeName === 'diagram') counts.diagrams += 1;
    else if (isElement(r)) {
      counts.elements += 1;
      counts.elementsByKind[r.typeName] = (counts.elementsByKind[r.typeName] ?? 0) + 1;
    } else if (r.typeName === 'threat') {
      counts.threats += 1;
      counts.threatsByStatus[r.status] = (counts.threatsByStatus[r.status] ?? 0) + 1;
    } else if (r.typeName === 'mitigation') counts.mitigations += 1;
    else if (r.typeName === 'comment') counts.comments += 1;
  }
  return counts;
}

/** `(actor 2, process 3)` in the canonical key order, leaving out zeros; '' when all are zero. */
export function breakdown(byKey: Record<string, number>, order: readonly string[]): string {
  const parts = order.filter((k) => (byKey[k] ?? 0) > 0).map((k) => `${k} ${byKey[k]}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export const ELEMENT_ORDER: readonly string[] = ELEMENT_KINDS;
export const STATUS_ORDER: readonly string[] = THREAT_STATUSES;
