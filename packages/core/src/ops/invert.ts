import { cascadeOf } from '../model/integrity';
import { applyOp } from './apply';
import type { Op, RecordMap } from './ops';

/**
 * The ops that undo `op` when applied right after it to `state` (the state
 * *before* `op`). A put of a new record inverts to a remove; a put over an
 * existing record to a put of the old one; a patch to a patch of the old
 * values; a remove to puts of the record and its whole cascade, parents first.
 */
export function invertOp(state: RecordMap, op: Op): Op[] {
  switch (op.type) {
    case 'put': {
      const before = state.get(op.record.id);
      return before ? [{ type: 'put', record: before }] : [{ type: 'remove', id: op.record.id }];
    }
    case 'patch': {
      const before = state.get(op.id);
      if (!before) return [];
      const old: Record<string, unknown> = {};
      for (const key of Object.keys(op.fields)) old[key] = (before as Record<string, unknown>)[key];
      return [{ type: 'patch', id: op.id, fields: old }];
    }
    case 'remove': {
      const before = state.get(op.id);
      if (!before) return [];
      return [before, ...cascadeOf(op.id, state.values())].map((record) => ({
        type: 'put',
        record,
      }));
    }
  }
}

/**
 * Inverse of a sequence of ops, in the order to apply it. `state` is the state
 * before the ops and is left unchanged.
 */
export function invertOps(state: RecordMap, ops: readonly Op[]): Op[] {
  const scratch: RecordMap = new Map(state);
  const inverses: Op[][] = [];
  for (const op of ops) {
    inverses.push(invertOp(scratch, op));
    applyOp(scratch, op);
  }
  return inverses.reverse().flat();
}
