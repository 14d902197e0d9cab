import type { Point } from '@threatloom/core';
import type { Rect } from './layout';

/** Triangle (three points) for an arrowhead at one end of a polyline, pointing outwards. */
export function arrowHead(points: Point[], at: 'start' | 'end', size: number): Point[] {
  const tip = at === 'end' ? points[points.length - 1] : points[0];
  const from = at === 'end' ? points[points.length - 2] : points[1];
  if (!tip || !from) return [];
  const len = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const bx = tip.x - ux * size;
  const by = tip.y - uy * size;
  const half = size * 0.45;
  return [tip, { x: bx - uy * half, y: by + ux * half }, { x: bx + uy * half, y: by - ux * half }];
}

/** A small padlock (drawn, not a font glyph, so it renders with any font) centred on `c`. */
export function padlockAt(c: Point): { body: Rect; shackle: string } {
  const body = { x: c.x - 4, y: c.y - 1, width: 8, height: 6 };
  const r = 2.6;
  return {
    body,
    shackle: `M${c.x - r} ${c.y - 1}V${c.y - 3}A${r} ${r} 0 0 1 ${c.x + r} ${c.y - 3}V${c.y - 1}`,
  };
}
