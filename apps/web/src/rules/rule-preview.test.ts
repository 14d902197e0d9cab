import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '@threatloom/core';
import { checkRuleText, previewRule } from './rule-preview';
import { rulesForModel } from './org-rules-store';

const rule = {
  id: 'org.payments-signed',
  pack: 'org',
  methodology: 'stride',
  category: 'tampering',
  targets: ['process'],
  condition: { prop: 'name', contains: ['payment'] },
  title: 'Payment services sign requests',
  description: 'Policy.',
  mitigations: [{ title: 'Sign', description: 'HMAC.' }],
  severity: 'high',
};

const records: ModelRecord[] = [
  { id: 'm', typeName: 'model', title: 'Shop' },
  { id: 'd', typeName: 'diagram' },
  { id: 'p1', typeName: 'process', diagramId: 'd', name: 'Payment gateway' },
  { id: 'p2', typeName: 'process', diagramId: 'd', name: 'Catalogue' },
  { id: 's1', typeName: 'store', diagramId: 'd', name: 'Payment ledger' },
].map((r) => ZModelRecord.parse(r));

describe('rule editor logic', () => {
  it('reports JSON and schema problems with their paths as the user types', () => {
    expect(checkRuleText('{"id": ')).toMatchObject({ ok: false });
    const bad = checkRuleText(JSON.stringify({ ...rule, targets: ['cloud'] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toMatch(/^targets/);
    const builtIn = checkRuleText(JSON.stringify({ ...rule, id: 'stride.process.spoofing' }));
    expect(builtIn).toMatchObject({ ok: false, issues: [{ path: 'id' }] });
    expect(checkRuleText(JSON.stringify(rule)).ok).toBe(true);
  });

  it('previews the elements a rule fires on: the payment process, not the store or the catalogue', () => {
    const checked = checkRuleText(JSON.stringify(rule));
    if (!checked.ok) throw new Error('rule should be valid');
    expect(previewRule(records, checked.rule)).toEqual([
      { elementId: 'p1', name: 'Payment gateway', typeName: 'process' },
    ]);
  });

  it('runs enabled rules a model has not switched off', () => {
    const checked = checkRuleText(JSON.stringify(rule));
    if (!checked.ok) throw new Error('rule should be valid');
    const other = { ...checked.rule, id: 'org.other' };
    const entries = [
      { rule: checked.rule, enabled: true, updatedAt: '' },
      { rule: other, enabled: false, updatedAt: '' },
    ];
    expect(rulesForModel(entries, []).map((r) => r.id)).toEqual(['org.payments-signed']);
    expect(rulesForModel(entries, ['org.payments-signed'])).toEqual([]);
  });
});
