import path from 'node:path';
import { indexModel, type ModelRecord } from '@threatloom/core';
import { renderDiagramSvg } from '@threatloom/report/svg';

interface DiagramFile {
  diagramId: string;
  /** Path as the user gave it (beside `out`), for writing. */
  path: string;
  /** File name alone, for linking from the Markdown beside it. */
  name: string;
  svg: string;
}

/**
 * One SVG file per diagram, in diagram order, named after the Markdown file
 * they sit beside: `out.md` → `out-diagram-1.svg`, `out-diagram-2.svg`… The
 * SVG is the report's (`renderDiagramSvg`, the same layout the PDF draws).
 */
export function diagramFiles(records: readonly ModelRecord[], out: string): DiagramFile[] {
  const index = indexModel(records);
  const base = out.replace(/\.(md|markdown)$/i, '');
  return index.diagrams.map((d, i) => {
    const file = `${base}-diagram-${i + 1}.svg`;
    return {
      diagramId: d.id,
      path: file,
      name: path.basename(file),
      svg: renderDiagramSvg(index, d.id),
    };
  });
}
