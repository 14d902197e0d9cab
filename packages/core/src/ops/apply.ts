import { cascadeOf } from '../model/integrity';
import type { ModelRecord } from '../model/records';
import type { Op, RecordMap } from './ops';

/**
 * Applies one op to `state` in place. Assumes the op was validated against this
 * state (see `validateOp`); a patch of a missing record or a remove of a
 * missing id is a no-op, which is what a replica wants when a remote remove
 * overtook its own edit. A remove takes its cascade with it (see `cascadeOf`).
 */
export function applyOp(state: RecordMap, op: Op): void {
  switch (op.type) {
    case 'put':
      state.set(op.record.id, op.record);
      break;
    case 'patch': {
      const existing = state.get(op.id);
      if (existing) state.set(op.id, { ...existing, ...op.fields } as ModelRecord);
      break;
    }
    case 'remove': {
      if (!state.has(op.id)) break;
      for (const r of cascadeOf(op.id, state.values())) state.delete(r.id);
      state.delete(op.id);
      break;
    }
  }
}

/** Applies ops in order. */
export function applyOps(state: RecordMap, ops: Iterable<Op>): void {
  for (const op of ops) applyOp(state, op);
}
