import {
  generateThreats,
  isElement,
  ruleIssues,
  type Issue,
  type ModelRecord,
  type Rule,
  ZRule,
} from '@threatloom/core';

/** What the rule editor shows for the text being typed. */
type RuleCheck = { ok: true; rule: Rule } | { ok: false; issues: Issue[] };

/** Parses and validates rule JSON text as the user types (core's ZRule, built-in ids refused). */
export function checkRuleText(text: string): RuleCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }],
    };
  }
  const issues = ruleIssues(json);
  if (issues.length) return { ok: false, issues };
  return { ok: true, rule: ZRule.parse(json) };
}

/** The elements of a model the rule fires on, with names, in the engine's order. */
export function previewRule(
  records: readonly ModelRecord[],
  rule: Rule,
): { elementId: string; name: string; typeName: string }[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const out: { elementId: string; name: string; typeName: string }[] = [];
  for (const s of generateThreats(records, { extraRules: [rule] })) {
    if (s.ruleId !== rule.id || seen.has(s.elementId)) continue;
    seen.add(s.elementId);
    const el = byId.get(s.elementId);
    out.push({
      elementId: s.elementId,
      name: el && isElement(el) ? el.name || '(unnamed)' : s.elementId,
      typeName: el?.typeName ?? '',
    });
  }
  return out;
}
