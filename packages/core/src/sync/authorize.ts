import type { Role } from '../model/keys';
import { roleAtLeast } from '../model/roles';
import type { Op, RecordMap } from '../ops/ops';
import type { OpError } from '../ops/validate';
import { COMMENT_AUTHOR_FIELDS } from './stamp';

/** Comment fields only its author may change (what it says, and where). */
const AUTHOR_ONLY_FIELDS = ['body', 'targetId', 'parentId'] as const;
/** Model fields that make or unmake a sign-off: owners only until review actions exist. */
const REVIEW_FIELDS = ['reviewState', 'reviewNote'] as const;

const forbidden = (message: string): OpError => ({ code: 'forbidden', message });

/**
 * Whether a member with `role` may apply `op` to `state` (validated, and
 * stamped by `stampOp`). Viewers change nothing; commenters only their own
 * comments: create them under their own id, edit or remove them (SYNC-AUTH-1/2).
 * For every role (SYNC-AUTH-7/8): a comment is authored by its sender, its
 * author fields never change, and only its author edits its body; only owners
 * change the model's review state and note. Returns the refusal, or null.
 */
export function authorizeOp(options: {
  role: Role;
  actorId: string;
  op: Op;
  state: RecordMap;
}): OpError | null {
  const { role, actorId, op, state } = options;
  if (!roleAtLeast(role, 'commenter')) return forbidden('viewers cannot change the model');
  const id = op.type === 'put' ? op.record.id : op.id;
  const existing = state.get(id);

  const authorship = commentRule(actorId, op, existing);
  if (authorship) return authorship;
  if (
    !roleAtLeast(role, 'owner') &&
    existing?.typeName === 'model' &&
    changesAny(op, existing, REVIEW_FIELDS)
  )
    return forbidden('only an owner changes the review state');
  if (roleAtLeast(role, 'editor')) return null;

  if (existing && (existing.typeName !== 'comment' || existing.authorId !== actorId)) {
    return forbidden('commenters can only change their own comments');
  }
  switch (op.type) {
    case 'put':
      if (op.record.typeName !== 'comment') return forbidden('commenters can only add comments');
      if (op.record.authorId !== actorId)
        return forbidden('a comment must be authored by its sender');
      return null;
    case 'patch':
    case 'remove':
      return existing ? null : forbidden('commenters can only change their own comments');
  }
}

type Existing = ReturnType<RecordMap['get']>;

/** The comment rules that hold for every role. */
function commentRule(actorId: string, op: Op, existing: Existing): OpError | null {
  if (op.type === 'put' && op.record.typeName === 'comment') {
    if (op.record.authorId && op.record.authorId !== actorId && !existing)
      return forbidden('a comment must be authored by its sender');
    if (existing?.typeName === 'comment' && existing.authorId !== actorId)
      return forbidden("only its author edits a comment's text");
    return null;
  }
  if (op.type !== 'patch' || existing?.typeName !== 'comment') return null;
  for (const field of COMMENT_AUTHOR_FIELDS)
    if (field in op.fields && op.fields[field] !== existing[field])
      return { code: 'immutable_field', message: `${field} is set by the server` };
  if (existing.authorId !== actorId && changesAny(op, existing, AUTHOR_ONLY_FIELDS))
    return forbidden("only its author edits a comment's text");
  return null;
}

/** Whether the op sets any of `fields` to a value other than the record's current one. */
function changesAny(op: Op, existing: NonNullable<Existing>, fields: readonly string[]): boolean {
  if (op.type === 'remove') return false;
  const next = (op.type === 'put' ? op.record : op.fields) as Record<string, unknown>;
  const now = existing as unknown as Record<string, unknown>;
  return fields.some((f) => f in next && next[f] !== now[f]);
}
