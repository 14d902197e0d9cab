import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ModelRecord } from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';

type Tx = Prisma.TransactionClient;

/** Rows read per statement by `readModelRecords`. */
export const READ_PAGE = 1_000;

/**
 * Every record of a model, `READ_PAGE` rows at a time in id order (the
 * primary key's order, so each page is an index range), with a turn of the
 * event loop between pages. One statement for 100,000 rows held the process
 * for about a second per read (with PGlite the query itself runs on this
 * thread). Run it inside a REPEATABLE READ transaction, or under the model's
 * row lock, for the pages to be one consistent snapshot.
 */
export async function readModelRecords(tx: Tx, modelId: string): Promise<ModelRecord[]> {
  const out: ModelRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const rows = await tx.record.findMany({
      where: { modelId, ...(after === undefined ? {} : { id: { gt: after } }) },
      orderBy: { id: 'asc' },
      take: READ_PAGE,
      select: { id: true, data: true },
    });
    for (const r of rows) out.push(r.data as unknown as ModelRecord);
    if (rows.length < READ_PAGE) return out;
    after = rows[rows.length - 1]!.id;
    await yieldToLoop();
  }
}
