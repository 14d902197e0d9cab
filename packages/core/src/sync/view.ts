import { cascadeOf } from '../model/integrity';
import type { ModelRecord } from '../model/records';
import { applyOp } from '../ops/apply';
import type { Op, RecordMap } from '../ops/ops';

/** Structural equality of JSON values (record fields are JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

/** Applies `op` to `state`, adding every id it creates, changes or removes (a remove's cascade included) to `changed`. */
export function applyTracked(state: RecordMap, op: Op, changed: Set<string>): void {
  if (op.type === 'remove') {
    if (state.has(op.id)) for (const r of cascadeOf(op.id, state.values())) changed.add(r.id);
    changed.add(op.id);
  } else changed.add(op.type === 'put' ? op.record.id : op.id);
  applyOp(state, op);
}

/**
 * Confirmed state with the pending ops replayed on top: what the user sees.
 * Records that come out equal to the previous view keep the previous object,
 * so the UI's identity checks (React memo, zustand selectors) skip them; the
 * ids whose record changed are added to `changed`.
 */
export function replayView(
  confirmed: RecordMap,
  pending: Iterable<Op>,
  previous: RecordMap,
  changed: Set<string>,
): RecordMap {
  const next: RecordMap = new Map(confirmed);
  for (const op of pending) applyOp(next, op);
  for (const [id, record] of next) {
    const before = previous.get(id);
    if (before === record) continue;
    if (before && sameValue(before, record)) next.set(id, before);
    else changed.add(id);
  }
  for (const id of previous.keys()) if (!next.has(id)) changed.add(id);
  return next;
}

/** Records of `state` at the given ids (undefined where absent). */
export function pick(
  state: RecordMap,
  ids: Iterable<string>,
): Map<string, ModelRecord | undefined> {
  const out = new Map<string, ModelRecord | undefined>();
  for (const id of ids) out.set(id, state.get(id));
  return out;
}
