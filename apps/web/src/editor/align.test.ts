import { describe, expect, it } from 'vitest';
import type { BoxElement } from '@threatloom/core';
import { alignOps } from './align';

const box = (id: string, x: number, y: number, width = 100, height = 50): BoxElement =>
  ({
    id,
    typeName: 'actor',
    diagramId: 'd',
    name: id,
    description: '',
    outOfScope: false,
    outOfScopeReason: '',
    handlesPII: false,
    isMLModel: false,
    isTrainingData: false,
    zIndex: 0,
    x,
    y,
    width,
    height,
    providesAuthentication: false,
  }) as BoxElement;

describe('alignOps', () => {
  it('lines up left edges on the leftmost box and leaves boxes already there alone', () => {
    expect(alignOps([box('a', 10, 0), box('b', 40, 100), box('c', 10, 200)], 'left')).toEqual([
      { type: 'patch', id: 'b', fields: { x: 10 } },
    ]);
  });
  it('lines up bottoms on the lowest bottom', () => {
    expect(alignOps([box('a', 0, 0, 100, 50), box('b', 0, 10, 100, 100)], 'bottom')).toEqual([
      { type: 'patch', id: 'a', fields: { y: 60 } },
    ]);
  });
  it('centres on the mean centre', () => {
    expect(alignOps([box('a', 0, 0), box('b', 100, 0)], 'center')).toEqual([
      { type: 'patch', id: 'a', fields: { x: 50 } },
      { type: 'patch', id: 'b', fields: { x: 50 } },
    ]);
  });
  it('needs two boxes', () => {
    expect(alignOps([box('a', 0, 0)], 'top')).toEqual([]);
  });
});
