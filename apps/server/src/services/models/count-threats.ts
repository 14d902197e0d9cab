import { ZSeverity, type Role } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { Prisma } from '../../db/generated/client';
import { notFound } from '../app-error';
import { toSummary, type ModelRow, type ModelSummary } from './model-summary';

/** Open and mitigated threat counts by severity, as the `counts` column below yields them. */
export type ThreatCounts = { status: string; severity: string; n: number }[];

/**
 * The one way threats are counted: a `counts` column for a query whose models table is aliased
 * `m`. The model list, one model and a new model all select it, so they can never disagree,
 * and each stays one statement.
 */
export const threatCountsColumn = Prisma.sql`COALESCE((
    SELECT jsonb_agg(jsonb_build_object('status', c.status, 'severity', c.severity, 'n', c.n))
    FROM (
      SELECT r.status, r.severity, count(*)::int AS n FROM records r
      WHERE r.model_id = m.id AND r.type_name = 'threat' AND r.status IN ('open', 'mitigated')
      GROUP BY r.status, r.severity
    ) c
  ), '[]'::jsonb) AS counts`;

/** Adds a `counts` column's rows to a summary (PGlite hands jsonb back as text). */
export function addThreatCounts(
  summary: ModelSummary,
  counts: ThreatCounts | string,
): ModelSummary {
  const rows = typeof counts === 'string' ? (JSON.parse(counts) as ThreatCounts) : counts;
  for (const c of rows) {
    const severity = ZSeverity.safeParse(c.severity);
    if (!severity.success || (c.status !== 'open' && c.status !== 'mitigated')) continue;
    summary.threats[c.status][severity.data] += c.n;
    summary.threats[c.status].total += c.n;
  }
  return summary;
}

/**
 * The summary of one model, counts included, in one statement: what creating or importing a
 * model answers with.
 */
export async function summariseModel(options: {
  db: Db;
  modelId: string;
  role: Role;
}): Promise<ModelSummary> {
  const [row] = await options.db.$queryRaw<(ModelRow & { counts: ThreatCounts | string })[]>`
    SELECT m.id, m.title, m.seq, m.created_at AS "createdAt", m.updated_at AS "updatedAt",
      ${threatCountsColumn}
    FROM models m WHERE m.id = ${options.modelId}`;
  if (!row) throw notFound();
  return addThreatCounts(toSummary(row, options.role), row.counts);
}
