import type { Rect } from './shapes';

const NODE_SIZE = 16;

/**
 * A static, packed R-tree (Sort-Tile-Recursive bulk load) over rectangles,
 * each carrying a payload. Built once in O(n log n); a query visits only the
 * nodes whose bounds meet the search rectangle, so containment and crossing
 * checks stay near O(log n + hits) instead of comparing every pair.
 */
export class StaticRTree<T> {
  /** Levels from leaves (0) up to the root; each node is a bounding rect and its children's index range. */
  private readonly levels: { rect: Rect; start: number; end: number }[][] = [];
  private readonly items: { rect: Rect; value: T }[];

  constructor(entries: readonly { rect: Rect; value: T }[]) {
    this.items = sortTileRecursive([...entries]);
    let level = this.items.map((item, i) => ({ rect: item.rect, start: i, end: i + 1 }));
    this.levels.push(level);
    while (level.length > 1) {
      const parents: { rect: Rect; start: number; end: number }[] = [];
      for (let i = 0; i < level.length; i += NODE_SIZE) {
        const end = Math.min(i + NODE_SIZE, level.length);
        parents.push({ rect: unionOf(level, i, end), start: i, end });
      }
      this.levels.push(parents);
      level = parents;
    }
  }

  /** Calls `visit` with every payload whose rectangle meets `query` (edges touching count). */
  search(query: Rect, visit: (value: T, rect: Rect) => void): void {
    const top = this.levels.length - 1;
    if (top < 0 || this.items.length === 0) return;
    this.descend(top, 0, this.levels[top]!.length, query, visit);
  }

  private descend(levelIndex: number, start: number, end: number, q: Rect, visit: (value: T, rect: Rect) => void): void {
    const level = this.levels[levelIndex]!;
    for (let i = start; i < end; i++) {
      const node = level[i]!;
      if (!meets(node.rect, q)) continue;
      if (levelIndex === 0) {
        const item = this.items[i]!;
        visit(item.value, item.rect);
      } else this.descend(levelIndex - 1, node.start, node.end, q, visit);
    }
  }
}

function meets(a: Rect, b: Rect): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

function unionOf(nodes: readonly { rect: Rect }[], start: number, end: number): Rect {
  const r = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = start; i < end; i++) {
    const n = nodes[i]!.rect;
    if (n.minX < r.minX) r.minX = n.minX;
    if (n.minY < r.minY) r.minY = n.minY;
    if (n.maxX > r.maxX) r.maxX = n.maxX;
    if (n.maxY > r.maxY) r.maxY = n.maxY;
  }
  return r;
}

/** Orders entries so that each run of NODE_SIZE is spatially compact: vertical slices by x, then by y within a slice. */
function sortTileRecursive<T extends { rect: Rect }>(entries: T[]): T[] {
  const cx = (e: T) => e.rect.minX + e.rect.maxX;
  const cy = (e: T) => e.rect.minY + e.rect.maxY;
  entries.sort((a, b) => cx(a) - cx(b));
  const leaves = Math.ceil(entries.length / NODE_SIZE);
  const sliceSize = Math.ceil(Math.sqrt(leaves)) * NODE_SIZE;
  const out: T[] = [];
  for (let i = 0; i < entries.length; i += sliceSize) {
    const slice = entries.slice(i, i + sliceSize).sort((a, b) => cy(a) - cy(b));
    for (const e of slice) out.push(e);
  }
  return out;
}
