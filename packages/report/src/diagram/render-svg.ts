import type { ModelIndex, ModelRecord, Point } from '@threatloom/core';
import {
  ARROW_SIZE,
  MARKER_RADIUS,
  layoutDiagram,
  type BoxShape,
  type Label,
  type Shape,
} from './layout';
import { arrowHead, padlockAt } from './symbols';
import type { Measure } from './wrap';

const INK = '#1f2937';
const BOUNDARY = '#b91c1c';
const THREAT = '#dc2626';

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
const n = (v: number) => Number(v.toFixed(2));
const pts = (points: Point[]) => points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');

function text(l: Label): string {
  if (l.lines.length === 0) return '';
  const anchor = l.align === 'center' ? 'middle' : 'start';
  const x = l.align === 'center' ? l.x + l.width / 2 : l.x;
  const spans = l.lines
    .map(
      (line, i) =>
        `<tspan x="${n(x)}" y="${n(l.y + l.lineHeight * i + l.fontSize)}">${esc(line)}</tspan>`,
    )
    .join('');
  return `<text font-size="${l.fontSize}"${l.bold ? ' font-weight="600"' : ''} text-anchor="${anchor}" fill="${INK}">${spans}</text>`;
}

function boxOutline(s: BoxShape): string {
  const { x, y, width: w, height: h } = s.box;
  const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
  switch (s.kind) {
    case 'process':
      return `<ellipse cx="${n(x + w / 2)}" cy="${n(y + h / 2)}" rx="${n(w / 2)}" ry="${n(h / 2)}" fill="#ffffff" stroke="${INK}" stroke-width="1.5"${dash}/>`;
    case 'actor':
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="#ffffff" stroke="${INK}" stroke-width="1.5"${dash}/>`;
    case 'store':
      // A data store is open-sided: lines above and below only.
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="#ffffff" stroke="none"/><path d="M${n(x)} ${n(y)}H${n(x + w)}M${n(x)} ${n(y + h)}H${n(x + w)}" stroke="${INK}" stroke-width="1.5"${dash}/>`;
    case 'boundary':
      return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="6" fill="none" stroke="${BOUNDARY}" stroke-width="1.5" stroke-dasharray="8 5"/>`;
    case 'note': {
      const fold = Math.min(12, w / 4, h / 4);
      return `<path d="M${n(x)} ${n(y)}H${n(x + w - fold)}L${n(x + w)} ${n(y + fold)}V${n(y + h)}H${n(x)}Z" fill="#fef9c3" stroke="#a16207"${dash}/>`;
    }
  }
}

function shapeSvg(s: Shape): string {
  const id = ` data-id="${esc(s.element.id)}" data-kind="${s.kind}"`;
  let body: string;
  if (s.kind === 'flow') {
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    const ends = [
      arrowHead(s.points, 'end', ARROW_SIZE),
      ...(s.arrowAtStart ? [arrowHead(s.points, 'start', ARROW_SIZE)] : []),
    ];
    body =
      `<polyline points="${pts(s.points)}" fill="none" stroke="${INK}" stroke-width="1.2"${dash}/>` +
      ends.map((tri) => `<polygon points="${pts(tri)}" fill="${INK}"/>`).join('');
  } else if (s.kind === 'boundary-line') {
    body = `<polyline points="${pts(s.points)}" fill="none" stroke="${BOUNDARY}" stroke-width="1.5" stroke-dasharray="8 5"/>`;
  } else body = boxOutline(s) + text(s.label);
  return `<g${id}${s.element.outOfScope ? ' data-out-of-scope="true"' : ''}>${body}</g>`;
}

/** Second pass: line labels and threat markers on top of every shape so nodes never hide them. */
function overlaySvg(s: Shape): string {
  let body = '';
  if (s.kind === 'flow') {
    const lock =
      s.encrypted && s.label.lines.length > 0
        ? padlockAt({ x: s.label.x - 8, y: s.label.y + 6 })
        : null;
    body =
      (s.label.lines.length > 0
        ? `<rect x="${n(s.label.x - 2)}" y="${n(s.label.y)}" width="${n(s.label.width + 4)}" height="${n(s.label.lines.length * s.label.lineHeight)}" fill="#ffffff" opacity="0.85"/>`
        : '') +
      (lock
        ? `<g aria-label="encrypted"><path d="${lock.shackle}" fill="none" stroke="${INK}" stroke-width="1"/><rect x="${n(lock.body.x)}" y="${n(lock.body.y)}" width="${n(lock.body.width)}" height="${n(lock.body.height)}" fill="${INK}"/></g>`
        : '') +
      text(s.label);
  } else if (s.kind === 'boundary-line') body = text(s.label);
  const marker =
    s.openThreats > 0
      ? `<g aria-label="${s.openThreats} open threats"><circle cx="${n(s.marker.x)}" cy="${n(s.marker.y)}" r="${MARKER_RADIUS}" fill="${THREAT}"/><text x="${n(s.marker.x)}" y="${n(s.marker.y + 3.5)}" font-size="10" font-weight="700" text-anchor="middle" fill="#ffffff">!</text></g>`
      : '';
  return body + marker === '' ? '' : `<g data-label-of="${esc(s.element.id)}">${body}${marker}</g>`;
}

/**
 * The diagram as a standalone SVG document: processes as ellipses, actors as
 * boxes, stores open-sided, trust boundaries dashed, flows as arrows labelled
 * with name and protocol (a padlock when encrypted), out-of-scope elements
 * dashed and a red marker on elements with open threats. The viewBox is the
 * layout's bounds, so nothing is cut off at any display size. Pure: runs in
 * the browser as well as in Node.
 */
export function renderDiagramSvg(
  records: Iterable<ModelRecord> | ModelIndex,
  diagramId: string,
  options: { measure?: Measure } = {},
): string {
  const layout = layoutDiagram(records, diagramId, options);
  const { x, y, width, height } = layout.bounds;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(x)} ${n(y)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" font-family="'Noto Sans', 'Helvetica Neue', Arial, sans-serif" role="img">` +
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>` +
    layout.shapes.map(shapeSvg).join('') +
    layout.shapes.map(overlaySvg).join('') +
    `</svg>`
  );
}
