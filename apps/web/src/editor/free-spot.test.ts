import { describe, expect, it } from 'vitest';
import { freeSpot, type Rect } from './free-spot';

const VIEW: Rect = { x: 0, y: 0, width: 1000, height: 600 };
const SIZE = { width: 100, height: 60 };

const box = (p: { x: number; y: number }, size = SIZE): Rect => ({ ...p, ...size });
const apart = (a: Rect, b: Rect, gap: number) =>
  a.x + a.width + gap <= b.x ||
  b.x + b.width + gap <= a.x ||
  a.y + a.height + gap <= b.y ||
  b.y + b.height + gap <= a.y;
const inside = (outer: Rect, r: Rect) =>
  r.x >= outer.x &&
  r.y >= outer.y &&
  r.x + r.width <= outer.x + outer.width &&
  r.y + r.height <= outer.y + outer.height;

describe('freeSpot', () => {
  it('centres the first element in the visible area', () => {
    expect(freeSpot(VIEW, SIZE, [])).toEqual({ x: 450, y: 270 });
    expect(freeSpot({ x: -300, y: 100, width: 600, height: 400 }, SIZE, [])).toEqual({
      x: -50,
      y: 270,
    });
  });

  it('puts the next one beside the last, not on top of it: the nearest free spot below', () => {
    // The centre is taken: moving down needs 60 + 20 gap (4 steps of 20), right needs 120 (6 steps).
    expect(freeSpot(VIEW, SIZE, [box({ x: 450, y: 270 })])).toEqual({ x: 450, y: 350 });
  });

  it('at equal distance, right comes before left', () => {
    const tall = { width: 100, height: 600 };
    // A column through the centre blocks up and down alike; right and left are equally near.
    expect(freeSpot(VIEW, SIZE, [box({ x: 450, y: 0 }, tall)])).toEqual({ x: 570, y: 270 });
  });

  it('elements added one after another never overlap each other and stay in view', () => {
    const placed: Rect[] = [];
    for (let n = 0; n < 20; n++) placed.push(box(freeSpot(VIEW, SIZE, placed)));
    for (const [i, a] of placed.entries()) {
      expect(inside(VIEW, a)).toBe(true);
      for (const b of placed.slice(i + 1)) expect(apart(a, b, 20)).toBe(true);
    }
  });

  it('ignores obstacles that do not touch the spot and keeps the gap to those that do', () => {
    const far = box({ x: 5000, y: 5000 });
    expect(freeSpot(VIEW, SIZE, [far])).toEqual({ x: 450, y: 270 });
    const near = box({ x: 450, y: 200 }, { width: 100, height: 50 });
    const spot = box(freeSpot(VIEW, SIZE, [near]));
    expect(apart(spot, near, 20)).toBe(true);
  });

  it('when the view is full, goes just outside it rather than on top of something', () => {
    const wall = { x: 0, y: 0, width: 1000, height: 600 };
    const spot = box(freeSpot(VIEW, SIZE, [wall]));
    expect(apart(spot, wall, 20)).toBe(true);
    expect(inside({ x: -1000, y: -600, width: 3000, height: 1800 }, spot)).toBe(true);
  });

  it('when everything near is full, centres it in the view', () => {
    const everything = { x: -10_000, y: -10_000, width: 20_000, height: 20_000 };
    expect(freeSpot(VIEW, SIZE, [everything])).toEqual({ x: 450, y: 270 });
  });

  it('lands on the grid, whatever the view', () => {
    const spot = freeSpot({ x: 3, y: 7, width: 997, height: 611 }, SIZE, [], { grid: 10 });
    expect(spot.x % 10).toBe(0);
    expect(spot.y % 10).toBe(0);
  });

  it('a zoomed-out view of a large diagram is searched at a coarser step, quickly', () => {
    const huge: Rect = { x: 0, y: 0, width: 200_000, height: 120_000 };
    const obstacles = Array.from({ length: 1000 }, (_, i) =>
      box({ x: (i % 40) * 5000, y: Math.floor(i / 40) * 4800 }),
    );
    const started = performance.now();
    const spot = box(freeSpot(huge, SIZE, obstacles));
    expect(performance.now() - started).toBeLessThan(500);
    for (const o of obstacles) expect(apart(spot, o, 20)).toBe(true);
  });
});
