import type { z } from 'zod';
import { zodIssues, type Issue } from '../model/errors';
import { checkReferences } from '../model/integrity';
import { hasTooLongText } from '../model/limits';
import { RECORD_SCHEMAS, type ModelRecord } from '../model/records';
import { ZOp, type Op, type RecordMap } from './ops';

/** Why an op was refused. Codes are stable; messages are for people. */
export type OpErrorCode =
  | 'invalid_op'
  | 'not_found'
  | 'type_mismatch'
  | 'invariant'
  | 'immutable_field'
  | 'forbidden'
  /** The op would take the model past a count in its `ModelLimits`. */
  | 'model_too_large'
  /** A string is longer than its field allows (model/limits.ts). */
  | 'text_too_long';

export interface OpError {
  code: OpErrorCode;
  message: string;
  issues?: Issue[];
}

export type OpCheck = { ok: true; op: Op } | { ok: false; error: OpError };

const TEXT_TOO_LONG =
  'a text field is longer than it may be (see the issues for which and its maximum)';

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
  if (!parsed.success)
    return hasTooLongText(parsed.error)
      ? fail('text_too_long', TEXT_TOO_LONG, zodIssues(parsed.error))
      : fail('invalid_op', 'malformed op', zodIssues(parsed.error));
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
        return hasTooLongText(merged.error)
          ? fail('text_too_long', TEXT_TOO_LONG, zodIssues(merged.error, ['fields']))
          : fail(
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
