import { ZRole, ZSeverity } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { toSummary, type ModelSummary } from './model-summary';

/** Models the user is a member of, newest change first, with open and mitigated threat counts by severity. */
export async function listModels(options: { db: Db; userId: string }): Promise<ModelSummary[]> {
  const { db, userId } = options;
  const memberships = await db.membership.findMany({ where: { userId }, include: { model: true }, orderBy: { model: { updatedAt: 'desc' } } });
  const summaries = memberships.map((m) => toSummary(m.model, ZRole.parse(m.role)));
  if (summaries.length === 0) return summaries;
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const counts = await db.record.groupBy({
    by: ['modelId', 'status', 'severity'],
    where: { modelId: { in: [...byId.keys()] }, typeName: 'threat', status: { in: ['open', 'mitigated'] } },
    _count: { _all: true },
  });
  for (const c of counts) {
    const summary = byId.get(c.modelId);
    const severity = ZSeverity.safeParse(c.severity);
    if (!summary || !severity.success || (c.status !== 'open' && c.status !== 'mitigated')) continue;
    summary.threats[c.status][severity.data] += c._count._all;
    summary.threats[c.status].total += c._count._all;
  }
  return summaries;
}
