import { applyOp, validateOp, type Op, type RecordMap } from '@threatloom/core';

/** Records as a test writes them: id, typeName and what matters; core fills the defaults. */
export type Sketch = { id: string; typeName: string } & Record<string, unknown>;

/** A record map built the way the sync engine builds one: each put validated by core, defaults filled. */
export function stateOf(sketches: readonly Sketch[]): RecordMap {
  const state: RecordMap = new Map();
  for (const record of sketches) applyChecked(state, { type: 'put', record } as Op);
  return state;
}

/** Applies ops as a replica would, failing the test on the first op core refuses. */
export function applyChecked(state: RecordMap, ...ops: Op[]): RecordMap {
  for (const op of ops) {
    const check = validateOp(state, op);
    if (!check.ok) throw new Error(`refused ${JSON.stringify(op)}: ${check.error.message}`);
    applyOp(state, check.op);
  }
  return state;
}

/** A model with one diagram `d`, ready for elements. */
export const MODEL_SKETCH: Sketch[] = [
  { id: 'm', typeName: 'model', title: 'Shop' },
  { id: 'd', typeName: 'diagram', title: 'Main', order: 0 },
];
