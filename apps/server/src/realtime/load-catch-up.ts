import type { ModelRecord, Op, OpBroadcast } from '@threatloom/core';
import type { Db } from '../db/open-database';
import { notFound } from '../services/app-error';
import { readModelRecords } from '../services/ops/read-records';

export interface CatchUp {
  seq: number;
  snapshot?: { records: ModelRecord[] };
  ops?: OpBroadcast[];
}

/**
 * What a (re)joining client needs: the ops after `lastSeq` from the op log, or
 * the whole record set when it has no state, is more than `snapshotAfter` ops
 * behind, or claims a seq the model never reached (a restored database).
 * Read in one REPEATABLE READ transaction so the seq and the rows agree.
 */
export async function loadCatchUp(options: {
  db: Db;
  modelId: string;
  lastSeq?: number;
  snapshotAfter: number;
}): Promise<CatchUp> {
  const { db, modelId, lastSeq, snapshotAfter } = options;
  return db.$transaction(
    async (tx) => {
      const model = await tx.model.findUnique({ where: { id: modelId }, select: { seq: true } });
      if (!model) throw notFound();
      const seq = model.seq;
      if (lastSeq !== undefined && lastSeq <= seq && seq - lastSeq <= snapshotAfter) {
        const rows = await tx.opLog.findMany({
          where: { modelId, seq: { gt: lastSeq } },
          orderBy: { seq: 'asc' },
          select: { seq: true, opId: true, actor: true, op: true },
        });
        return {
          seq,
          ops: rows.map((r) => ({
            modelId,
            seq: r.seq,
            opId: r.opId,
            actor: r.actor,
            op: r.op as unknown as Op,
          })),
        };
      }
      // Read in pages with turns of the event loop between them: a large model's snapshot does not stall the process.
      return { seq, snapshot: { records: await readModelRecords(tx, modelId) } };
    },
    // Several joins of a large model queue for PGlite's one connection, and a paged read of one stretches under load: let them wait.
    { isolationLevel: 'RepeatableRead', maxWait: 60_000, timeout: 300_000 },
  );
}
