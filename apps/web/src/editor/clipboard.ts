import {
  isElement,
  newId,
  type Element,
  type ModelRecord,
  type Op,
  type RecordMap,
} from '@threatloom/core';

/** What Ctrl+C took: elements plus the flows among them. Kept in memory for this tab. */
let copied: Element[] = [];

/** Copies the selected elements and every flow whose both ends are copied too. */
export function copySelection(records: RecordMap, selection: readonly string[]): number {
  const picked = new Set(selection);
  const out: Element[] = [];
  for (const id of selection) {
    const r = records.get(id);
    if (r && isElement(r) && r.typeName !== 'flow') out.push(r);
  }
  for (const r of records.values()) {
    if (
      r.typeName === 'flow' &&
      r.sourceId &&
      r.targetId &&
      picked.has(r.sourceId) &&
      picked.has(r.targetId)
    )
      out.push(r);
  }
  copied = out;
  return out.length;
}

/** Puts ops for a copy of the clipboard into `diagramId`, shifted by `offset`, with fresh ids and remapped flow ends. */
export function pasteOps(diagramId: string, offset: number): { ops: Op[]; ids: string[] } {
  const idMap = new Map(copied.map((r) => [r.id, newId()]));
  const ops: Op[] = [];
  for (const r of copied) {
    const id = idMap.get(r.id)!;
    let record: ModelRecord;
    if (r.typeName === 'flow') {
      record = {
        ...r,
        id,
        diagramId,
        sourceId: idMap.get(r.sourceId!)!,
        targetId: idMap.get(r.targetId!)!,
        waypoints: r.waypoints.map((p) => ({ x: p.x + offset, y: p.y + offset })),
      };
    } else if (r.typeName === 'boundary-line') {
      record = {
        ...r,
        id,
        diagramId,
        points: r.points.map((p) => ({ x: p.x + offset, y: p.y + offset })),
      };
    } else {
      record = { ...r, id, diagramId, x: r.x + offset, y: r.y + offset };
    }
    ops.push({ type: 'put', record });
  }
  return { ops, ids: [...idMap.values()] };
}
