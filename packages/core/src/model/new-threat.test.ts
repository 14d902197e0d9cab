import { describe, expect, it } from 'vitest';
import { newMitigation, newThreat, nextThreatNumber } from './new-threat';
import { ZMitigation, ZThreat, type ModelRecord } from './records';

describe('newThreat', () => {
  it('builds a threat the schema accepts unchanged, defaults filled', () => {
    const threat = newThreat({ id: 't1', diagramId: 'd', elementId: 'e', category: 'spoofing' });
    expect(ZThreat.parse(threat)).toEqual(threat);
    expect(threat).toMatchObject({ status: 'open', severity: 'tbd', ruleKey: null, number: 0 });
  });

  it('keeps the fields it is given', () => {
    const threat = newThreat({
      id: 't1',
      diagramId: 'd',
      elementId: 'e',
      category: 'tampering',
      number: 7,
      severity: 'high',
      references: [{ kind: 'cwe', id: 'CWE-89' }],
    });
    expect(threat).toMatchObject({ number: 7, severity: 'high', category: 'tampering' });
    expect(threat.references).toEqual([{ kind: 'cwe', id: 'CWE-89' }]);
  });
});

describe('newMitigation', () => {
  it('builds a proposed mitigation the schema accepts unchanged', () => {
    const m = newMitigation({ id: 'm1', threatId: 't1', title: 'Use TLS' });
    expect(ZMitigation.parse(m)).toEqual(m);
    expect(m.status).toBe('proposed');
  });
});

describe('nextThreatNumber', () => {
  it('is one more than the highest threat number, 1 for a model without threats', () => {
    const t = (id: string, number: number) =>
      newThreat({ id, diagramId: 'd', elementId: 'e', category: 'spoofing', number });
    expect(nextThreatNumber([])).toBe(1);
    const records: ModelRecord[] = [t('a', 3), t('b', 11), t('c', 5)];
    expect(nextThreatNumber(records)).toBe(12);
  });
});
