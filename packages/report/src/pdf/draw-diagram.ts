import type { Point } from '@threatloom/core';
import {
  ARROW_SIZE,
  MARKER_RADIUS,
  type BoxShape,
  type DiagramLayout,
  type Label,
  type Rect,
  type Shape,
} from '../diagram/layout';
import { arrowHead, padlockAt } from '../diagram/symbols';
import type { Writer } from './writer';

const INK = '#1f2937';
const BOUNDARY = '#b91c1c';
const THREAT = '#dc2626';

function polyline(w: Writer, points: Point[]): void {
  const [first, ...rest] = points;
  if (!first) return;
  w.doc.moveTo(first.x, first.y);
  for (const p of rest) w.doc.lineTo(p.x, p.y);
}

function label(w: Writer, l: Label): void {
  l.lines.forEach((line, i) => {
    const width = w.measure(line, l.fontSize, l.bold);
    const x = l.align === 'center' ? l.x + (l.width - width) / 2 : l.x;
    w.drawLine(line, x, l.y + i * l.lineHeight, l.fontSize, l.bold, INK);
  });
}

function dashed(w: Writer, on: boolean, pattern: [number, number] = [6, 4]): void {
  if (on) w.doc.dash(pattern[0], { space: pattern[1] });
  else w.doc.undash();
}

function box(w: Writer, s: BoxShape): void {
  const { doc } = w;
  const { x, y, width, height } = s.box;
  doc.lineWidth(1.5);
  switch (s.kind) {
    case 'process':
      dashed(w, s.dashed);
      doc
        .ellipse(x + width / 2, y + height / 2, width / 2, height / 2)
        .fillAndStroke('#ffffff', INK);
      break;
    case 'actor':
      dashed(w, s.dashed);
      doc.rect(x, y, width, height).fillAndStroke('#ffffff', INK);
      break;
    case 'store':
      doc.rect(x, y, width, height).fill('#ffffff');
      dashed(w, s.dashed);
      doc
        .moveTo(x, y)
        .lineTo(x + width, y)
        .moveTo(x, y + height)
        .lineTo(x + width, y + height)
        .stroke(INK);
      break;
    case 'boundary':
      dashed(w, true, [8, 5]);
      doc.roundedRect(x, y, width, height, 6).stroke(BOUNDARY);
      break;
    case 'note': {
      const fold = Math.min(12, width / 4, height / 4);
      dashed(w, s.dashed);
      doc
        .lineWidth(1)
        .polygon(
          [x, y],
          [x + width - fold, y],
          [x + width, y + fold],
          [x + width, y + height],
          [x, y + height],
        )
        .fillAndStroke('#fef9c3', '#a16207');
      break;
    }
  }
  doc.undash();
  label(w, s.label);
}

function shape(w: Writer, s: Shape): void {
  const { doc } = w;
  if (s.kind === 'flow') {
    doc.lineWidth(1.2);
    dashed(w, s.dashed);
    polyline(w, s.points);
    doc.stroke(INK);
    doc.undash();
    for (const end of s.arrowAtStart ? (['end', 'start'] as const) : (['end'] as const)) {
      const tri = arrowHead(s.points, end, ARROW_SIZE);
      if (tri.length === 3) doc.polygon(...tri.map((p): [number, number] => [p.x, p.y])).fill(INK);
    }
  } else if (s.kind === 'boundary-line') {
    doc.lineWidth(1.5);
    dashed(w, true, [8, 5]);
    polyline(w, s.points);
    doc.stroke(BOUNDARY);
    doc.undash();
  } else box(w, s);
}

/** Second pass: line labels and threat markers go on top of every shape so nodes never hide them. */
function overlay(w: Writer, s: Shape): void {
  const { doc } = w;
  if (s.kind === 'flow') {
    if (s.label.lines.length > 0) {
      doc
        .rect(
          s.label.x - 2,
          s.label.y,
          s.label.width + 4,
          s.label.lines.length * s.label.lineHeight,
        )
        .fillOpacity(0.85)
        .fill('#ffffff')
        .fillOpacity(1);
      if (s.encrypted) {
        const lock = padlockAt({ x: s.label.x - 8, y: s.label.y + 6 });
        doc.lineWidth(1).path(lock.shackle).stroke(INK);
        doc.rect(lock.body.x, lock.body.y, lock.body.width, lock.body.height).fill(INK);
      }
      label(w, s.label);
    }
  } else if (s.kind === 'boundary-line') label(w, s.label);
  if (s.openThreats > 0) {
    doc.circle(s.marker.x, s.marker.y, MARKER_RADIUS).fill(THREAT);
    const bang = w.measure('!', 10, true);
    w.drawLine('!', s.marker.x - bang / 2, s.marker.y - 7, 10, true, '#ffffff');
  }
}

/**
 * Draws a laid-out diagram scaled uniformly to fit `area` and centred in it.
 * The layout's bounds already include every label, arrowhead and marker, so
 * the fitted drawing never leaves `area`. Returns the scale used.
 */
export function drawDiagram(w: Writer, layout: DiagramLayout, area: Rect): number {
  const b = layout.bounds;
  const scale = Math.min(
    area.width / Math.max(b.width, 1),
    area.height / Math.max(b.height, 1),
    1.5,
  );
  const { doc } = w;
  doc.save();
  doc.translate(
    area.x + (area.width - b.width * scale) / 2,
    area.y + (area.height - b.height * scale) / 2,
  );
  doc.scale(scale);
  doc.translate(-b.x, -b.y);
  for (const s of layout.shapes) shape(w, s);
  for (const s of layout.shapes) overlay(w, s);
  doc.restore();
  return scale;
}
