import { isBoxElement, newId, type Element, type ElementKind } from '@threatloom/core';
import { freeSpot, type Rect } from './free-spot';

/** Palette entries in the order shown, with the default size and name of what they add. */
export const PALETTE = [
  { kind: 'actor', label: 'Add actor', name: 'Actor', width: 140, height: 70 },
  { kind: 'process', label: 'Add process', name: 'Process', width: 110, height: 110 },
  { kind: 'store', label: 'Add store', name: 'Store', width: 150, height: 60 },
  { kind: 'boundary', label: 'Add boundary', name: 'Trust boundary', width: 360, height: 260 },
  {
    kind: 'boundary-line',
    label: 'Add boundary line',
    name: 'Trust boundary',
    width: 240,
    height: 0,
  },
  { kind: 'note', label: 'Add note', name: 'Note', width: 160, height: 80 },
] as const;

export type PaletteKind = (typeof PALETTE)[number]['kind'];

/** A new element record centred on `at`, with the schema's defaults for everything else (validated by the sync engine). */
function newElement(kind: PaletteKind, diagramId: string, at: { x: number; y: number }): Element {
  const spec = PALETTE.find((p) => p.kind === kind)!;
  const base = { id: newId(), diagramId, name: spec.name };
  if (kind === 'boundary-line') {
    return {
      ...base,
      typeName: 'boundary-line',
      points: [
        { x: at.x - spec.width / 2, y: at.y },
        { x: at.x + spec.width / 2, y: at.y },
      ],
    } as Element;
  }
  return {
    ...base,
    typeName: kind,
    x: Math.round(at.x - spec.width / 2),
    y: Math.round(at.y - spec.height / 2),
    width: spec.width,
    height: spec.height,
    zIndex: kind === 'boundary' ? -1 : 0,
  } as Element;
}

/** Kinds a flow may connect (core's integrity check says the same). */
export const FLOW_END_KINDS: ReadonlySet<ElementKind> = new Set(['actor', 'process', 'store']);

/** Height a boundary line claims when placed, so nothing is drawn right across it. */
const LINE_CLEARANCE = 20;

/**
 * A new element for the palette, at the free spot nearest the centre of
 * `view` (the visible canvas, in flow coordinates). Actors, processes,
 * stores and notes avoid each other but may land inside a trust boundary
 * box; a new boundary box avoids every box, so it takes in nothing by
 * accident.
 */
export function placeNewElement(
  kind: PaletteKind,
  diagramId: string,
  view: Rect,
  elements: readonly Element[],
): Element {
  const spec = PALETTE.find((p) => p.kind === kind)!;
  const size = { width: spec.width, height: Math.max(spec.height, LINE_CLEARANCE) };
  const obstacles = elements.filter(
    (e) => isBoxElement(e) && (kind === 'boundary' || e.typeName !== 'boundary'),
  ) as Rect[];
  const spot = freeSpot(view, size, obstacles);
  return newElement(kind, diagramId, { x: spot.x + size.width / 2, y: spot.y + size.height / 2 });
}
