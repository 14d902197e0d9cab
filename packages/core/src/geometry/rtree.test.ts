import { describe, expect, it } from 'vitest';
import { StaticRTree } from './rtree';
import type { Rect } from './shapes';

describe('geometry: StaticRTree', () => {
  it('finds exactly the rectangles meeting a query, as a linear scan does', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const entries = Array.from({ length: 1000 }, (_, i) => {
      const x = rnd() * 10_000;
      const y = rnd() * 10_000;
      return { rect: { minX: x, minY: y, maxX: x + rnd() * 800, maxY: y + rnd() * 800 }, value: i };
    });
    const tree = new StaticRTree(entries);
    const meets = (a: Rect, q: Rect) =>
      a.minX <= q.maxX && a.maxX >= q.minX && a.minY <= q.maxY && a.maxY >= q.minY;
    for (let k = 0; k < 200; k++) {
      const x = rnd() * 10_000;
      const y = rnd() * 10_000;
      const q = { minX: x, minY: y, maxX: x + rnd() * 500, maxY: y + rnd() * 500 };
      const found: number[] = [];
      tree.search(q, (v) => found.push(v));
      expect(found.sort((a, b) => a - b)).toEqual(
        entries.filter((e) => meets(e.rect, q)).map((e) => e.value),
      );
    }
  });

  it('collectAt finds exactly the rectangles containing a point', () => {
    let seed = 5;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const entries = Array.from({ length: 500 }, (_, i) => {
      const x = rnd() * 5_000;
      const y = rnd() * 5_000;
      return {
        rect: { minX: x, minY: y, maxX: x + rnd() * 1_500, maxY: y + rnd() * 1_500 },
        value: i,
      };
    });
    const tree = new StaticRTree(entries);
    for (let k = 0; k < 300; k++) {
      const x = rnd() * 6_000;
      const y = rnd() * 6_000;
      const found: number[] = [];
      tree.collectAt(x, y, found);
      const expected = entries
        .filter((e) => x >= e.rect.minX && x <= e.rect.maxX && y >= e.rect.minY && y <= e.rect.maxY)
        .map((e) => e.value);
      expect(found.sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('handles empty and single-entry trees', () => {
    const hits: string[] = [];
    new StaticRTree<string>([]).search({ minX: 0, minY: 0, maxX: 1, maxY: 1 }, (v) => hits.push(v));
    new StaticRTree([{ rect: { minX: 0, minY: 0, maxX: 1, maxY: 1 }, value: 'a' }]).search(
      { minX: 1, minY: 1, maxX: 2, maxY: 2 },
      (v) => hits.push(v),
    );
    expect(hits).toEqual(['a']);
  });
});
