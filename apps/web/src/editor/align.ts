import type { BoxElement, Op } from '@threatloom/core';

export const ALIGNMENTS = [
  { key: 'left', label: 'Align left' },
  { key: 'center', label: 'Align centres' },
  { key: 'right', label: 'Align right' },
  { key: 'top', label: 'Align top' },
  { key: 'middle', label: 'Align middles' },
  { key: 'bottom', label: 'Align bottom' },
] as const;
export type Alignment = (typeof ALIGNMENTS)[number]['key'];

/** Patches that line up the boxes' edges or centres with the first-most one. */
export function alignOps(boxes: readonly BoxElement[], how: Alignment): Op[] {
  if (boxes.length < 2) return [];
  const horizontal = how === 'left' || how === 'center' || how === 'right';
  const edge = (b: BoxElement) => {
    switch (how) {
      case 'left':
        return b.x;
      case 'center':
        return b.x + b.width / 2;
      case 'right':
        return b.x + b.width;
      case 'top':
        return b.y;
      case 'middle':
        return b.y + b.height / 2;
      case 'bottom':
        return b.y + b.height;
    }
  };
  const values = boxes.map(edge);
  const target =
    how === 'right' || how === 'bottom'
      ? Math.max(...values)
      : how === 'left' || how === 'top'
        ? Math.min(...values)
        : values.reduce((a, b) => a + b, 0) / values.length;
  const ops: Op[] = [];
  for (const b of boxes) {
    const shift = target - edge(b);
    if (Math.abs(shift) < 0.5) continue;
    ops.push({
      type: 'patch',
      id: b.id,
      fields: horizontal ? { x: Math.round(b.x + shift) } : { y: Math.round(b.y + shift) },
    });
  }
  return ops;
}
