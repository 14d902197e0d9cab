import type { Role } from '../model/keys';
import type { Op, RecordMap } from '../ops/ops';
import type { OpError } from '../ops/validate';

/**
 * Whether a member with `role` may apply `op` to `state` (already validated).
 * Owners and editors may change anything; viewers nothing; commenters only
 * their own comments: create them under their own id, edit or remove them.
 * Returns the refusal, or null when allowed.
 */
export function authorizeOp(options: {
  role: Role;
  actorId: string;
  op: Op;
  state: RecordMap;
}): OpError | null {
  const { role, actorId, op, state } = options;
  if (role === 'owner' || role === 'editor') return null;
  const forbidden = (message: string): OpError => ({ code: 'forbidden', message });
  if (role === 'viewer') return forbidden('viewers cannot change the model');
  const id = op.type === 'put' ? op.record.id : op.id;
  const existing = state.get(id);
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
      if ('authorId' in op.fields && op.fields.authorId !== actorId)
        return forbidden('a comment must be authored by its sender');
      return existing ? null : forbidden('commenters can only change their own comments');
    case 'remove':
      return existing ? null : forbidden('commenters can only change their own comments');
  }
}
