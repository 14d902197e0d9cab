import type { Issue } from './errors';
import { isBoxElement, isElement, type ModelRecord } from './records';

/** Read access to a set of records by id: a Map or anything shaped like it. */
export interface RecordLookup {
  get(id: string): ModelRecord | undefined;
}

/**
 * Invariants one record must satisfy against the rest of the model: every id it
 * names exists, has the right kind, and lives in the same diagram. Returns the
 * problems (empty when the record fits).
 */
export function checkReferences(record: ModelRecord, lookup: RecordLookup): Issue[] {
  const issues: Issue[] = [];
  const need = (
    field: string,
    id: string | null,
    ok: (r: ModelRecord) => boolean,
    what: string,
  ) => {
    if (id === null) return;
    const target = lookup.get(id);
    if (!target) issues.push({ path: field, message: `${id} does not exist` });
    else if (!ok(target)) issues.push({ path: field, message: `${id} is not a ${what}` });
  };
  switch (record.typeName) {
    case 'model':
    case 'diagram':
      break;
    case 'flow': {
      need('diagramId', record.diagramId, (r) => r.typeName === 'diagram', 'diagram');
      const sameDiagram = (r: ModelRecord) =>
        isBoxElement(r) &&
        r.typeName !== 'note' &&
        r.typeName !== 'boundary' &&
        r.diagramId === record.diagramId;
      need('sourceId', record.sourceId, sameDiagram, 'actor, process or store of this diagram');
      need('targetId', record.targetId, sameDiagram, 'actor, process or store of this diagram');
      if (record.sourceId === null && record.sourcePoint === null)
        issues.push({ path: 'sourceId', message: 'a flow needs a source element or point' });
      if (record.targetId === null && record.targetPoint === null)
        issues.push({ path: 'targetId', message: 'a flow needs a target element or point' });
      break;
    }
    case 'actor':
    case 'process':
    case 'store':
    case 'boundary':
    case 'boundary-line':
    case 'note':
      need('diagramId', record.diagramId, (r) => r.typeName === 'diagram', 'diagram');
      break;
    case 'threat':
      need(
        'elementId',
        record.elementId,
        (r) => isElement(r) && r.diagramId === record.diagramId,
        'element of this diagram',
      );
      break;
    case 'mitigation':
      need('threatId', record.threatId, (r) => r.typeName === 'threat', 'threat');
      break;
    case 'comment':
      need(
        'targetId',
        record.targetId,
        (r) =>
          isElement(r) ||
          r.typeName === 'threat' ||
          r.typeName === 'mitigation' ||
          r.typeName === 'diagram',
        'element, threat, mitigation or diagram',
      );
      need(
        'parentId',
        record.parentId,
        (r) => r.typeName === 'comment' && r.targetId === record.targetId,
        'comment on the same target',
      );
      break;
  }
  return issues;
}

/** Ids a record refers to: removing any of them takes the record with it. */
export function referencedIds(r: ModelRecord): string[] {
  switch (r.typeName) {
    case 'model':
    case 'diagram':
      return [];
    case 'flow':
      return [
        r.diagramId,
        ...(r.sourceId ? [r.sourceId] : []),
        ...(r.targetId ? [r.targetId] : []),
      ];
    case 'threat':
      return [r.diagramId, r.elementId];
    case 'mitigation':
      return [r.threatId];
    case 'comment':
      return r.parentId ? [r.targetId, r.parentId] : [r.targetId];
    default:
      return [r.diagramId];
  }
}

/**
 * Everything that must go when `id` is removed: the records that refer to it,
 * transitively (a diagram takes its elements, an element its flows and threats,
 * a threat its mitigations, anything its comments). Parents come before their
 * dependents, so re-inserting in this order restores a valid model.
 */
export function cascadeOf(id: string, records: Iterable<ModelRecord>): ModelRecord[] {
  const all = [...records];
  const gone = new Set([id]);
  const taken: ModelRecord[] = [];
  // Fixpoint over at most the reference depth (diagram > element > flow > threat > mitigation > comment > replies).
  for (let changed = true; changed;) {
    changed = false;
    for (const r of all) {
      if (gone.has(r.id)) continue;
      if (referencedIds(r).some((ref) => gone.has(ref))) {
        gone.add(r.id);
        taken.push(r);
        changed = true;
      }
    }
  }
  // Order parents first: emit a record once everything it refers to inside the cascade is emitted.
  const placed = new Set([id]);
  const order: ModelRecord[] = [];
  let rest = taken;
  while (rest.length > 0) {
    const next: ModelRecord[] = [];
    for (const r of rest) {
      if (referencedIds(r).every((ref) => placed.has(ref) || !gone.has(ref))) {
        order.push(r);
        placed.add(r.id);
      } else next.push(r);
    }
    if (next.length === rest.length) break; // a reference cycle cannot arise from valid records
    rest = next;
  }
  return order.concat(rest);
}
