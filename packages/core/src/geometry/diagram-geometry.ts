import type { Boundary, BoundaryLine, Element, Flow, Point } from '../model/records';
import { StaticRTree } from './rtree';
import { centreOf, rectOf, segmentRect, segmentsIntersect, type BoxLike } from './shapes';

/** Trust-boundary facts about one diagram, computed once and looked up by element id. */
export interface DiagramGeometry {
  /**
   * Box element id → ids of the `boundary` boxes that contain its centre
   * (sorted; a boundary never contains itself). Elements in no boundary are absent.
   */
  readonly containers: ReadonlyMap<string, readonly string[]>;
  /**
   * Flow id → ids of the trust boundaries it crosses (sorted): boxes holding
   * exactly one of its ends, and `boundary-line`s its drawn path meets.
   * Flows that cross nothing are absent.
   */
  readonly crossings: ReadonlyMap<string, readonly string[]>;
}

const NONE: readonly string[] = [];

/**
 * Computes containment and crossing for the elements of ONE diagram.
 *
 * Containment is decided by an element's centre, not its whole bounds: people
 * draw boundaries loosely, and an element straddling an edge belongs to the
 * zone holding most of it. A flow crosses a boundary when its two ends sit in
 * different sets of containing boxes, or when its path (source centre →
 * waypoints → target centre) meets a boundary line. A dangling end uses its
 * `sourcePoint`/`targetPoint`; an end with neither is ignored.
 *
 * Boundaries and line segments go into static R-trees, so the whole pass is
 * O(n log n + hits) rather than all-pairs.
 */
export function analyseGeometry(elements: Iterable<Element>): DiagramGeometry {
  const boxes = new Map<string, BoxLike>();
  const boundaries: Boundary[] = [];
  const lines: BoundaryLine[] = [];
  const flows: Flow[] = [];
  for (const e of elements) {
    if (e.typeName === 'flow') flows.push(e);
    else if (e.typeName === 'boundary-line') lines.push(e);
    else {
      boxes.set(e.id, e);
      if (e.typeName === 'boundary') boundaries.push(e);
    }
  }

  const boxIndex = new StaticRTree(boundaries.map((b) => ({ rect: rectOf(b), value: b.id })));
  const containingPoint = (p: Point, self?: string): readonly string[] => {
    if (boundaries.length === 0) return NONE;
    const ids: string[] = [];
    boxIndex.collectAt(p.x, p.y, ids);
    if (self !== undefined) {
      const at = ids.indexOf(self);
      if (at >= 0) ids.splice(at, 1);
    }
    return ids.length === 0 ? NONE : ids.length === 1 ? ids : ids.sort();
  };

  // Centre and zone of every box, looked up once per flow end.
  const ends = new Map<string, { at: Point; zone: readonly string[] }>();
  const containers = new Map<string, readonly string[]>();
  for (const [id, box] of boxes) {
    const at = centreOf(box);
    const zone = containingPoint(at, id);
    ends.set(id, { at, zone });
    if (zone.length > 0) containers.set(id, zone);
  }

  const segments: {
    rect: ReturnType<typeof segmentRect>;
    value: { lineId: string; a: Point; b: Point };
  }[] = [];
  for (const line of lines) {
    for (let i = 1; i < line.points.length; i++) {
      const a = line.points[i - 1]!;
      const b = line.points[i]!;
      segments.push({ rect: segmentRect(a, b), value: { lineId: line.id, a, b } });
    }
  }
  const lineIndex = new StaticRTree(segments);
  // Long flow segments are queried piece by piece: one bounding box around a long
  // diagonal covers most of the diagram and would match nearly every line segment.
  let typical = 0;
  for (const { rect } of segments) typical += rect.maxX - rect.minX + (rect.maxY - rect.minY);
  const piece = segments.length > 0 ? Math.max(1, typical / segments.length) : 1;

  const endOf = (
    elementId: string | null,
    point: Point | null,
  ): { at: Point; zone: readonly string[] } | null => {
    const attached = elementId === null ? undefined : ends.get(elementId);
    if (attached) return attached;
    if (point) return { at: point, zone: containingPoint(point) };
    return null;
  };

  /** Adds to `crossed` every boundary line the segment a–b meets. */
  const crossLines = (a: Point, b: Point, crossed: Set<string>) => {
    const steps = Math.min(
      10_000,
      Math.max(1, Math.ceil((Math.abs(b.x - a.x) + Math.abs(b.y - a.y)) / piece)),
    );
    const check = (seg: { lineId: string; a: Point; b: Point }) => {
      if (!crossed.has(seg.lineId) && segmentsIntersect(a, b, seg.a, seg.b))
        crossed.add(seg.lineId);
    };
    if (steps === 1) return lineIndex.search(segmentRect(a, b), check);
    for (let k = 0; k < steps; k++) {
      const from = { x: a.x + ((b.x - a.x) * k) / steps, y: a.y + ((b.y - a.y) * k) / steps };
      const to =
        k === steps - 1
          ? b
          : { x: a.x + ((b.x - a.x) * (k + 1)) / steps, y: a.y + ((b.y - a.y) * (k + 1)) / steps };
      lineIndex.search(segmentRect(from, to), check);
    }
  };

  const crossings = new Map<string, readonly string[]>();
  const crossed = new Set<string>();
  for (const flow of flows) {
    crossed.clear();
    const source = endOf(flow.sourceId, flow.sourcePoint);
    const target = endOf(flow.targetId, flow.targetPoint);
    if (source && target && source.zone !== target.zone) {
      for (const id of source.zone) if (!target.zone.includes(id)) crossed.add(id);
      for (const id of target.zone) if (!source.zone.includes(id)) crossed.add(id);
    }
    if (segments.length > 0) {
      let previous = source ? source.at : null;
      const visit = (b: Point) => {
        if (previous) crossLines(previous, b, crossed);
        previous = b;
      };
      for (const w of flow.waypoints) visit(w);
      if (target) visit(target.at);
    }
    if (crossed.size > 0) crossings.set(flow.id, [...crossed].sort());
  }

  return { containers, crossings };
}
