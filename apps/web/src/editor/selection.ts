/** A React Flow `select` change, reduced to what selection needs. */
interface SelectChange {
  type: string;
  id?: string;
  selected?: boolean;
}

/**
 * The selection after React Flow's `select` changes (click, Shift+click, box
 * select, pane click), or null when they change nothing. The model store owns
 * the selection and React Flow only draws it: with two owners kept in step
 * by effects, each lagging the other by a render, a remount with a selection
 * made them overwrite each other for ever (issue 9.1, React error #185).
 */
export function selectionAfter(
  current: readonly string[],
  changes: readonly SelectChange[],
): string[] | null {
  const next = [...current];
  let changed = false;
  for (const c of changes) {
    if (c.type !== 'select' || c.id === undefined) continue;
    const at = next.indexOf(c.id);
    if (c.selected && at < 0) {
      next.push(c.id);
      changed = true;
    } else if (!c.selected && at >= 0) {
      next.splice(at, 1);
      changed = true;
    }
  }
  return changed ? next : null;
}
