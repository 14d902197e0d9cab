import type { ModelRecord } from '../model/records';
import { applyOp } from '../ops/apply';
import { invertOps } from '../ops/invert';
import type { Op, RecordMap } from '../ops/ops';
import { validateOp } from '../ops/validate';
import { pick, sameValue } from './view';

/** One step of a user's undo (or redo) history. */
export interface UndoEntry {
  /** Ops that revert the edit, computed against the state before it. */
  inverse: Op[];
  /** Every record the edit touched, as the edit left it (undefined: it removed it). */
  after: Map<string, ModelRecord | undefined>;
}

/** The history entry of an edit: `before` is the view before `ops`, `after` the view after; `touched` the ids they changed. */
export function undoEntryFor(
  before: RecordMap,
  ops: readonly Op[],
  after: RecordMap,
  touched: Iterable<string>,
): UndoEntry {
  return { inverse: invertOps(before, ops), after: pick(after, touched) };
}

/**
 * The ops that undo `entry` now, on `view`: only what still looks as the edit
 * left it is reverted, so another user's later change of a field is never
 * undone; a record another user removed is not brought back; every op is
 * validated in sequence and one that no longer fits (say, a flow whose end was
 * removed) is skipped. Empty when nothing is left to undo.
 */
export function resolveUndo(entry: UndoEntry, view: RecordMap): Op[] {
  const scratch: RecordMap = new Map(view);
  const out: Op[] = [];
  for (const inverse of entry.inverse) {
    const candidate = adapt(inverse, scratch, entry.after);
    if (!candidate) continue;
    const check = validateOp(scratch, candidate);
    if (!check.ok) continue;
    applyOp(scratch, check.op);
    out.push(check.op);
  }
  return out;
}

function adapt(inverse: Op, state: RecordMap, after: UndoEntry['after']): Op | null {
  switch (inverse.type) {
    case 'remove':
      // Undo of a creation: only if the record is still there.
      return state.has(inverse.id) ? inverse : null;
    case 'patch': {
      const current = state.get(inverse.id);
      const mine = after.get(inverse.id);
      if (!current || !mine) return null;
      const fields = revertible(Object.entries(inverse.fields), current, mine);
      return fields ? { type: 'patch', id: inverse.id, fields } : null;
    }
    case 'put': {
      const id = inverse.record.id;
      const current = state.get(id);
      const mine = after.get(id);
      // The edit removed it and it is still gone: restore it.
      if (!current) return mine === undefined ? inverse : null;
      // The edit replaced it: revert, field by field, what nobody changed since.
      if (!mine) return null;
      const changedByEdit = Object.entries(inverse.record).filter(
        ([k, v]) =>
          k !== 'id' && k !== 'typeName' && !sameValue((current as Record<string, unknown>)[k], v),
      );
      const fields = revertible(changedByEdit, current, mine);
      return fields ? { type: 'patch', id, fields } : null;
    }
  }
}

/** The old values of the fields that still hold what the edit set. */
function revertible(
  old: [string, unknown][],
  current: ModelRecord,
  mine: ModelRecord,
): Record<string, unknown> | null {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of old) {
    if (sameValue((current as Record<string, unknown>)[k], (mine as Record<string, unknown>)[k]))
      fields[k] = v;
  }
  return Object.keys(fields).length > 0 ? fields : null;
}
