import {
  indexModel,
  type BoxElement,
  type Element,
  type Flow,
  type ModelIndex,
  type ModelRecord,
  type Point,
} from '@threatloom/core';
import { estimateWidth, wrapText, type Measure } from './wrap';

/** Axis-aligned rectangle in diagram coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Wrapped text block; `x`/`y` is its top-left corner, lines are centred or left-aligned in `width`. */
export interface Label {
  lines: string[];
  x: number;
  y: number;
  width: number;
  fontSize: number;
  lineHeight: number;
  align: 'center' | 'left';
  bold: boolean;
}

interface ShapeBase {
  element: Element;
  label: Label;
  /** Out-of-scope elements are drawn dashed. */
  dashed: boolean;
  /** Count of open threats; > 0 draws a warning marker at `marker`. */
  openThreats: number;
  marker: Point;
}
export interface BoxShape extends ShapeBase {
  kind: 'actor' | 'process' | 'store' | 'boundary' | 'note';
  box: Rect;
}
export interface FlowShape extends ShapeBase {
  kind: 'flow';
  points: Point[];
  arrowAtStart: boolean;
  encrypted: boolean;
}
export interface BoundaryLineShape extends ShapeBase {
  kind: 'boundary-line';
  points: Point[];
}
export type Shape = BoxShape | FlowShape | BoundaryLineShape;

/** Everything needed to draw one diagram, in drawing order, with the box that holds all of it. */
export interface DiagramLayout {
  shapes: Shape[];
  bounds: Rect;
}

const NAME_FONT_SIZE = 11;
const FLOW_FONT_SIZE = 9;
export const MARKER_RADIUS = 7;
export const ARROW_SIZE = 10;
const PADDING = 12;
const FLOW_LABEL_WIDTH = 150;
const LINE_HEIGHT = 1.25;

const DRAW_ORDER: Record<Element['typeName'], number> = {
  boundary: 0,
  'boundary-line': 1,
  flow: 2,
  store: 3,
  process: 3,
  actor: 3,
  note: 4,
};

function center(b: BoxElement): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Where the segment from the element's centre towards `toward` leaves its outline (ellipse for processes, box otherwise). */
function exitPoint(b: BoxElement, toward: Point): Point {
  const c = center(b);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const rx = b.width / 2;
  const ry = b.height / 2;
  let t: number;
  if (b.typeName === 'process')
    t = 1 / Math.sqrt((dx * dx) / (rx * rx || 1) + (dy * dy) / (ry * ry || 1));
  else
    t = Math.min(dx === 0 ? Infinity : rx / Math.abs(dx), dy === 0 ? Infinity : ry / Math.abs(dy));
  // The neighbour point lies inside the element (overlapping shapes): keep the centre rather than overshoot.
  if (!Number.isFinite(t) || t >= 1) return c;
  return { x: c.x + dx * t, y: c.y + dy * t };
}

function endPoint(
  index: ModelIndex,
  id: string | null,
  point: Point | null,
): { box: BoxElement | null; at: Point } {
  const r = id ? index.byId.get(id) : undefined;
  if (r && (r.typeName === 'actor' || r.typeName === 'process' || r.typeName === 'store'))
    return { box: r, at: center(r) };
  return { box: null, at: point ?? { x: 0, y: 0 } };
}

function flowPoints(index: ModelIndex, flow: Flow): Point[] {
  const src = endPoint(index, flow.sourceId, flow.sourcePoint);
  const dst = endPoint(index, flow.targetId, flow.targetPoint);
  const inner = flow.waypoints;
  const start = src.box ? exitPoint(src.box, inner[0] ?? dst.at) : src.at;
  const end = dst.box ? exitPoint(dst.box, inner[inner.length - 1] ?? src.at) : dst.at;
  return [start, ...inner, end];
}

/** The point halfway along a polyline, by length. */
function midpoint(points: Point[]): Point {
  const first = points[0] ?? { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i++)
    total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len >= left && len > 0)
      return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return first;
}

function label(
  lines: string[],
  x: number,
  y: number,
  width: number,
  fontSize: number,
  align: Label['align'],
  bold: boolean,
): Label {
  return { lines, x, y, width, fontSize, lineHeight: fontSize * LINE_HEIGHT, align, bold };
}

export function labelHeight(l: Label): number {
  return l.lines.length * l.lineHeight;
}

function boxShape(el: BoxElement, openThreats: number, measure: Measure): BoxShape {
  const box = { x: el.x, y: el.y, width: el.width, height: el.height };
  const text = el.name || (el.typeName === 'note' ? el.description : '');
  const inset = el.typeName === 'process' ? Math.min(box.width * 0.15, 16) : 6;
  const width = Math.max(box.width - 2 * inset, 48);
  const fontSize = el.typeName === 'note' ? FLOW_FONT_SIZE : NAME_FONT_SIZE;
  const lineHeight = fontSize * LINE_HEIGHT;
  const topAligned = el.typeName === 'boundary' || el.typeName === 'note';
  // Names stay inside their shape: as many lines as fit, the last one ellipsised.
  const maxLines = Math.max(1, Math.floor((box.height - 8) / lineHeight));
  const lines =
    text === ''
      ? []
      : wrapText(text, {
          fontSize,
          maxWidth: width,
          measure,
          bold: el.typeName !== 'note',
          maxLines,
        });
  const height = lines.length * lineHeight;
  const x = box.x + (box.width - width) / 2;
  const y = topAligned ? box.y + 4 : box.y + (box.height - height) / 2;
  return {
    kind: el.typeName,
    element: el,
    box,
    label: label(
      lines,
      x,
      y,
      width,
      fontSize,
      topAligned ? 'left' : 'center',
      el.typeName !== 'note',
    ),
    dashed: el.outOfScope,
    openThreats,
    marker: { x: box.x + box.width, y: box.y },
  };
}

