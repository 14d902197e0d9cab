import { describe, expect, it } from 'vitest';
import {
  ALL_CATEGORIES,
  CATEGORIES,
  METHODOLOGIES,
  SEVERITIES,
  THREAT_STATUSES,
} from '../model/keys';
import {
  fallbackCategory,
  parseDiagramType,
  parseThreatType,
  TD_DIAGRAM_TYPES,
  threatDragonTypeLabel,
} from './category-map';
import { parseSeverity, TD_SEVERITY } from './severity-map';
import { otmStatus, parseThreatStatus, STATUS_MAP, threatDragonStatus } from './status-map';

describe('status table (DESIGN.md "Status mapping")', () => {
  it('has one row per status key', () => {
    expect(STATUS_MAP.map((r) => r.key)).toEqual([...THREAT_STATUSES]);
  });

  it('reads every tool spelling in the table back to its key', () => {
    for (const row of STATUS_MAP) {
      for (const s of [
        row.td,
        row.tmt,
        row.threagile,
        row.otm,
        row.threatComposer,
        ...row.aliases,
      ]) {
        if (s !== null) expect(parseThreatStatus(s), s).toBe(row.key);
      }
    }
  });

  it('matches the design table cell by cell', () => {
    expect(parseThreatStatus('Needs Investigation')).toBe('open');
    expect(parseThreatStatus('in-discussion')).toBe('open');
    expect(parseThreatStatus('false-positive')).toBe('not-applicable');
    expect(parseThreatStatus('threatResolvedNotUseful')).toBe('not-applicable');
    expect(parseThreatStatus('exposed')).toBe('open');
    expect(parseThreatStatus('N/A')).toBe('not-applicable');
    expect(parseThreatStatus('NA')).toBe('not-applicable');
    expect(parseThreatStatus('not applicable')).toBe('not-applicable');
    expect(parseThreatStatus('whatever')).toBeUndefined();
  });

  it('writes Threat Dragon and OTM spellings that read back to the same key', () => {
    for (const key of THREAT_STATUSES) {
      expect(parseThreatStatus(threatDragonStatus(key))).toBe(key);
      expect(parseThreatStatus(otmStatus(key))).toBe(key);
    }
    expect(threatDragonStatus('not-applicable')).toBe('NotApplicable');
    expect(otmStatus('open')).toBe('exposed');
  });
});

describe('severity mapping', () => {
  it('maps Threat Dragon severities, TBA and empty to keys', () => {
    expect(['Critical', 'High', 'Medium', 'Low', 'TBA', ''].map(parseSeverity)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'tbd',
      'tbd',
    ]);
    expect(parseSeverity('Severe')).toBeUndefined();
  });
  it('round-trips every key', () => {
    for (const s of SEVERITIES) expect(parseSeverity(TD_SEVERITY[s])).toBe(s);
  });
});

describe('threat type labels', () => {
  it('writes and reads back every category of every methodology', () => {
    for (const m of METHODOLOGIES) {
      const cats = m === 'generic' ? ALL_CATEGORIES : CATEGORIES[m];
      for (const c of cats)
        expect(parseThreatType(threatDragonTypeLabel(c, m), m), `${m}/${c}`).toBe(c);
    }
  });

  it('reads translated labels', () => {
    expect(parseThreatType('Veröffentlichung von Informationen', 'stride')).toBe(
      'information-disclosure',
    );
    expect(parseThreatType('Vertraulichkeit', 'cia')).toBe('confidentiality');
    expect(parseThreatType('Déni de service', 'stride')).toBe('denial-of-service');
    expect(parseThreatType('Denegación de servicio', 'stride')).toBe('denial-of-service');
    expect(parseThreatType('Linkability', 'linddun')).toBe('linking');
    expect(parseThreatType('information-disclosure', 'stride')).toBe('information-disclosure');
    expect(parseThreatType('Ethics & Human Rights', 'plot4ai')).toBe('ethics-human-rights');
    expect(parseThreatType('信息泄露', 'stride')).toBe('information-disclosure');
    expect(parseThreatType('信息泄露', 'linddun')).toBe('data-disclosure');
    expect(parseThreatType('可用性', 'cia')).toBe('availability');
    expect(parseThreatType('なりすまし', 'stride')).toBe('spoofing');
    expect(parseThreatType('一時的', 'die')).toBe('ephemeral');
  });

  it('resolves a shared French label by methodology and falls back for unknown ones', () => {
    expect(parseThreatType("Divulgation d'information", 'stride')).toBe('information-disclosure');
    expect(parseThreatType("Divulgation d'information", 'linddun')).toBe('data-disclosure');
    expect(parseThreatType('Gremlins', 'stride')).toBeUndefined();
    expect(fallbackCategory('cia')).toBe('confidentiality');
    expect(fallbackCategory('generic')).toBe('spoofing');
  });

  it('maps diagram types both ways', () => {
    for (const m of METHODOLOGIES) expect(parseDiagramType(TD_DIAGRAM_TYPES[m])).toBe(m);
    expect(parseDiagramType('plot4ai')).toBe('plot4ai');
    expect(parseDiagramType('Unknown')).toBeUndefined();
  });
});
