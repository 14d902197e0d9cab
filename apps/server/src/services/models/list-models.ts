import { ZRole } from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { countThreats } from './count-threats';
import { toSummary, type ModelSummary } from './model-summary';

/** Models the user is a member of, newest change first, with open and mitigated threat counts by severity. */
export async function listModels(options: { db: Db; userId: string }): Promise<ModelSummary[]> {
  const { db, userId } = options;
  const memberships = await db.membership.findMany({ where: { userId }, include: { model: true }, orderBy: { model: { updatedAt: 'desc' } } });
  return countThreats(db, memberships.map((m) => toSummary(m.model, ZRole.parse(m.role))));
}
