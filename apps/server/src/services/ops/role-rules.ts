import { authorizeOp, type Op, type OpError, type RecordMap, type Role } from '@threatloom/core';

/**
 * What a member may change: core's `authorizeOp` (the same rules the reference
 * sync server and the client use), plus the server's one extra case, a user
 * who is not a member at all.
 */
export function checkRole(
  role: Role | undefined,
  op: Op,
  state: RecordMap,
  actor: string,
): OpError | undefined {
  if (!role) return { code: 'forbidden', message: 'not a member of this model' };
  return authorizeOp({ role, actorId: actor, op, state }) ?? undefined;
}
