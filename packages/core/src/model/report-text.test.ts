import { describe, expect, it } from 'vitest';
import { countOf, referenceLabel } from './labels';
import { mitigationDetail } from './mitigation-detail';
import { ZThreat, ZThreatModelRecord, type Threat } from './records';
import { reviewSummary } from './review-summary';
import { formatDate, formatTimestamp } from './timestamps';

describe('referenceLabel', () => {
  it('names the kind once: ids that already carry it print alone', () => {
    expect(referenceLabel({ kind: 'cwe', id: 'CWE-778' })).toBe('CWE-778');
    expect(referenceLabel({ kind: 'oat', id: 'OAT-014' })).toBe('OAT-014');
    expect(referenceLabel({ kind: 'capec', id: 'capec-94' })).toBe('capec-94');
    expect(referenceLabel({ kind: 'plot4ai', id: 'PLOT4ai Safety' })).toBe('PLOT4ai Safety');
  });

  it('puts the kind in front of ids without it, with a hyphen for bare catalogue numbers', () => {
    expect(referenceLabel({ kind: 'cwe', id: '345' })).toBe('CWE-345');
    expect(referenceLabel({ kind: 'linddun', id: 'U' })).toBe('LINDDUN U');
    expect(referenceLabel({ kind: 'owasp', id: 'ML01:2023' })).toBe('OWASP ML01:2023');
    expect(referenceLabel({ kind: 'atlas', id: 'AML.T0043' })).toBe('ATLAS AML.T0043');
  });

  it('prints a URL reference as its address, or its id without one', () => {
    expect(referenceLabel({ kind: 'url', id: 'guide', url: 'https://example.test/g' })).toBe(
      'https://example.test/g',
    );
    expect(referenceLabel({ kind: 'url', id: 'guide' })).toBe('guide');
  });
});

describe('countOf', () => {
  it('uses the singular for exactly one', () => {
    expect(countOf(1, 'diagram')).toBe('1 diagram');
    expect(countOf(0, 'diagram')).toBe('0 diagrams');
    expect(countOf(2, 'entry', 'entries')).toBe('2 entries');
  });
});

describe('formatTimestamp and formatDate', () => {
  it('write UTC dates and times as people read them', () => {
    expect(formatTimestamp('2026-11-30T14:05:09.120Z')).toBe('30 Nov 2026, 14:05 UTC');
    expect(formatTimestamp('2026-01-02T23:30:00+02:00')).toBe('2 Jan 2026, 21:30 UTC');
    expect(formatTimestamp('2026-11-30')).toBe('30 Nov 2026');
    expect(formatDate('2026-11-30T23:59:00Z')).toBe('30 Nov 2026');
  });

  it('leave text that is not an ISO date as it is', () => {
    expect(formatTimestamp('last Tuesday')).toBe('last Tuesday');
    expect(formatDate('2026-13-45')).toBe('2026-13-45');
    expect(formatTimestamp('')).toBe('');
  });
});

describe('reviewSummary', () => {
  const threat = (i: number, status: string, severity: string): Threat =>
    ZThreat.parse({
      id: `t${i}`,
      typeName: 'threat',
      diagramId: 'd',
      elementId: 'e',
      category: 'spoofing',
      status,
      severity,
    });
  const threats = [
    threat(1, 'open', 'high'),
    threat(2, 'open', 'high'),
    threat(3, 'open', 'critical'),
    threat(4, 'open', 'low'),
    threat(5, 'mitigated', 'high'),
  ];

  it('shows an approval together with what is still open', () => {
    const model = ZThreatModelRecord.parse({
      id: 'm',
      typeName: 'model',
      title: 'M',
      reviewState: 'approved',
      reviewedBy: 'Rita <b>',
      reviewedAt: '2026-11-30T14:05:00Z',
    });
    expect(reviewSummary(model, threats)).toBe(
      'Approved 30 Nov 2026 by Rita <b> — 4 threats still open, 1 critical, 2 high',
    );
    expect(reviewSummary(model, threats, (s) => s.toUpperCase())).toContain('by RITA <B>');
  });

  it('says so when nothing is open, and leaves out who and when for a draft', () => {
    const model = ZThreatModelRecord.parse({
      id: 'm',
      typeName: 'model',
      title: 'M',
      reviewedBy: 'Old',
      reviewedAt: '2026-01-01',
    });
    expect(reviewSummary(model, threats.slice(4))).toBe('Draft — no open threats');
    expect(reviewSummary(model, threats.slice(3))).toBe('Draft — 1 threat open');
  });
});

describe('mitigationDetail', () => {
  it('gives what the description adds to the title, never the title again', () => {
    expect(mitigationDetail({ title: 'Encrypt', description: 'Use TLS 1.3' })).toBe('Use TLS 1.3');
    expect(mitigationDetail({ title: 'Restrict', description: 'Restrict' })).toBe('');
    expect(mitigationDetail({ title: 'Restrict', description: 'Restrict\n\nAlso MFA.' })).toBe(
      'Also MFA.',
    );
    expect(mitigationDetail({ title: '', description: 'Only text' })).toBe('');
  });
});
