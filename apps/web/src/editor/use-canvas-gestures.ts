import { useCallback } from 'react';
import type { Connection, FinalConnectionState } from '@xyflow/react';
import type { Op } from '@threatloom/core';
import { useModel, useModelContext } from '../model/model-context';
import { selectDiagramId } from '../model/model-store';
import { canConnect, connectOps, deleteOps, dragOps } from './edit-ops';
import type { DiagramNode, FlowEdge } from './flow-graph';

/** React Flow's gesture callbacks, each turning a finished gesture into ops (edit-ops.ts). */
export function useCanvasGestures() {
  const { store, channel } = useModelContext();
  const diagramId = useModel(selectDiagramId);
  const submit = useCallback(
    (ops: Op[]) => ops.length > 0 && store.getState().submit(ops),
    [store],
  );

  // Live drag positions go to the others as presence (throttled by the sync engine), never as ops.
  const onNodeDrag = useCallback(
    (_e: unknown, _node: DiagramNode, dragged: DiagramNode[]) =>
      channel.set({
        drag: dragged
          .filter((n) => n.type !== 'point')
          .map((n) => ({ id: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) })),
      }),
    [channel],
  );
  const onNodeDragStop = useCallback(
    (_e: unknown, _node: DiagramNode, dragged: DiagramNode[]) => {
      channel.set({ drag: [] });
      submit(dragOps(dragged));
    },
    [submit, channel],
  );
  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: DiagramNode[]; edges: FlowEdge[] }) =>
      submit(deleteOps(store.getState().records, nodes, edges)),
    [store, submit],
  );
  const isValidConnection = useCallback(
    (c: Connection | FlowEdge) => canConnect(store.getState().records, c.source, c.target),
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (!diagramId) return;
      const { ops, id } = connectOps(diagramId, c.source, c.target);
      submit(ops);
      store.getState().select([id]);
    },
    [diagramId, submit, store],
  );
  // Dropping a new flow anywhere on an element connects it, not only on a handle.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const targetId = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest('.react-flow__node')
        ?.getAttribute('data-id');
      if (targetId && canConnect(store.getState().records, state.fromNode.id, targetId))
        onConnect({
          source: state.fromNode.id,
          target: targetId,
          sourceHandle: null,
          targetHandle: null,
        });
    },
    [store, onConnect],
  );

  return { onNodeDrag, onNodeDragStop, onDelete, isValidConnection, onConnect, onConnectEnd };
}
