import { ruleIssues, ZRule, type Rule } from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db/open-database';
import { AppError, invalid } from '../app-error';
import type { OrgRuleEntry } from './list-org-rules';

/**
 * Creates or replaces one organisation rule. The rule is validated by core
 * (same shape as the built-in packs; a built-in id is refused); when `id` is
 * given (PUT /api/rules/:id) it must match the rule's own id.
 */
export async function saveOrgRule(options: {
  db: Db;
  userId: string;
  rule: unknown;
  enabled?: boolean;
  id?: string;
}): Promise<OrgRuleEntry> {
  const issues = ruleIssues(options.rule);
  if (issues.length) throw invalid(issues.map((i) => ({ ...i, path: `rule.${i.path}` })));
  const rule: Rule = ZRule.parse(options.rule);
  if (options.id !== undefined && options.id !== rule.id)
    throw new AppError(
      'validation_failed',
      `rule.id: ${rule.id} does not match the id in the path (${options.id})`,
    );
  const data = rule as unknown as Prisma.InputJsonValue;
  const row = await options.db.orgRule.upsert({
    where: { id: rule.id },
    create: { id: rule.id, data, enabled: options.enabled ?? true, createdBy: options.userId },
    update: { data, ...(options.enabled === undefined ? {} : { enabled: options.enabled }) },
  });
  return { rule, enabled: row.enabled, updatedAt: row.updatedAt.toISOString() };
}
