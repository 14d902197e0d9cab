import { ZRole } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { addThreatCounts, threatCountsColumn, type ThreatCounts } from './count-threats';
import { toSummary, type ModelRow, type ModelSummary } from './model-summary';

type Row = ModelRow & { role: string; counts: ThreatCounts | string };

/**
 * Models the user is a member of, newest change first, with open and
 * mitigated threat counts by severity: one statement (the list is the first
 * thing every visit loads).
 */
export async function listModels(options: { db: Db; userId: string }): Promise<ModelSummary[]> {
  const rows = await options.db.$queryRaw<Row[]>`
    SELECT m.id, m.title, m.seq, m.created_at AS "createdAt", m.updated_at AS "updatedAt", ms.role,
      ${threatCountsColumn}
    FROM memberships ms JOIN models m ON m.id = ms.model_id
    WHERE ms.user_id = ${options.userId}
    ORDER BY m.updated_at DESC, m.id`;
  return rows.map((row) => addThreatCounts(toSummary(row, ZRole.parse(row.role)), row.counts));
}
