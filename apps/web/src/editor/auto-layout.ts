import type { Element, Op } from '@threatloom/core';
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';

// ELK is about 1.5 MB of JavaScript: load it the first time someone asks for a layout, not with the editor.
let elk: Promise<ElkApi> | null = null;
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default()));

/**
 * Lays the diagram's actors, processes and stores out left to right with
 * ELK's layered algorithm (flows as edges) and returns the patches that move
 * them. Boundaries, lines and notes stay where they are.
 */
export async function autoLayoutOps(elements: readonly Element[]): Promise<Op[]> {
  const boxes = elements.filter(
    (e) => e.typeName === 'actor' || e.typeName === 'process' || e.typeName === 'store',
  );
  const ids = new Set(boxes.map((b) => b.id));
  const edges = elements.flatMap((e) =>
    e.typeName === 'flow' && e.sourceId && e.targetId && ids.has(e.sourceId) && ids.has(e.targetId)
      ? [{ id: e.id, sources: [e.sourceId], targets: [e.targetId] }]
      : [],
  );
  const graph = await (
    await loadElk()
  ).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '50',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
    },
    children: boxes.map((b) => ({
      id: b.id,
      width: 'width' in b ? b.width : 120,
      height: 'height' in b ? b.height : 80,
    })),
    edges,
  });
  const ops: Op[] = [];
  for (const child of graph.children ?? []) {
    if (child.x === undefined || child.y === undefined) continue;
    ops.push({
      type: 'patch',
      id: child.id,
      fields: { x: Math.round(child.x + 40), y: Math.round(child.y + 40) },
    });
  }
  return ops;
}
