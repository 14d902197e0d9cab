/**
 * A native model with `elements` processes over diagrams of 100, each with one
 * open threat and a flow to the previous process: big enough that its PDF
 * takes noticeable CPU (about 0.5 s per 500 elements).
 */
export function reportModel(elements: number) {
  const records: Record<string, unknown>[] = [
    { id: 'm1', typeName: 'model', title: `Big model ${elements}`, owner: 'Olga' },
  ];
  for (let i = 0; i < elements; i++) {
    const d = Math.floor(i / 100);
    if (i % 100 === 0) records.push({ id: `d${d}`, typeName: 'diagram', title: `Diagram ${d}` });
    records.push({
      id: `p${i}`,
      typeName: 'process',
      diagramId: `d${d}`,
      name: `Process ${i}`,
      x: (i % 10) * 200,
      y: Math.floor((i % 100) / 10) * 150,
    });
    records.push({
      id: `t${i}`,
      typeName: 'threat',
      diagramId: `d${d}`,
      elementId: `p${i}`,
      category: 'tampering',
      title: `Threat ${i}`,
      severity: 'high',
    });
    if (i % 100 !== 0)
      records.push({
        id: `f${i}`,
        typeName: 'flow',
        diagramId: `d${d}`,
        sourceId: `p${i - 1}`,
        targetId: `p${i}`,
        name: `flow ${i}`,
      });
  }
  return { format: 'threatloom', version: 1, records };
}
