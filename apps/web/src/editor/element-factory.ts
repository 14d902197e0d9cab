import { newId, type Element, type ElementKind } from '@threatloom/core';

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
export function newElement(
  kind: PaletteKind,
  diagramId: string,
  at: { x: number; y: number },
): Element {
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
