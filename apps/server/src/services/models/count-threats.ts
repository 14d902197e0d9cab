import { ZSeverity } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import type { ModelSummary } from './model-summary';

/** Fills each summary's open and mitigated threat counts by severity (one grouped query for all of them). */
export async function countThreats(db: Db, summaries: ModelSummary[]): Promise<ModelSummary[]> {
  if (summaries.length === 0) return summaries;
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const counts = await db.record.groupBy({
    by: ['modelId', 'status', 'severity'],
    where: {
      modelId: { in: [...byId.keys()] },
      typeName: 'threat',
      status: { in: ['open', 'mitigated'] },
    },
    _count: { _all: true },
  });
  for (const c of counts) {
    const summary = byId.get(c.modelId);
    const severity = ZSeverity.safeParse(c.severity);
    if (!summary || !severity.success || (c.status !== 'open' && c.status !== 'mitigated'))
      continue;
    summary.threats[c.status][severity.data] += c._count._all;
    summary.threats[c.status].total += c._count._all;
  }
  return summaries;
}
