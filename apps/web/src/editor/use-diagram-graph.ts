import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import type { Element } from '@threatloom/core';
import { useModel, useModelContext } from '../model/model-context';
import { modelIndex, selectDiagramId, selectRecords, selectSelection } from '../model/model-store';
import { reconcile, type DiagramNode, type FlowEdge } from './flow-graph';
import { selectionAfter } from './selection';

const NO_ELEMENTS: Element[] = [];

/**
 * The shown diagram's elements as React Flow nodes and edges. The records
 * and the selection come from the model store; React Flow's own changes
 * (drag positions, measurements) stay local until a gesture ends, and its
 * `select` changes go to the store, which alone owns the selection.
 */
export function useDiagramGraph() {
  const { store } = useModelContext();
  const records = useModel(selectRecords);
  const diagramId = useModel(selectDiagramId);
  const selection = useModel(selectSelection);

  const elements = useMemo(
    () =>
      diagramId
        ? (modelIndex(records).elementsByDiagram.get(diagramId) ?? NO_ELEMENTS)
        : NO_ELEMENTS,
    [records, diagramId],
  );
  const openThreats = useMemo(() => {
    const counts = new Map<string, number>();
    for (const [elementId, list] of modelIndex(records).threatsByElement) {
      const open = list.filter((t) => t.status === 'open').length;
      if (open) counts.set(elementId, open);
    }
    return counts;
  }, [records]);
  const selectionSet = useMemo(() => new Set(selection), [selection]);

  const [graph, setGraph] = useState(() => reconcile(elements, openThreats, [], [], selectionSet));
  const graphRef = useRef(graph);
  graphRef.current = graph;
  useEffect(() => {
    setGraph((g) => reconcile(elements, openThreats, g.nodes, g.edges, selectionSet));
  }, [elements, openThreats, selectionSet]);

  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramNode>[]) => {
      const isPoint = (id: string) =>
        graphRef.current.nodes.find((n) => n.id === id)?.type === 'point';
      const next = selectionAfter(
        store.getState().selection,
        changes.filter((c) => c.type === 'select' && !isPoint(c.id)),
      );
      if (next) store.getState().select(next);
      // Deletions go through onDelete as ops; drags, measures and a dangling flow end's selection stay local.
      const local = changes.filter(
        (c) => c.type !== 'remove' && (c.type !== 'select' || isPoint(c.id)),
      );
      if (local.length) setGraph((g) => ({ ...g, nodes: applyNodeChanges(local, g.nodes) }));
    },
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const next = selectionAfter(store.getState().selection, changes);
      if (next) store.getState().select(next);
      const local = changes.filter((c) => c.type !== 'remove' && c.type !== 'select');
      if (local.length) setGraph((g) => ({ ...g, edges: applyEdgeChanges(local, g.edges) }));
    },
    [store],
  );

  return { elements, graph, onNodesChange, onEdgesChange };
}