function lineLabel(points: Point[], text: string[], measure: Measure, bold: boolean): Label {
  const lines = text.flatMap((t) =>
    wrapText(t, {
      fontSize: FLOW_FONT_SIZE,
      maxWidth: FLOW_LABEL_WIDTH,
      measure,
      bold,
      maxLines: 3,
    }),
  );
  const width = Math.max(...lines.map((l) => measure(l, FLOW_FONT_SIZE, bold)), 1);
  const mid = midpoint(points);
  const height = lines.length * FLOW_FONT_SIZE * LINE_HEIGHT;
  return label(lines, mid.x - width / 2, mid.y - height / 2, width, FLOW_FONT_SIZE, 'center', bold);
}

function unionRect(a: Rect | null, b: Rect): Rect {
  if (!a) return { ...b };
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** Box of a shape including its outline, label, arrowheads and threat marker. */
function shapeBounds(s: Shape): Rect {
  let r: Rect;
  if (s.kind === 'flow' || s.kind === 'boundary-line') {
    const xs = s.points.map((p) => p.x);
    const ys = s.points.map((p) => p.y);
    const pad = s.kind === 'flow' ? ARROW_SIZE : 2;
    r = {
      x: Math.min(...xs) - pad,
      y: Math.min(...ys) - pad,
      width: Math.max(...xs) - Math.min(...xs) + 2 * pad,
      height: Math.max(...ys) - Math.min(...ys) + 2 * pad,
    };
  } else r = { ...s.box };
  if (s.label.lines.length > 0)
    r = unionRect(r, {
      x: s.label.x - 14,
      y: s.label.y,
      width: s.label.width + 14,
      height: labelHeight(s.label),
    });
  if (s.openThreats > 0)
    r = unionRect(r, {
      x: s.marker.x - MARKER_RADIUS,
      y: s.marker.y - MARKER_RADIUS,
      width: 2 * MARKER_RADIUS,
      height: 2 * MARKER_RADIUS,
    });
  return r;
}

interface LayoutOptions {
  measure?: Measure;
  /** Leave out elements marked out of scope (and flows touching only them stay). */
  hideOutOfScope?: boolean;
}

/**
 * Lays out one diagram for drawing: shapes in paint order (boundaries under
 * flows under nodes under notes), labels wrapped to fit, and `bounds` that
 * covers every outline, waypoint, arrowhead, label and marker, so a renderer
 * that fits `bounds` to the page can never cut anything off.
 */
export function layoutDiagram(
  source: Iterable<ModelRecord> | ModelIndex,
  diagramId: string,
  options: LayoutOptions = {},
): DiagramLayout {
  const index = 'byId' in source ? source : indexModel(source);
  const measure = options.measure ?? estimateWidth;
  const elements = [...(index.elementsByDiagram.get(diagramId) ?? [])]
    .filter((e) => !(options.hideOutOfScope && e.outOfScope))
    .sort((a, b) => DRAW_ORDER[a.typeName] - DRAW_ORDER[b.typeName] || a.zIndex - b.zIndex);
  const shapes: Shape[] = elements.map((el): Shape => {
    const open = (index.threatsByElement.get(el.id) ?? []).filter(
      (t) => t.status === 'open',
    ).length;
    if (el.typeName === 'flow') {
      const points = flowPoints(index, el);
      const text = [el.name, el.protocol].filter((t) => t !== '');
      const l = lineLabel(points, text, measure, false);
      return {
        kind: 'flow',
        element: el,
        points,
        arrowAtStart: el.isBidirectional,
        encrypted: el.isEncrypted,
        label: l,
        dashed: el.outOfScope,
        openThreats: open,
        marker: { x: l.x + l.width + MARKER_RADIUS, y: l.y },
      };
    }
    if (el.typeName === 'boundary-line') {
      const l = lineLabel(el.points, el.name ? [el.name] : [], measure, false);
      return {
        kind: 'boundary-line',
        element: el,
        points: el.points,
        label: l,
        dashed: true,
        openThreats: open,
        marker: { x: l.x + l.width + MARKER_RADIUS, y: l.y },
      };
    }
    return boxShape(el, open, measure);
  });
  let bounds: Rect | null = null;
  for (const s of shapes) bounds = unionRect(bounds, shapeBounds(s));
  const b = bounds ?? { x: 0, y: 0, width: 0, height: 0 };
  return {
    shapes,
    bounds: {
      x: b.x - PADDING,
      y: b.y - PADDING,
      width: b.width + 2 * PADDING,
      height: b.height + 2 * PADDING,
    },
  };
}
