import type { Rule } from '@threatloom/core';
import type { Db } from '../../db/open-database';

/** An organisation rule as the instance keeps it. */
export interface OrgRuleEntry {
  rule: Rule;
  /** Off: kept, but run nowhere. */
  enabled: boolean;
  updatedAt: string;
}

/** Every organisation rule, by id. Rules are stored already validated by core's `ZRule`. */
export async function listOrgRules(options: { db: Db }): Promise<OrgRuleEntry[]> {
  const rows = await options.db.orgRule.findMany({ orderBy: { id: 'asc' } });
  return rows.map((r) => ({
    rule: r.data as unknown as Rule,
    enabled: r.enabled,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The organisation rules a model runs: enabled ones its model record does not switch off. */
export async function orgRulesForModel(options: {
  db: Db;
  disabled: readonly string[];
}): Promise<Rule[]> {
  const off = new Set(options.disabled);
  const rows = await options.db.orgRule.findMany({
    where: { enabled: true },
    orderBy: { id: 'asc' },
    select: { id: true, data: true },
  });
  return rows.filter((r) => !off.has(r.id)).map((r) => r.data as unknown as Rule);
}
