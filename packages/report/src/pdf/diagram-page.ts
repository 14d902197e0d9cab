import { METHODOLOGY_LABELS, type Diagram, type ModelIndex } from '@threatloom/core';
import { layoutDiagram } from '../diagram/layout';
import { drawDiagram } from './draw-diagram';
import { MARGIN, type Writer } from './writer';

/**
 * One page holding the whole diagram: landscape when the diagram is wider
 * than tall, the drawing scaled to the space under the title. Never split.
 */
export function writeDiagramPage(
  w: Writer,
  index: ModelIndex,
  diagram: Diagram,
  hideOutOfScope: boolean,
): void {
  const layout = layoutDiagram(index, diagram.id, { measure: w.measure, hideOutOfScope });
  const wide = layout.bounds.width > layout.bounds.height;
  w.addPage(wide ? 'landscape' : 'portrait');
  w.heading(`Diagram: ${diagram.title || 'Untitled'}`, 1);
  w.paragraph(
    `${METHODOLOGY_LABELS[diagram.methodology]} · ${layout.shapes.length} element${layout.shapes.length === 1 ? '' : 's'}`,
    { size: 9, color: '#6b7280', gap: 1 },
  );
  w.paragraph(
    'Red “!”: open threats · dashed outline: out of scope · padlock: encrypted flow · dashed red: trust boundary',
    { size: 8, color: '#6b7280', gap: 6 },
  );
  if (diagram.description) w.paragraph(diagram.description, { size: 9, gap: 6 });
  if (layout.shapes.length === 0) {
    w.paragraph('This diagram is empty.', { size: 10 });
    return;
  }
  const top = Math.min(w.y + 6, w.bottom - 100);
  drawDiagram(w, layout, { x: MARGIN, y: top, width: w.contentWidth, height: w.bottom - top - 10 });
}
