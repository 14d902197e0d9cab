import { newId, type BoxElement, type Element, type Op, type RecordMap } from '@threatloom/core';
import { FLOW_END_KINDS } from './element-factory';
import type { DiagramNode, FlowEdge } from './flow-graph';

/**
 * The ops behind the editor's gestures, built from plain data so they can be
 * tested without a canvas. Positions are rounded to whole pixels, and a
 * gesture that changes nothing builds no op.
 */

/** Ops for a drag that ended: boxes move, boundary lines shift all their points, dangling flow ends move. */
export function dragOps(dragged: readonly DiagramNode[]): Op[] {
  const ops: Op[] = [];
  for (const n of dragged) {
    const x = Math.round(n.position.x);
    const y = Math.round(n.position.y);
    if (n.type === 'point') {
      ops.push({ type: 'patch', id: n.data.flowId, fields: { [`${n.data.end}Point`]: { x, y } } });
    } else if (n.type === 'boundary-line') {
      const dx = x - n.data.origin.x;
      const dy = y - n.data.origin.y;
      if (dx || dy)
        ops.push({
          type: 'patch',
          id: n.id,
          fields: { points: n.data.record.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) },
        });
    } else if (n.data.record.x !== x || n.data.record.y !== y) {
      ops.push({ type: 'patch', id: n.id, fields: { x, y } });
    }
  }
  return ops;
}

/** The op for a resize that ended: only the fields that changed. */
export function resizeOps(
  record: BoxElement,
  box: { x: number; y: number; width: number; height: number },
): Op[] {
  const fields: Record<string, number> = {};
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    const value = Math.round(box[key]);
    if (value !== record[key]) fields[key] = value;
  }
  return Object.keys(fields).length ? [{ type: 'patch', id: record.id, fields }] : [];
}

/** Whether a flow may connect these two (core's integrity check says the same: actors, processes and stores, not itself). */
export function canConnect(records: RecordMap, sourceId: string, targetId: string): boolean {
  const s = records.get(sourceId);
  const t = records.get(targetId);
  return (
    sourceId !== targetId &&
    !!s &&
    !!t &&
    FLOW_END_KINDS.has(s.typeName as Element['typeName']) &&
    FLOW_END_KINDS.has(t.typeName as Element['typeName'])
  );
}

/** A new data flow between two elements; its id, so the editor can select it. */
export function connectOps(
  diagramId: string,
  sourceId: string,
  targetId: string,
  id: string = newId(),
): { ops: Op[]; id: string } {
  const flow = { id, typeName: 'flow', diagramId, name: 'Data flow', sourceId, targetId };
  return { ops: [{ type: 'put', record: flow as Element }], id };
}

/**
 * Removes for what the user deleted: flows first, since removing an element
 * takes its flows with it and a second remove of a flow would be refused; a
 * dangling flow end stands for its flow; ids already gone are skipped.
 */
export function deleteOps(
  records: RecordMap,
  nodes: readonly DiagramNode[],
  edges: readonly FlowEdge[],
): Op[] {
  const ids = new Set<string>();
  for (const e of edges) ids.add(e.id);
  for (const n of nodes) ids.add(n.type === 'point' ? n.data.flowId : n.id);
  return [...ids].filter((id) => records.has(id)).map((id) => ({ type: 'remove', id }));
}
