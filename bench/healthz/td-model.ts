/**
 * A Threat Dragon v2 file of `elements` cells, as small as the format allows
 * (ids and shapes; every fifth cell a flow between the two boxes before it),
 * so 100,000 elements fit the 5 MB import limit (about 3.9 MB).
 */
export function bigThreatDragonModel(elements: number): unknown {
  const cells: unknown[] = [];
  const shapes = ['process', 'store', 'actor', 'process'];
  for (let i = 0; i < elements; i++) {
    if (i % 5 === 4)
      cells.push({
        id: `f${i}`,
        shape: 'flow',
        source: { cell: `e${i - 2}` },
        target: { cell: `e${i - 1}` },
      });
    else cells.push({ id: `e${i}`, shape: shapes[i % 4] });
  }
  return {
    version: '2.4.0',
    summary: { title: `Big model (${elements} elements)` },
    detail: { diagrams: [{ id: 0, title: 'Everything', diagramType: 'STRIDE', cells }] },
  };
}
