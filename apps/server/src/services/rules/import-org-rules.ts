import { parseRuleSet } from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db/open-database';

/**
 * Imports a rules file (`{ rules: [...] }`, what GET /api/rules/export
 * writes): all or nothing. A malformed file throws core's ValidationError with
 * JSON paths and changes nothing; valid rules replace same-id rules (keeping
 * their enabled switch) and add new ones enabled.
 */
export async function importOrgRules(options: {
  db: Db;
  userId: string;
  body: unknown;
}): Promise<{ created: number; updated: number }> {
  const rules = parseRuleSet(options.body);
  const existing = new Set(
    (
      await options.db.orgRule.findMany({
        where: { id: { in: rules.map((r) => r.id) } },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  await options.db.$transaction(
    rules.map((rule) => {
      const data = rule as unknown as Prisma.InputJsonValue;
      return options.db.orgRule.upsert({
        where: { id: rule.id },
        create: { id: rule.id, data, createdBy: options.userId },
        update: { data },
      });
    }),
  );
  return { created: rules.length - existing.size, updated: existing.size };
}
