import { describe, expect, it } from 'vitest';
import { analyseGeometry, checkDocument, isElement } from '../../packages/core/src/index';
import { syntheticModel } from './model';

describe('bench: synthetic engine model', () => {
  it('is a valid model of the requested size with boundaries, lines, flows and crossings', () => {
    const records = syntheticModel(1_000);
    expect(checkDocument(records)).toEqual([]);
    const elements = records.filter(isElement);
    expect(elements).toHaveLength(1_000);
    const count = (kind: string) => elements.filter((e) => e.typeName === kind).length;
    expect(count('flow')).toBe(400);
    expect(count('boundary')).toBe(80);
    expect(count('boundary-line')).toBe(20);
    const geometry = analyseGeometry(elements);
    expect(geometry.crossings.size).toBeGreaterThan(50);
    expect(geometry.containers.size).toBeGreaterThan(100);
    expect(syntheticModel(1_000)).toEqual(records);
  });
});
