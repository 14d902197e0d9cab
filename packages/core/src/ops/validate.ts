import type { z } from 'zod';
import { zodIssues, type Issue } from '../model/errors';
import { checkReferences } from '../model/integrity';
import { RECORD_SCHEMAS, type ModelRecord } from '../model/records';
import { ZOp, type Op, type RecordMap } from './ops';

/** Why an op was refused. Codes are stable; messages are for people. */
export type OpErrorCode =
  'invalid_op' | 'not_found' | 'type_mismatch' | 'invariant' | 'immutable_field' | 'forbidden';

export interface OpError {
  code: OpErrorCode;
  message: string;
  issues?: Issue[];
}

export type OpCheck = { ok: true; op: Op } | { ok: false; error: OpError };

const fail = (code: OpErrorCode, message: string, issues?: Issue[]): OpCheck => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/**
 * Checks an untrusted op against the current state: its shape, its record's
 * schema (for a patch, the record as it would be after the patch) and the
 * model's invariants (references exist, a flow's ends are in its diagram, one
 * model record). Returns the parsed op with schema defaults filled in.
 */
export function validateOp(state: RecordMap, input: unknown): OpCheck {
  const parsed = ZOp.safeParse(input);
  if (!parsed.success) return fail('invalid_op', 'malformed op', zodIssues(parsed.error));
  const op = parsed.data;
  switch (op.type) {
    case 'put': {
      const existing = state.get(op.record.id);
      if (existing && existing.typeName !== op.record.typeName) {
        return fail(
          'type_mismatch',
          `${op.record.id} is a ${existing.typeName}, not a ${op.record.typeName}`,
        );
      }
      if (op.record.typeName === 'model' && !existing) {
        for (const r of state.values())
          if (r.typeName === 'model')
            return fail('invariant', 'a threat model has exactly one model record');
      }
      return checked(op, op.record, state);
    }
    case 'patch': {
      const existing = state.get(op.id);
      if (!existing) return fail('not_found', `record ${op.id} does not exist`);
      if ('id' in op.fields || 'typeName' in op.fields)
        return fail('immutable_field', 'id and typeName cannot be patched');
      const schema: z.ZodType = RECORD_SCHEMAS[existing.typeName];
      const merged = schema.safeParse({ ...existing, ...op.fields });
      if (!merged.success)
        return fail(
          'invalid_op',
          'patch does not fit the record',
          zodIssues(merged.error, ['fields']),
        );
      return checked(op, merged.data as ModelRecord, state);
    }
    case 'remove': {
      const existing = state.get(op.id);
      if (!existing) return fail('not_found', `record ${op.id} does not exist`);
      if (existing.typeName === 'model')
        return fail('invariant', 'the model record cannot be removed');
      return { ok: true, op };
    }
  }
}

function checked(op: Op, record: ModelRecord, state: RecordMap): OpCheck {
  const issues = checkReferences(record, state);
  if (issues.length > 0) return fail('invariant', issues[0]!.message, issues);
  return { ok: true, op };
}
