import type { Edge, Node } from '@xyflow/react';
import type { BoundaryLine, BoxElement, Element, Flow } from '@threatloom/core';

export interface ShapeData extends Record<string, unknown> {
  record: BoxElement;
  openThreats: number;
}
export interface LineData extends Record<string, unknown> {
  record: BoundaryLine;
  /** Top-left of the line's bounding box: points are drawn relative to it. */
  origin: { x: number; y: number };
  openThreats: number;
}
interface PointData extends Record<string, unknown> {
  flowId: string;
  end: 'source' | 'target';
}
export interface FlowData extends Record<string, unknown> {
  record: Flow;
  openThreats: number;
}

export type ShapeNode = Node<ShapeData, 'actor' | 'process' | 'store' | 'boundary' | 'note'>;
export type LineNode = Node<LineData, 'boundary-line'>;
export type PointNode = Node<PointData, 'point'>;
export type DiagramNode = ShapeNode | LineNode | PointNode;
export type FlowEdge = Edge<FlowData, 'flow'>;

/** Id of the invisible node standing for a flow end left dangling at a point (as Threat Dragon allows). */
export const pointNodeId = (flowId: string, end: 'source' | 'target') => `${flowId}::${end}`;
const LINE_PAD = 8;

function lineBox(r: BoundaryLine): { x: number; y: number; width: number; height: number } {
  const xs = r.points.map((p) => p.x);
  const ys = r.points.map((p) => p.y);
  const x = Math.min(...xs) - LINE_PAD;
  const y = Math.min(...ys) - LINE_PAD;
  return { x, y, width: Math.max(...xs) - x + LINE_PAD, height: Math.max(...ys) - y + LINE_PAD };
}

/**
 * Turns the diagram's records into React Flow nodes and edges, reusing the
 * previous node or edge object whenever its record and threat count are the
 * same: React Flow then re-renders only what changed, which keeps a
 * 1,000-element diagram at frame rate (ENVIRONMENT.md measured it).
 * Nodes being dragged keep their live position.
 */
export function reconcile(
  elements: readonly Element[],
  openThreats: ReadonlyMap<string, number>,
  prevNodes: readonly DiagramNode[],
  prevEdges: readonly FlowEdge[],
  selection: ReadonlySet<string>,
): { nodes: DiagramNode[]; edges: FlowEdge[] } {
  const oldNodes = new Map(prevNodes.map((n) => [n.id, n]));
  const oldEdges = new Map(prevEdges.map((e) => [e.id, e]));
  const nodes: DiagramNode[] = [];
  const edges: FlowEdge[] = [];
  const sorted = [...elements].sort((a, b) => a.zIndex - b.zIndex);
  for (const r of sorted) {
    const threats = openThreats.get(r.id) ?? 0;
    if (r.typeName === 'flow') {
      const prev = oldEdges.get(r.id);
      if (
        prev &&
        prev.data?.record === r &&
        prev.data.openThreats === threats &&
        prev.selected === selection.has(r.id)
      ) {
        edges.push(prev);
      } else {
        edges.push({
          id: r.id,
          type: 'flow',
          source: r.sourceId ?? pointNodeId(r.id, 'source'),
          target: r.targetId ?? pointNodeId(r.id, 'target'),
          data: { record: r, openThreats: threats },
          selected: selection.has(r.id),
          ariaLabel: `Data flow ${r.name}`,
        });
      }
      for (const end of ['source', 'target'] as const) {
        const point =
          end === 'source'
            ? r.sourceId
              ? null
              : r.sourcePoint
            : r.targetId
              ? null
              : r.targetPoint;
        if (!point) continue;
        const id = pointNodeId(r.id, end);
        const old = oldNodes.get(id) as PointNode | undefined;
        nodes.push(
          old && !old.dragging && old.position.x === point.x && old.position.y === point.y
            ? old
            : {
                id,
                type: 'point',
                position: old?.dragging ? old.position : point,
                data: { flowId: r.id, end },
                width: 12,
                height: 12,
                ariaLabel: `${end} end of ${r.name}`,
              },
        );
      }
      continue;
    }
    const prev = oldNodes.get(r.id);
    if (
      prev &&
      prev.data.record === r &&
      prev.data.openThreats === threats &&
      prev.selected === selection.has(r.id)
    ) {
      nodes.push(prev);
      continue;
    }
    const selected = selection.has(r.id);
    if (r.typeName === 'boundary-line') {
      const box = lineBox(r);
      nodes.push({
        id: r.id,
        type: 'boundary-line',
        position: prev?.dragging ? prev.position : { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        data: { record: r, origin: { x: box.x, y: box.y }, openThreats: threats },
        selected,
        zIndex: -1,
        ariaLabel: `Trust boundary line ${r.name}`,
      });
      continue;
    }
    nodes.push({
      id: r.id,
      type: r.typeName,
      position: prev?.dragging ? prev.position : { x: r.x, y: r.y },
      width: r.width,
      height: r.height,
      data: { record: r, openThreats: threats },
      selected,
      zIndex: r.typeName === 'boundary' ? -1 : r.zIndex,
      ariaLabel: `${r.typeName} ${r.name}`,
      ...(prev?.dragging ? { dragging: true } : {}),
    } as ShapeNode);
  }
  return { nodes, edges };
}
