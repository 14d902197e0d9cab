import type { Db } from '../../db/open-database';
import type { NotifyAccess } from '../access/access-change';
import { defaultStateCache } from '../ops/commit-ops';

/**
 * Deletes a model with its records, op log and memberships (rows cascade);
 * every member's open sockets and dashboards lose it at once.
 */
export async function deleteModel(options: {
  db: Db;
  modelId: string;
  notify: NotifyAccess;
}): Promise<void> {
  const { db, modelId, notify } = options;
  const members = await db.$transaction(async (tx) => {
    const rows = await tx.membership.findMany({ where: { modelId }, select: { userId: true } });
    await tx.model.delete({ where: { id: modelId } });
    return rows;
  });
  defaultStateCache.drop(modelId);
  for (const { userId } of members) notify({ type: 'membership', modelId, userId, role: null });
}
