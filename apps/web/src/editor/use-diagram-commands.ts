import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { isBoxElement, type Element, type Op } from '@threatloom/core';
import { useModel, useModelContext } from '../model/model-context';
import { selectDiagramId } from '../model/model-store';
import { alignOps, type Alignment } from './align';
import { autoLayoutOps } from './auto-layout';
import { copySelection, pasteOps } from './clipboard';
import { placeNewElement, type PaletteKind } from './element-factory';
import type { DiagramNode, FlowEdge } from './flow-graph';
import type { ShortcutHandlers } from './use-editor-shortcuts';

const PASTE_OFFSET = 30;
export const FIT_VIEW_OPTIONS = { maxZoom: 1 };

/** The toolbar's and the keyboard's commands on the shown diagram. */
export function useDiagramCommands(
  elements: readonly Element[],
  canvas: RefObject<HTMLDivElement | null>,
) {
  const { store, suggestions } = useModelContext();
  const diagramId = useModel(selectDiagramId);
  const flow = useReactFlow<DiagramNode, FlowEdge>();
  const [busy, setBusy] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const pasteCount = useRef(0);
  const submit = useCallback((ops: Op[]) => store.getState().submit(ops), [store]);

  /** The visible part of the canvas, in flow coordinates. */
  const view = useCallback(() => {
    const box = canvas.current?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0, width: 800, height: 600 };
    const a = flow.screenToFlowPosition({ x: box.left, y: box.top });
    const b = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
    return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
  }, [flow, canvas]);

  const add = useCallback(
    (kind: PaletteKind) => {
      if (!diagramId) return;
      // Focus leaves the palette button, so typing the name (a space, Enter) cannot press it again.
      (document.activeElement as HTMLElement | null)?.blur();
      const record = placeNewElement(kind, diagramId, view(), elements);
      submit([{ type: 'put', record }]);
      store.getState().select([record.id]);
      // Boxes name themselves in place; a boundary line is named in the side panel.
      if (isBoxElement(record)) store.getState().startRename(record.id);
    },
    [diagramId, view, elements, submit, store],
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
    (how: Alignment) => {
      const { records, selection } = store.getState();
      const boxes = selection.map((id) => records.get(id)).filter((r) => r && isBoxElement(r));
      submit(alignOps(boxes as Parameters<typeof alignOps>[0], how));
    },
    [store, submit],
  );

  const generate = useCallback(() => {
    if (!diagramId) return;
    suggestions.getState().generate(store.getState().records, diagramId);
    // Clicking an element next shows its suggestions and threats, not its properties.
    store.getState().select([]);
    store.getState().showPanelTab('threats');
  }, [diagramId, store, suggestions]);

  const shortcuts = useMemo<ShortcutHandlers>(
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
      rename: () => {
        const { selection, records } = store.getState();
        const r = selection.length === 1 ? records.get(selection[0]!) : undefined;
        if (r && isBoxElement(r)) store.getState().startRename(r.id);
      },
      autoLayout,
      help: () => setHelp(true),
    }),
    [store, diagramId, submit, elements, autoLayout],
  );

  return { add, autoLayout, align, generate, shortcuts, busy, help, setHelp };
}
