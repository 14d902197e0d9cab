import { describe, expect, it } from 'vitest';
import { ValidationError } from '../model/errors';
import { parseRuleSet, ruleIssues } from './rule-set';

const orgRule = {
  id: 'acme.queue-forged',
  pack: 'acme',
  methodology: 'stride',
  category: 'spoofing',
  targets: ['store'],
  condition: { prop: 'name', contains: ['queue'] },
  title: 'Forged messages on the ACME bus',
  description: 'ACME policy 12: producers must sign messages.',
  mitigations: [
    { title: 'Sign messages', description: 'HMAC every message with a per-producer key.' },
  ],
  severity: 'high',
};

function issuesOf(input: unknown): string[] {
  try {
    parseRuleSet(input);
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('organisation rule sets', () => {
  it('reads { rules: [...] } with defaults filled in', () => {
    const [rule] = parseRuleSet({ rules: [orgRule] });
    expect(rule).toMatchObject({ id: 'acme.queue-forged', interaction: false, supersedes: [] });
  });

  it('names the JSON path of a malformed rule', () => {
    const bad = { ...orgRule, condition: { prop: 'colour', equals: 'red' } };
    expect(issuesOf({ rules: [orgRule, { ...bad, id: 'acme.two' }] })[0]).toMatch(
      /^rules\[1\]\.condition/,
    );
  });

  it('refuses a built-in id and a duplicate id', () => {
    expect(issuesOf({ rules: [{ ...orgRule, id: 'stride.process.spoofing' }] })).toEqual([
      "rules[0].id: rule id stride.process.spoofing is a built-in rule's",
    ]);
    expect(issuesOf({ rules: [orgRule, orgRule] })).toEqual([
      'rules[1].id: rule id acme.queue-forged appears twice',
    ]);
  });

  it('refuses a file that is not a rule set', () => {
    const [rootIssue, ...others] = issuesOf([orgRule]);
    expect(others).toEqual([]);
    expect(rootIssue).toMatch(/^: .*object/);
    expect(issuesOf({ rules: [orgRule], extra: 1 }).join()).toMatch(/extra/);
  });

  it('ruleIssues validates one rule as an editor types', () => {
    expect(ruleIssues(orgRule)).toEqual([]);
    expect(ruleIssues({ ...orgRule, severity: 'huge' }).map((i) => i.path)).toEqual(['severity']);
  });
});
