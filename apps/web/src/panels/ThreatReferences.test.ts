import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ThreatReferences } from './ThreatReferences';

const html = (references: Parameters<typeof ThreatReferences>[0]['references']) =>
  renderToStaticMarkup(createElement(ThreatReferences, { references }));

describe('ThreatReferences', () => {
  it('names each reference kind once and links web addresses only', () => {
    const out = html([
      { kind: 'cwe', id: 'CWE-778', url: 'https://cwe.mitre.org/data/definitions/778.html' },
      { kind: 'oat', id: 'OAT-014', url: 'javascript:alert(1)' },
    ]);
    expect(out.replace(/<[^>]+>/g, '')).toBe('References: CWE-778, OAT-014');
    expect(out).toContain('href="https://cwe.mitre.org/data/definitions/778.html"');
    expect(out).not.toContain('javascript:');
  });

  it('renders nothing without references', () => {
    expect(html([])).toBe('');
  });
});
