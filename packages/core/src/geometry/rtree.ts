import type { Rect } from './shapes';

const NODE_SIZE = 16;

/**
 * A static, packed R-tree (Sort-Tile-Recursive bulk load) over rectangles,
 * each carrying a payload. Built once in O(n log n); a query visits only the
 * nodes whose bounds meet the search rectangle, so containment and crossing
 * checks stay near O(log n + hits) instead of comparing every pair.
 * Node bounds live in one flat Float64Array: queries run per element, and
 * flat numeric arrays keep them cheap.
 */
export class StaticRTree<T> {
  /** minX, minY, maxX, maxY per node: leaves (one per entry) first, then each upper level, root last. */
  private readonly bounds: Float64Array;
  /** For an inner node `n` (index >= leaf count): its children are nodes first[n - leaves] … end[n - leaves] - 1. */
  private readonly first: Uint32Array;
  private readonly end: Uint32Array;
  private readonly entries: { rect: Rect; value: T }[];

  constructor(entries: readonly { rect: Rect; value: T }[]) {
    this.entries = sortTileRecursive([...entries]);
    const leaves = this.entries.length;
    let total = leaves;
    for (let level = leaves; level > 1; level = Math.ceil(level / NODE_SIZE))
      total += Math.ceil(level / NODE_SIZE);
    this.bounds = new Float64Array(total * 4);
    this.first = new Uint32Array(total - leaves);
    this.end = new Uint32Array(total - leaves);
    this.entries.forEach(({ rect }, i) =>
      this.bounds.set([rect.minX, rect.minY, rect.maxX, rect.maxY], i * 4),
    );
    let levelStart = 0;
    let levelEnd = leaves;
    let next = leaves;
    while (levelEnd - levelStart > 1) {
      const parentsStart = next;
      for (let i = levelStart; i < levelEnd; i += NODE_SIZE) {
        const stop = Math.min(i + NODE_SIZE, levelEnd);
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity; // prettier-ignore
        for (let c = i; c < stop; c++) {
          const o = c * 4;
          minX = Math.min(minX, this.bounds[o]!);
          minY = Math.min(minY, this.bounds[o + 1]!);
          maxX = Math.max(maxX, this.bounds[o + 2]!);
          maxY = Math.max(maxY, this.bounds[o + 3]!);
        }
        this.bounds.set([minX, minY, maxX, maxY], next * 4);
        this.first[next - leaves] = i;
        this.end[next - leaves] = stop;
        next += 1;
      }
      levelStart = parentsStart;
      levelEnd = next;
    }
  }

  /**
   * Appends to `out` the payload of every rectangle containing the point (edges count).
   * The hot path of containment: no callback, no query object.
   */
  collectAt(x: number, y: number, out: T[]): void {
    const leaves = this.entries.length;
    if (leaves === 0) return;
    const b = this.bounds;
    const stack = [b.length / 4 - 1];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const o = node * 4;
      if (b[o]! > x || b[o + 1]! > y || b[o + 2]! < x || b[o + 3]! < y) continue;
      if (node < leaves) out.push(this.entries[node]!.value);
      else
        for (let c = this.first[node - leaves]!, stop = this.end[node - leaves]!; c < stop; c++)
          stack.push(c);
    }
  }

  /** Calls `visit` with every payload whose rectangle meets `query` (edges touching count). */
  search(query: Rect, visit: (value: T, rect: Rect) => void): void {
    const leaves = this.entries.length;
    if (leaves === 0) return;
    const b = this.bounds;
    const stack = [b.length / 4 - 1];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const o = node * 4;
      if (
        b[o]! > query.maxX ||
        b[o + 1]! > query.maxY ||
        b[o + 2]! < query.minX ||
        b[o + 3]! < query.minY
      )
        continue;
      if (node < leaves) {
        const entry = this.entries[node]!;
        visit(entry.value, entry.rect);
      } else {
        for (let c = this.first[node - leaves]!, stop = this.end[node - leaves]!; c < stop; c++)
          stack.push(c);
      }
    }
  }
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
