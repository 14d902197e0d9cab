import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  ConnectionMode,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { isBoxElement, newId, type Element, type Op } from '@threatloom/core';
import { RegionBoundary } from '../app/RegionBoundary';
import { useModel, useModelContext } from '../model/model-context';
import {
  indexOf,
  selectCanEdit,
  selectDiagramId,
  selectRecords,
  selectSelection,
} from '../model/model-store';
import { ElementPanel } from '../panels/ElementPanel';
import { useSuggestions } from '../panels/suggestions-store';
import { alignOps, type Alignment } from './align';
import { autoLayoutOps } from './auto-layout';
import { copySelection, pasteOps } from './clipboard';
import { FLOW_END_KINDS, newElement, type PaletteKind } from './element-factory';
import { FlowEdge } from './FlowEdge';
import { reconcile, type DiagramNode, type FlowEdge as FlowEdgeType } from './flow-graph';
import { BoundaryLineNode, PointNode } from './nodes/BoundaryLineNode';
import { ShapeNode } from './nodes/ShapeNode';
import { RemotePresence } from './RemotePresence';
import { selectionAfter } from './selection';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Toolbar } from './Toolbar';
import { useEditorShortcuts } from './use-editor-shortcuts';

// Defined once at module level: React Flow re-mounts every node when these objects change.
const NODE_TYPES = {
  actor: ShapeNode,
  process: ShapeNode,
  store: ShapeNode,
  boundary: ShapeNode,
  note: ShapeNode,
  'boundary-line': BoundaryLineNode,
  point: PointNode,
};
const EDGE_TYPES = { flow: FlowEdge };
const SNAP_GRID: [number, number] = [10, 10];
const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed } };
const PASTE_OFFSET = 30;
const FIT_VIEW_OPTIONS = { maxZoom: 1 };

export function DiagramEditor({ focus }: { focus: string | null }) {
  return (
    <ReactFlowProvider>
      <Editor focus={focus} />
    </ReactFlowProvider>
  );
}

