import { describe, expect, it } from 'vitest';
import { frameStats } from './frames';
import { benchDocument } from './diagram';
import { parseNativeDocument } from '../../packages/core/src/index';

describe('canvas benchmark helpers', () => {
  it('computes median and p95 of frame deltas', () => {
    const deltas = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(frameStats(deltas)).toEqual({ median: 51, p95: 96 });
  });
  it('refuses an empty recording', () => {
    expect(() => frameStats([])).toThrow('no frames');
  });
  it('builds a valid native document of exactly the requested elements', () => {
    const doc = parseNativeDocument(JSON.parse(JSON.stringify(benchDocument(600, 400))));
    const elements = doc.records.filter((r) => !['model', 'diagram'].includes(r.typeName));
    expect(elements).toHaveLength(1000);
    expect(elements.filter((r) => r.typeName === 'flow')).toHaveLength(400);
  });
});
