import { newId, type Diagram, type Op } from '@threatloom/core';

/** A new diagram after the existing ones: "Main diagram" for the first, "Diagram n" after. */
export function newDiagramOps(
  existing: readonly Diagram[],
  id: string = newId(),
): { ops: Op[]; id: string } {
  const record: Diagram = {
    id,
    typeName: 'diagram',
    title: existing.length === 0 ? 'Main diagram' : `Diagram ${existing.length + 1}`,
    description: '',
    methodology: 'stride',
    order: existing.length === 0 ? 0 : Math.max(...existing.map((d) => d.order)) + 1,
  };
  return { ops: [{ type: 'put', record }], id };
}