function Editor({ focus }: { focus: string | null }) {
  const { store, channel } = useModelContext();
  const records = useModel(selectRecords);
  const diagramId = useModel(selectDiagramId);
  const selection = useModel(selectSelection);
  const canEdit = useModel(selectCanEdit);
  const flow = useReactFlow<DiagramNode, FlowEdgeType>();
  const wrapper = useRef<HTMLDivElement>(null);
  const [snap, setSnap] = useState(true);
  const [help, setHelp] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const generate = useSuggestions((s) => s.generate);
  const pasteCount = useRef(0);

  const elements = useMemo(
    () => (diagramId ? (indexOf(records).elementsByDiagram.get(diagramId) ?? []) : []),
    [records, diagramId],
  );
  const openThreats = useMemo(() => {
    const counts = new Map<string, number>();
    for (const [elementId, list] of indexOf(records).threatsByElement) {
      const open = list.filter((t) => t.status === 'open').length;
      if (open) counts.set(elementId, open);
    }
    return counts;
  }, [records]);
  const selectionSet = useMemo(() => new Set(selection), [selection]);

  const [graph, setGraph] = useState(() => reconcile(elements, openThreats, [], [], selectionSet));
  useEffect(() => void performance.mark('threatloom:editor-mounted'), []);
  const graphRef = useRef(graph);
  graphRef.current = graph;
  useEffect(() => {
    setGraph((g) => reconcile(elements, openThreats, g.nodes, g.edges, selectionSet));
  }, [elements, openThreats, selectionSet]);

  const submit = useCallback(
    (ops: Op[]) => ops.length > 0 && store.getState().submit(ops),
    [store],
  );

  // The model store owns the selection: element `select` changes go there, and the graph draws it back.
  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramNode>[]) => {
      const graph = graphRef.current;
      const isPoint = (id: string) => graph.nodes.find((n) => n.id === id)?.type === 'point';
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
    (changes: EdgeChange<FlowEdgeType>[]) => {
      const next = selectionAfter(store.getState().selection, changes);
      if (next) store.getState().select(next);
      const local = changes.filter((c) => c.type !== 'remove' && c.type !== 'select');
      if (local.length) setGraph((g) => ({ ...g, edges: applyEdgeChanges(local, g.edges) }));
    },
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
      const ops: Op[] = [];
      for (const n of dragged) {
        const x = Math.round(n.position.x);
        const y = Math.round(n.position.y);
        if (n.type === 'point')
          ops.push({
            type: 'patch',
            id: n.data.flowId,
            fields: { [`${n.data.end}Point`]: { x, y } },
          });
        else if (n.type === 'boundary-line') {
          const dx = x - n.data.origin.x;
          const dy = y - n.data.origin.y;
          if (dx || dy)
            ops.push({
              type: 'patch',
              id: n.id,
              fields: { points: n.data.record.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) },
            });
        } else if (n.data.record.x !== x || n.data.record.y !== y)
          ops.push({ type: 'patch', id: n.id, fields: { x, y } });
      }
      submit(ops);
    },
    [submit, channel],
  );

  const onDelete = useCallback(
    ({ nodes, edges }: { nodes: DiagramNode[]; edges: FlowEdgeType[] }) => {
      // Flows first: removing an element takes its flows with it, and a second remove of a flow would be refused.
      const ids = new Set<string>();
      for (const e of edges) ids.add(e.id);
      for (const n of nodes) ids.add(n.type === 'point' ? n.data.flowId : n.id);
      const live = store.getState().records;
      submit([...ids].filter((id) => live.has(id)).map((id) => ({ type: 'remove', id })));
    },
    [store, submit],
  );

  const isValidConnection = useCallback(
    (c: Connection | FlowEdgeType) => {
      const rs = store.getState().records;
      const s = rs.get(c.source);
      const t = rs.get(c.target);
      return (
        c.source !== c.target &&
        !!s &&
        !!t &&
        FLOW_END_KINDS.has(s.typeName as Element['typeName']) &&
        FLOW_END_KINDS.has(t.typeName as Element['typeName'])
      );
    },
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (!diagramId) return;
      const id = newId();
      submit([
        {
          type: 'put',
          record: {
            id,
            typeName: 'flow',
            diagramId,
            name: 'Data flow',
            sourceId: c.source,
            targetId: c.target,
          } as Element,
        },
      ]);
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
      if (!targetId) return;
      const connection = {
        source: state.fromNode.id,
        target: targetId,
        sourceHandle: null,
        targetHandle: null,
      };
      if (isValidConnection(connection)) onConnect(connection);
    },
    [isValidConnection, onConnect],
  );

  const centre = useCallback(() => {
    const box = wrapper.current?.getBoundingClientRect();
    return box
      ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
      : { x: 0, y: 0 };
  }, [flow]);

  const add = useCallback(
    (kind: PaletteKind) => {
      if (!diagramId) return;
      const record = newElement(kind, diagramId, freeSpot(centre(), elements));
      submit([{ type: 'put', record }]);
      store.getState().select([record.id]);
    },
    [diagramId, centre, submit, store, elements],
  );

  const autoLayout = useCallback(() => {
    setBusy('Laying out…');
    autoLayoutOps(elements)
      .then((ops) => {
        submit(ops);
        requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }));
      })
      .finally(() => setBusy(null));
  }, [elements, submit, flow]);

  const align = useCallback(
    (how: Alignment) =>
      submit(
        alignOps(
          selection.map((id) => records.get(id)).filter((r) => r !== undefined && isBoxElement(r)),
          how,
        ),
      ),
    [selection, records, submit],
  );

  const shortcuts = useMemo(
    () => ({
      undo: () => store.getState().undo(),
      redo: () => store.getState().redo(),
      copy: () => {
        copySelection(store.getState().records, store.getState().selection);
        pasteCount.current = 0;
      },
      paste: () => {
        if (!diagramId) return;
        pasteCount.current += 1;
        const { ops, ids } = pasteOps(diagramId, PASTE_OFFSET * pasteCount.current);
        submit(ops);
        store.getState().select(ids);
      },
      selectAll: () => store.getState().select(elements.map((e) => e.id)),
      clearSelection: () => store.getState().select([]),
      autoLayout,
      help: () => setHelp(true),
    }),
    [store, diagramId, submit, elements, autoLayout],
  );
  useEditorShortcuts(shortcuts, canEdit);

  // Jump to an element (from the threats table): select it and centre it.
  useEffect(() => {
    if (!focus) return;
    const r = store.getState().records.get(focus);
    if (!r) return;
    store.getState().select([focus]);
    if (isBoxElement(r))
      void flow.setCenter(r.x + r.width / 2, r.y + r.height / 2, { zoom: 1.2, duration: 300 });
  }, [focus, store, flow]);

  useEffect(() => channel.set({ diagramId, cursor: null }), [channel, diagramId]);
  // Others see this user's selection, however it was made (click, box, Ctrl+A, paste, jump from the table).
  useEffect(() => channel.set({ selection }), [channel, selection]);

  const onMouseMove = useCallback(
    (e: React.MouseEvent) =>
      channel.set({ cursor: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) }),
    [channel, flow],
  );

  const single = selection.length === 1 ? selection[0]! : null;
  const selectedBoxes = selection.filter((id) => {
    const r = records.get(id);
    return r && isBoxElement(r);
  }).length;

  if (!diagramId) return <NoDiagram canEdit={canEdit} />;
  return (
    <div className="editor">
      <RegionBoundary name="toolbar">
        <Toolbar
          canEdit={canEdit}
          selectedBoxes={selectedBoxes}
          snap={snap}
          busy={busy}
          onAdd={add}
          onAlign={align}
          onSnap={setSnap}
          onAutoLayout={autoLayout}
          onHelp={() => setHelp(true)}
          onGenerate={() => {
            if (!diagramId) return;
            const n = generate(store.getState().records, diagramId);
            store.getState().select([]);
            setBusy(null);
            setNotice(
              n === 0
                ? 'No new threats to suggest.'
                : `${n} threats suggested: review them in the side panel.`,
            );
          }}
          notice={notice}
        />
      </RegionBoundary>
      <div className="editor-body">
        <RegionBoundary name="canvas">
          <div
            className="canvas"
            ref={wrapper}
            onMouseMove={onMouseMove}
            onMouseLeave={() => channel.set({ cursor: null })}
            aria-label="Diagram canvas"
            role="region"
          >
            <svg className="markers" aria-hidden="true">
              <defs>
                <marker
                  id="tl-arrow"
                  viewBox="0 0 10 10"
                  refX="10"
                  refY="5"
                  markerWidth="8"
                  markerHeight="8"
                  orient="auto-start-reverse"
                >
                  <path d="M0,0 L10,5 L0,10 z" />
                </marker>
                <marker
                  id="tl-arrow-start"
                  viewBox="0 0 10 10"
                  refX="0"
                  refY="5"
                  markerWidth="8"
                  markerHeight="8"
                  orient="auto"
                >
                  <path d="M10,0 L0,5 L10,10 z" />
                </marker>
              </defs>
            </svg>
            <ReactFlow<DiagramNode, FlowEdgeType>
              nodes={graph.nodes}
              edges={graph.edges}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onNodeDrag={onNodeDrag}
              onNodeDragStop={onNodeDragStop}
              onDelete={onDelete}
              onConnect={onConnect}
              onConnectEnd={onConnectEnd}
              isValidConnection={isValidConnection}
              connectionMode={ConnectionMode.Loose}
              nodesDraggable={canEdit}
              nodesConnectable={canEdit}
              edgesReconnectable={false}
              deleteKeyCode={canEdit ? ['Delete', 'Backspace'] : null}
              snapToGrid={snap}
              snapGrid={SNAP_GRID}
              minZoom={0.05}
              fitView
              fitViewOptions={FIT_VIEW_OPTIONS}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={20} />
              <MiniMap pannable zoomable ariaLabel="Minimap" />
              <Controls />
              <RemotePresence />
            </ReactFlow>
          </div>
        </RegionBoundary>
        <aside className="side-panel" aria-label="Details">
          {/* Keyed by selection: choosing another element recovers from a fault in the last one. */}
          <RegionBoundary name="side panel" key={single ?? ''}>
            <ElementPanel id={single} />
          </RegionBoundary>
        </aside>
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}

