import type { Op } from '@threatloom/core';
import type { Db } from '../../db/open-database';

export interface HistoryEntry {
  seq: number;
  opId: string;
  actor: string;
  actorName: string;
  op: Op;
  createdAt: string;
}

/** A page of the op log after `after`, oldest first; `nextAfter` continues it (null at the end). */
export async function modelHistory(options: {
  db: Db;
  modelId: string;
  after: number;
  limit: number;
}): Promise<{ ops: HistoryEntry[]; nextAfter: number | null }> {
  const { db, modelId, after, limit } = options;
  const rows = await db.opLog.findMany({
    where: { modelId, seq: { gt: after } },
    orderBy: { seq: 'asc' },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(page.map((r) => r.actor))] } },
    select: { id: true, name: true, email: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name || u.email]));
  return {
    ops: page.map((r) => ({
      seq: r.seq,
      opId: r.opId,
      actor: r.actor,
      actorName: names.get(r.actor) ?? '',
      op: r.op as unknown as Op,
      createdAt: r.createdAt.toISOString(),
    })),
    nextAfter: rows.length > limit ? page[page.length - 1]!.seq : null,
  };
}
