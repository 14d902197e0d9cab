import { describe, expect, it } from 'vitest';
import type { Diagram } from '@threatloom/core';
import { applyChecked, stateOf } from './records.test-helper';
import { newDiagramOps } from './new-diagram';

describe('newDiagramOps', () => {
  const diagramsOf = (records: ReturnType<typeof stateOf>) =>
    [...records.values()].filter((r): r is Diagram => r.typeName === 'diagram');

  it('the first diagram is "Main diagram"; later ones are numbered and ordered after the last', () => {
    const records = stateOf([{ id: 'm', typeName: 'model', title: 'Empty' }]);
    const first = newDiagramOps(diagramsOf(records), 'd1');
    applyChecked(records, ...first.ops);
    expect(records.get('d1')).toMatchObject({ title: 'Main diagram', order: 0 });
    applyChecked(records, { type: 'patch', id: 'd1', fields: { order: 4 } });
    applyChecked(records, ...newDiagramOps(diagramsOf(records), 'd2').ops);
    expect(records.get('d2')).toMatchObject({ title: 'Diagram 2', order: 5 });
  });

  it('new ids differ between calls', () => {
    expect(newDiagramOps([]).id).not.toBe(newDiagramOps([]).id);
  });
});
