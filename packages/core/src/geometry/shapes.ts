import type { Point } from '../model/records';

/** An axis-aligned rectangle by its corners (`minX <= maxX`, `minY <= maxY`). */
export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Anything drawn as a box: position of its top-left corner and its size. */
export interface BoxLike {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Centre of a box. */
export function centreOf(box: BoxLike): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A box as a rectangle. */
export function rectOf(box: BoxLike): Rect {
  return { minX: box.x, minY: box.y, maxX: box.x + box.width, maxY: box.y + box.height };
}

/** Bounding rectangle of a segment. */
export function segmentRect(a: Point, b: Point): Rect {
  return {
    minX: Math.min(a.x, b.x),
    minY: Math.min(a.y, b.y),
    maxX: Math.max(a.x, b.x),
    maxY: Math.max(a.y, b.y),
  };
}

/** Sign of the turn a → b → c: > 0 counter-clockwise, < 0 clockwise, 0 collinear. */
function orientation(a: Point, b: Point, c: Point): number {
  const v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Point, b: Point, p: Point): boolean {
  return (
    p.x >= Math.min(a.x, b.x) &&
    p.x <= Math.max(a.x, b.x) &&
    p.y >= Math.min(a.y, b.y) &&
    p.y <= Math.max(a.y, b.y)
  );
}

/**
 * Whether segments p1–p2 and q1–q2 meet. Touching counts (an end lying on the
 * other segment), so a flow drawn onto a boundary line is taken to cross it:
 * the conservative answer for a threat model.
 */
export function segmentsIntersect(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(p1, p2, q1)) ||
    (o2 === 0 && onSegment(p1, p2, q2)) ||
    (o3 === 0 && onSegment(q1, q2, p1)) ||
    (o4 === 0 && onSegment(q1, q2, p2))
  );
}
