import { useEffect, useRef, useState } from 'react';
import {
  Background,
  ConnectionMode,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import { isBoxElement } from '@threatloom/core';
import { RegionBoundary } from '../ui/RegionBoundary';
import { useModel, useModelContext, useSuggestions } from '../model/model-context';
import {
  selectCanEdit,
  selectDiagramId,
  selectRecords,
  selectSelection,
} from '../model/model-store';
import { selectSuggestionCount } from '../model/suggestions-store';
import { ElementPanel } from '../panels/ElementPanel';
import { ArrowMarkers } from './ArrowMarkers';
import { FlowEdge } from './FlowEdge';
import type { DiagramNode, FlowEdge as FlowEdgeType } from './flow-graph';
import { NoDiagram } from './NoDiagram';
import { BoundaryLineNode, PointNode } from './nodes/BoundaryLineNode';
import { ShapeNode } from './nodes/ShapeNode';
import { RemotePresence } from './RemotePresence';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Toolbar } from './Toolbar';
import { useCanvasGestures } from './use-canvas-gestures';
import { FIT_VIEW_OPTIONS, useDiagramCommands } from './use-diagram-commands';
import { useDiagramGraph } from './use-diagram-graph';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useFocusTarget } from './use-focus-target';

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
const PRO_OPTIONS = { hideAttribution: true };

/** Where to go when the editor opens: an element or a threat (links from the table and the overview). */
export interface EditorFocus {
  element: string | null;
  threat: string | null;
}

export function DiagramEditor({ focus }: { focus: EditorFocus }) {
  return (
    <ReactFlowProvider>
      <Editor focus={focus} />
    </ReactFlowProvider>
  );
}

/** The diagram editor: toolbar, canvas and side panel, each its own fault region. */
function Editor({ focus }: { focus: EditorFocus }) {
  const { channel } = useModelContext();
  const records = useModel(selectRecords);
  const diagramId = useModel(selectDiagramId);
  const selection = useModel(selectSelection);
  const canEdit = useModel(selectCanEdit);
  const suggested = useSuggestions(selectSuggestionCount);
  const lastRun = useSuggestions((s) => s.lastRun);
  const flow = useReactFlow<DiagramNode, FlowEdgeType>();
  const canvas = useRef<HTMLDivElement>(null);
  const [snap, setSnap] = useState(true);
  const { elements, graph, onNodesChange, onEdgesChange } = useDiagramGraph();
  const gestures = useCanvasGestures();
  const commands = useDiagramCommands(elements, canvas);
  useEditorShortcuts(commands.shortcuts, canEdit);
  useFocusTarget(focus.element, focus.threat);
  useEffect(() => void performance.mark('threatloom:editor-mounted'), []);
  useEffect(() => channel.set({ diagramId, cursor: null }), [channel, diagramId]);
  // Others see this user's selection, however it was made (click, box, Ctrl+A, paste, a link).
  useEffect(() => channel.set({ selection }), [channel, selection]);

  if (!diagramId) return <NoDiagram canEdit={canEdit} />;
  const single = selection.length === 1 ? selection[0]! : null;
  const selectedBoxes = selection.filter((id) => {
    const r = records.get(id);
    return r && isBoxElement(r);
  }).length;
  // The banner follows the suggestions themselves, so it goes when they are accepted or dismissed.
  const notice =
    suggested > 0
      ? `${suggested} threats suggested: review them in the side panel.`
      : lastRun === 0
        ? 'No new threats to suggest.'
        : null;
  return (
    <div className="editor">
      <RegionBoundary name="toolbar">
        <Toolbar
          canEdit={canEdit}
          selectedBoxes={selectedBoxes}
          snap={snap}
          busy={commands.busy}
          notice={notice}
          onAdd={commands.add}
          onAlign={commands.align}
          onSnap={setSnap}
          onAutoLayout={commands.autoLayout}
          onHelp={() => commands.setHelp(true)}
          onGenerate={commands.generate}
        />
      </RegionBoundary>
      <div className="editor-body">
        <RegionBoundary name="canvas">
          <div
            className="canvas"
            ref={canvas}
            onMouseMove={(e) =>
              channel.set({ cursor: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) })
            }
            onMouseLeave={() => channel.set({ cursor: null })}
            aria-label="Diagram canvas"
            role="region"
          >
            <ArrowMarkers />
            <ReactFlow<DiagramNode, FlowEdgeType>
              nodes={graph.nodes}
              edges={graph.edges}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              {...gestures}
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
              proOptions={PRO_OPTIONS}
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
      {commands.help && <ShortcutsHelp onClose={() => commands.setHelp(false)} />}
    </div>
  );
}
