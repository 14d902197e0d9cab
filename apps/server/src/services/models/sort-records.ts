import type { Comment, ModelRecord } from '@threatloom/core';

/** Put order of each typeName: parents before children. */
const ORDER: Record<string, number> = {
  model: 0,
  diagram: 1,
  actor: 2,
  process: 2,
  store: 2,
  boundary: 2,
  note: 2,
  'boundary-line': 2,
  flow: 3,
  threat: 4,
  mitigation: 5,
  comment: 6,
};

/**
 * Records in an order that can be put one by one into an empty model: the
 * model record, diagrams, boxes, flows, threats, mitigations, then comments
 * (each reply after its parent).
 */
export function sortRecords(records: ModelRecord[]): ModelRecord[] {
  const sorted = [...records].sort(
    (a, b) => (ORDER[a.typeName] ?? 9) - (ORDER[b.typeName] ?? 9) || a.id.localeCompare(b.id),
  );
  const comments = sorted.filter((r): r is Comment => r.typeName === 'comment');
  const ids = new Set(comments.map((c) => c.id));
  const placed = new Set<string>();
  const ordered: ModelRecord[] = [];
  let rest = comments;
  while (rest.length > 0) {
    const ready = rest.filter(
      (c) => c.parentId === null || placed.has(c.parentId) || !ids.has(c.parentId),
    );
    if (ready.length === 0) break; // a reply cycle: leave the rest for validation to report
    for (const c of ready) {
      ordered.push(c);
      placed.add(c.id);
    }
    rest = rest.filter((c) => !placed.has(c.id));
  }
  return [...sorted.filter((r) => r.typeName !== 'comment'), ...ordered, ...rest];
}
