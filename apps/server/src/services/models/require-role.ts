import { roleAtLeast, ZRole, type Role } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { forbidden, notFound } from '../app-error';

/**
 * The user's role on a model, if at least `min`. Someone with no role gets a
 * 404, exactly as for a model that does not exist, so ids do not leak; a
 * member whose role is too low gets a 403.
 */
export async function requireRole(options: {
  db: Db;
  modelId: string;
  userId: string;
  min: Role;
}): Promise<Role> {
  const { db, modelId, userId, min } = options;
  const membership = await db.membership.findUnique({
    where: { modelId_userId: { modelId, userId } },
    select: { role: true },
  });
  if (!membership) throw notFound();
  const role = ZRole.parse(membership.role);
  if (!roleAtLeast(role, min)) throw forbidden(`this needs the ${min} role; you are ${role}`);
  return role;
}