/** The point nearest `at` (going down) where a new element does not land on top of an existing box. */
function freeSpot(
  at: { x: number; y: number },
  elements: readonly Element[],
): { x: number; y: number } {
  const boxes = elements.filter((e) => isBoxElement(e) && e.typeName !== 'boundary');
  const spot = { ...at };
  for (let i = 0; i < 30; i++) {
    const hit = boxes.some(
      (b) =>
        isBoxElement(b) &&
        Math.abs(b.x + b.width / 2 - spot.x) < (b.width + 100) / 2 &&
        Math.abs(b.y + b.height / 2 - spot.y) < (b.height + 80) / 2,
    );
    if (!hit) break;
    spot.y += 60;
  }
  return spot;
}

/** A model without diagrams (a new one): offer to start one. */
function NoDiagram({ canEdit }: { canEdit: boolean }) {
  const { store } = useModelContext();
  const add = () => {
    const id = newId();
    store.getState().submit([
      {
        type: 'put',
        record: {
          id,
          typeName: 'diagram',
          title: 'Main diagram',
          description: '',
          methodology: 'stride',
          order: 0,
        },
      },
    ]);
    store.getState().showDiagram(id);
  };
  return (
    <div className="empty-diagram">
      <p>This model has no diagram yet.</p>
      {canEdit && (
        <button type="button" onClick={add}>
          Add diagram
        </button>
      )}
    </div>
  );
}
