/** An axis-aligned box in flow coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface FreeSpotOptions {
  /** Space kept between the new box and every obstacle. */
  gap?: number;
  /** Grid the candidate positions sit on (the editor's snap grid). */
  grid?: number;
}

/**
 * Where a new box of `size` goes: the top-left of the position nearest the
 * centre of `view` (the visible part of the canvas) where it overlaps no
 * obstacle. Positions inside the view come first; when the view is full the
 * search widens to three times its size, and when even that is full the box
 * is centred in the view. At equal distance, right comes before left and
 * below before above. Candidates sit on `grid`, about 60 per view width, so
 * the cost does not grow with the zoom.
 */
export function freeSpot(
  view: Rect,
  size: { width: number; height: number },
  obstacles: readonly Rect[],
  options: FreeSpotOptions = {},
): { x: number; y: number } {
  const gap = options.gap ?? 20;
  const grid = options.grid ?? 10;
  const step = Math.max(grid, Math.ceil(Math.max(view.width, view.height) / 60 / grid) * grid);
  const centred = {
    x: snap(view.x + (view.width - size.width) / 2, grid),
    y: snap(view.y + (view.height - size.height) / 2, grid),
  };
  const wide: Rect = {
    x: view.x - view.width,
    y: view.y - view.height,
    width: view.width * 3,
    height: view.height * 3,
  };
  // Only obstacles that can touch the searched area matter.
  const near = obstacles.filter((o) => overlaps(o, wide, gap + Math.max(size.width, size.height)));
  const free = (p: { x: number; y: number }) =>
    !near.some((o) => overlaps(o, { ...p, ...size }, gap));
  for (const area of [view, wide]) {
    const reach = Math.ceil(Math.max(area.width, area.height) / 2 / step);
    for (const [i, j] of offsetsWithin(reach)) {
      const p = { x: centred.x + i * step, y: centred.y + j * step };
      if (contains(area, { ...p, ...size }) && free(p)) return p;
    }
  }
  return centred;
}

const offsetCache = new Map<number, [number, number][]>();

/** Grid offsets up to `reach` steps, nearest first; at equal distance right before left, below before above. */
function offsetsWithin(reach: number): [number, number][] {
  let offsets = offsetCache.get(reach);
  if (!offsets) {
    offsets = [];
    for (let i = -reach; i <= reach; i++)
      for (let j = -reach; j <= reach; j++) offsets.push([i, j]);
    offsets.sort(
      ([ai, aj], [bi, bj]) => ai * ai + aj * aj - (bi * bi + bj * bj) || bi - ai || bj - aj,
    );
    offsetCache.set(reach, offsets);
  }
  return offsets;
}

const snap = (v: number, grid: number) => Math.round(v / grid) * grid;

/** Whether `a` and `b` come closer than `gap` (touching at exactly `gap` is fine). */
function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
