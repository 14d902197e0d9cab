import { describe, expect, it } from 'vitest';
import { toRecordMap, type ModelRecord } from '@threatloom/core';
import { copySelection, pasteOps } from './clipboard';

const base = {
  diagramId: 'd',
  description: '',
  outOfScope: false,
  outOfScopeReason: '',
  handlesPII: false,
  isMLModel: false,
  isTrainingData: false,
  zIndex: 0,
};
const records: ModelRecord[] = [
  { id: 'd', typeName: 'diagram', title: '', description: '', methodology: 'stride', order: 0 },
  {
    ...base,
    id: 'a',
    typeName: 'actor',
    name: 'A',
    x: 0,
    y: 0,
    width: 100,
    height: 50,
    providesAuthentication: false,
  },
  {
    ...base,
    id: 'b',
    typeName: 'actor',
    name: 'B',
    x: 200,
    y: 0,
    width: 100,
    height: 50,
    providesAuthentication: false,
  },
  {
    ...base,
    id: 'c',
    typeName: 'actor',
    name: 'C',
    x: 400,
    y: 0,
    width: 100,
    height: 50,
    providesAuthentication: false,
  },
  {
    ...base,
    id: 'ab',
    typeName: 'flow',
    name: 'a→b',
    sourceId: 'a',
    targetId: 'b',
    sourcePoint: null,
    targetPoint: null,
    waypoints: [],
    protocol: '',
    isEncrypted: false,
    isPublicNetwork: false,
    isBidirectional: false,
  },
  {
    ...base,
    id: 'bc',
    typeName: 'flow',
    name: 'b→c',
    sourceId: 'b',
    targetId: 'c',
    sourcePoint: null,
    targetPoint: null,
    waypoints: [],
    protocol: '',
    isEncrypted: false,
    isPublicNetwork: false,
    isBidirectional: false,
  },
];

describe('copy and paste', () => {
  it('copies the selected elements with the flows among them, and pastes them shifted with fresh ids and remapped ends', () => {
    expect(copySelection(toRecordMap(records), ['a', 'b'])).toBe(3);
    const { ops, ids } = pasteOps('d', 30);
    expect(ops).toHaveLength(3);
    const puts = ops.map((op) => (op.type === 'put' ? op.record : null));
    const flow = puts.find((r) => r?.typeName === 'flow');
    expect(flow).toMatchObject({ name: 'a→b' });
    expect(ids).toContain((flow as { sourceId: string }).sourceId);
    expect(ids).toContain((flow as { targetId: string }).targetId);
    expect(puts.find((r) => r?.typeName === 'actor' && r.name === 'A')).toMatchObject({
      x: 30,
      y: 30,
    });
    for (const id of ids) expect(['a', 'b', 'ab']).not.toContain(id);
  });
});
