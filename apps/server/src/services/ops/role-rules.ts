import type { Op, OpError, RecordMap, Role } from '@threatloom/core';

/**
 * What a role may change. Owners and editors change anything; commenters add
 * comments and edit or delete their own; viewers change nothing.
 */
export function checkRole(role: Role | undefined, op: Op, state: RecordMap, actor: string): OpError | undefined {
  if (role === 'owner' || role === 'editor') return undefined;
  if (role === 'commenter') {
    const id = op.type === 'put' ? op.record.id : op.id;
    const existing = state.get(id);
    const isComment = op.type === 'put' ? op.record.typeName === 'comment' && (!existing || existing.typeName === 'comment') : existing?.typeName === 'comment';
    if (!isComment) return { code: 'forbidden', message: 'commenters can only change comments' };
    if (existing?.typeName === 'comment' && existing.authorId !== actor) return { code: 'forbidden', message: "commenters cannot change other people's comments" };
    if (op.type === 'put' && op.record.typeName === 'comment' && op.record.authorId !== actor) return { code: 'forbidden', message: 'a comment must be authored by its sender' };
    return undefined;
  }
  return { code: 'forbidden', message: role === 'viewer' ? 'viewers cannot change a model' : 'not a member of this model' };
}
