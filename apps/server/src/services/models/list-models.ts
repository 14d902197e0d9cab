import { ZRole, ZSeverity } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { toSummary, type ModelSummary } from './model-summary';

interface Row {
  id: string;
  title: string;
  seq: number;
  createdAt: Date;
  updatedAt: Date;
  role: string;
  counts: { status: string; severity: string; n: number }[] | string;
}

/**
 * Models the user is a member of, newest change first, with open and
 * mitigated threat counts by severity: one statement (the list is the first
 * thing every visit loads).
 */
export async function listModels(options: { db: Db; userId: string }): Promise<ModelSummary[]> {
  const rows = await options.db.$queryRaw<Row[]>`
    SELECT m.id, m.title, m.seq, m.created_at AS "createdAt", m.updated_at AS "updatedAt", ms.role,
      COALESCE((
        SELECT jsonb_agg(jsonb_build_object('status', c.status, 'severity', c.severity, 'n', c.n))
        FROM (
          SELECT r.status, r.severity, count(*)::int AS n FROM records r
          WHERE r.model_id = m.id AND r.type_name = 'threat' AND r.status IN ('open', 'mitigated')
          GROUP BY r.status, r.severity
        ) c
      ), '[]'::jsonb) AS counts
    FROM memberships ms JOIN models m ON m.id = ms.model_id
    WHERE ms.user_id = ${options.userId}
    ORDER BY m.updated_at DESC, m.id`;
  return rows.map((row) => {
    const summary = toSummary(
      {
        ...row,
        seq: Number(row.seq),
        createdAt: new Date(row.createdAt),
        updatedAt: new Date(row.updatedAt),
      },
      ZRole.parse(row.role),
    );
    const counts =
      typeof row.counts === 'string'
        ? (JSON.parse(row.counts) as Exclude<Row['counts'], string>)
        : row.counts;
    for (const c of counts) {
      const severity = ZSeverity.safeParse(c.severity);
      if (!severity.success || (c.status !== 'open' && c.status !== 'mitigated')) continue;
      summary.threats[c.status][severity.data] += c.n;
      summary.threats[c.status].total += c.n;
    }
    return summary;
  });
}
