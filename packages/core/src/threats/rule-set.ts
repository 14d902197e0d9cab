import { z } from 'zod';
import { ValidationError, zodIssues, type Issue } from '../model/errors';
import { RULES } from './packs';
import { ZRule, type Rule } from './rule';

/**
 * A file of organisation rules, as an instance exports it and as
 * `threatloom generate --rules` reads it: `{ "rules": [ … ] }`, each entry a
 * rule in the built-in packs' shape.
 */
export const ZRuleSet = z
  .object({ rules: z.array(ZRule).max(5_000) })
  .strict()
  .superRefine((set, ctx) => {
    const builtIn = new Set(RULES.map((r) => r.id));
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (builtIn.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `rule id ${rule.id} is a built-in rule's`,
        });
      else if (seen.has(rule.id))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `rule id ${rule.id} appears twice`,
        });
      seen.add(rule.id);
    });
  });
export type RuleSet = z.infer<typeof ZRuleSet>;

/**
 * Parses an untrusted rules file. Throws a ValidationError whose issues name
 * the JSON path of each problem (`rules[3].condition`), so nothing half-valid
 * is ever used.
 */
export function parseRuleSet(input: unknown): Rule[] {
  const parsed = ZRuleSet.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data.rules;
}

/** The problems of one untrusted rule, `[]` when it is valid (for editors validating as the user types). */
export function ruleIssues(input: unknown): Issue[] {
  const parsed = ZRule.safeParse(input);
  if (!parsed.success) return zodIssues(parsed.error);
  if (RULES.some((r) => r.id === parsed.data.id))
    return [{ path: 'id', message: `rule id ${parsed.data.id} is a built-in rule's` }];
  return [];
}
