import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '@threatloom/core';
import { renderReportPdf } from '../src/index';
import { inkBox, pageSizes, rasterPage, savePdf, words, type Raster } from './poppler';
import { sampleModel } from './sample-model';

const DPI = 50;
/** Pixels of the page border that must stay white: the diagram sits inside the 50 pt margins. */
const BORDER = Math.round((30 / 72) * DPI);

/** 1-based numbers of the pages whose first word is "Diagram:". */
function diagramPages(file: string): number[] {
  const firstWord = new Map<number, string>();
  for (const w of words(file)) if (!firstWord.has(w.page)) firstWord.set(w.page, w.text);
  return [...firstWord].filter(([, t]) => t === 'Diagram:').map(([p]) => p);
}

function borderInk(r: Raster): number {
  const strips = [
    { x: 0, y: 0, width: r.width, height: BORDER },
    { x: 0, y: r.height - BORDER, width: r.width, height: BORDER },
    { x: 0, y: 0, width: BORDER, height: r.height },
    { x: r.width - BORDER, y: 0, width: BORDER, height: r.height },
  ];
  return strips.reduce((n, s) => n + (inkBox(r, s)?.count ?? 0), 0);
}

/** Ink below the title block (top 110 pt) and above the footer: the drawing itself. */
function drawingInk(r: Raster) {
  const top = Math.round((110 / 72) * DPI);
  const bottom = Math.round((60 / 72) * DPI);
  return inkBox(r, {
    x: BORDER,
    y: top,
    width: r.width - 2 * BORDER,
    height: r.height - top - bottom,
  });
}

const rec = (r: Record<string, unknown>): ModelRecord => ZModelRecord.parse(r);

describe('diagram pages', { timeout: 60_000 }, () => {
  it('draw each diagram inside its page margins and the drawing is not empty', async () => {
    const file = savePdf(await renderReportPdf(sampleModel({ nodes: 12 }), { date: '2026-11-23' }));
    const pages = diagramPages(file);
    expect(pages).toHaveLength(1);
    const r = rasterPage(file, pages[0]!, DPI);
    expect(borderInk(r)).toBe(0);
    const ink = drawingInk(r);
    expect(ink).not.toBeNull();
    // The drawing spans most of the free width: it was scaled up to fit, not left tiny.
    expect(ink!.x1 - ink!.x0).toBeGreaterThan(r.width * 0.5);
  });

  it('uses a landscape page for a wide diagram and portrait for a tall one', async () => {
    const base = [rec({ id: 'm', typeName: 'model', title: 'Shapes' })];
    const row = (d: string, n: number, dx: number, dy: number) =>
      Array.from({ length: n }, (_, i) =>
        rec({
          id: `${d}-p${i}`,
          typeName: 'process',
          diagramId: d,
          name: `P ${d} ${i}`,
          x: i * dx,
          y: i * dy,
          width: 100,
          height: 100,
        }),
      );
    const records = [
      ...base,
      rec({ id: 'wide', typeName: 'diagram', title: 'Wide', order: 0 }),
      rec({ id: 'tall', typeName: 'diagram', title: 'Tall', order: 1 }),
      ...row('wide', 10, 200, 0),
      ...row('tall', 10, 0, 200),
    ];
    const file = savePdf(await renderReportPdf(records, { showEmpty: true }));
    const sizes = pageSizes(file);
    const [wide, tall] = diagramPages(file);
    expect(sizes[wide! - 1]!.width).toBeGreaterThan(sizes[wide! - 1]!.height);
    expect(sizes[tall! - 1]!.width).toBeLessThan(sizes[tall! - 1]!.height);
    for (const p of [wide!, tall!]) expect(borderInk(rasterPage(file, p, DPI))).toBe(0);
  });

  it('fits far-flung elements, waypoints and long labels onto the one page, never splitting the diagram', async () => {
    const records = [
      rec({ id: 'm', typeName: 'model', title: 'Far' }),
      rec({ id: 'd', typeName: 'diagram', title: 'Far apart' }),
      rec({
        id: 'nw',
        typeName: 'actor',
        diagramId: 'd',
        name: 'NorthWestCorner',
        x: -4000,
        y: -2500,
        width: 120,
        height: 60,
      }),
      rec({
        id: 'se',
        typeName: 'store',
        diagramId: 'd',
        name: 'SouthEastCorner',
        x: 6000,
        y: 3500,
        width: 120,
        height: 60,
      }),
      rec({
        id: 'f',
        typeName: 'flow',
        diagramId: 'd',
        sourceId: 'nw',
        targetId: 'se',
        name: 'WaypointFlow',
        waypoints: [{ x: 9000, y: -3000 }],
      }),
      rec({
        id: 'dangling',
        typeName: 'flow',
        diagramId: 'd',
        sourcePoint: { x: -4500, y: 4200 },
        targetId: 'se',
        name: 'DanglingStart',
      }),
    ];
    const file = savePdf(await renderReportPdf(records, { showEmpty: true }));
    const pages = diagramPages(file);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    // Nothing of the diagram spilled onto the next page: it holds the threat listing's heading.
    const onPage = words(file).filter((w) => w.page === page);
    for (const name of ['NorthWestCorner', 'SouthEastCorner', 'WaypointFlow', 'DanglingStart']) {
      const w = onPage.find((x) => x.text === name);
      expect(w, name).toBeDefined();
      expect(w!.xMin).toBeGreaterThanOrEqual(40);
      expect(w!.yMin).toBeGreaterThanOrEqual(40);
      expect(w!.xMax).toBeLessThanOrEqual(w!.pageWidth - 40);
      expect(w!.yMax).toBeLessThanOrEqual(w!.pageHeight - 40);
    }
    expect(words(file).filter((w) => w.page === page + 1)[0]?.text).toBe('Threats:');
    expect(borderInk(rasterPage(file, page, DPI))).toBe(0);
  });

  it('renders a 500-element model with its diagram on one page inside the margins', async () => {
    const records = sampleModel({ nodes: 250 });
    expect(
      records.filter((r) => 'diagramId' in r && r.typeName !== 'threat').length,
    ).toBeGreaterThanOrEqual(500);
    const file = savePdf(await renderReportPdf(records, { date: '2026-11-23' }));
    const pages = diagramPages(file);
    expect(pages).toHaveLength(1);
    const r = rasterPage(file, pages[0]!, DPI);
    expect(borderInk(r)).toBe(0);
    expect(drawingInk(r)!.count).toBeGreaterThan(1000);
  });
});
