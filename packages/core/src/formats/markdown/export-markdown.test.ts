import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord } from '../../model/records';
import { exportMarkdown } from './export-markdown';
import { threatDragonFixtures } from '../../../test/fixtures.test-helper';
import { importThreatDragon } from '../threat-dragon/import-threat-dragon';

// html: true is the hostile setting: raw HTML in the output would pass through.
const md = new MarkdownIt({ html: true, linkify: true });

const evil = '<script>alert(1)</script> [click](javascript:alert(1)) | pipe | **bold** `code`';
const records = [
  ZModelRecord.parse({
    id: 'm',
    typeName: 'model',
    title: `# ${evil}`,
    summary: '# not a heading\n- not a list\n1. not a list\n<img src=x onerror=alert(1)>',
    contributors: ['Ana', 'مريم 👩‍💻'],
  }),
  ZModelRecord.parse({ id: 'd', typeName: 'diagram', title: 'Main\n# injected heading' }),
  ZModelRecord.parse({ id: 'p', typeName: 'process', diagramId: 'd', name: evil }),
  ZModelRecord.parse({
    id: 't1',
    typeName: 'threat',
    diagramId: 'd',
    elementId: 'p',
    number: 1,
    title: 'x\n## fake section',
    category: 'spoofing',
    severity: 'critical',
    status: 'open',
  }),
  ZModelRecord.parse({
    id: 't2',
    typeName: 'threat',
    diagramId: 'd',
    elementId: 'p',
    number: 2,
    title: 'Leak',
    category: 'information-disclosure',
    severity: 'low',
    status: 'mitigated',
  }),
  ZModelRecord.parse({
    id: 'm1',
    typeName: 'mitigation',
    threatId: 't2',
    title: 'Encrypt',
    description: 'Use TLS 1.3',
    status: 'done',
  }),
] as ModelRecord[];

describe('exportMarkdown', () => {
  const text = exportMarkdown(records);
  const html = md.render(text);

  it('answers the four questions and counts threats by status and severity', () => {
    for (const q of [
      'What are we working on?',
      'What can go wrong?',
      'What are we going to do about it?',
      'Did we do a good enough job?',
    ])
      expect(text).toContain(`## ${q}`);
    expect(text).toContain('| Open | 1 |');
    expect(text).toContain('| Mitigated | 1 |');
    expect(text).toContain('| Critical | 1 |');
    expect(text).toContain('| Low | 1 |');
    expect(text).toContain('| Done | 1 |');
  });

  it('escapes hostile names: no HTML, links, extra headings or list items get through', () => {
    expect(html).not.toMatch(/<script|<img|<a |<strong>bold|<code>/);
    const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\d>/g)].map((m) => m[1]);
    // Title, 4 questions, 1 diagram, 1 element, 2 threats: nothing injected.
    expect(headings).toEqual(['1', '2', '2', '2', '2', '2', '3', '4', '4']);
    expect(html).not.toMatch(/<li>not a list/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('مريم 👩‍💻');
  });

  it('lists each element with its threats and mitigations', () => {
    expect(html).toMatch(/<h4>1\. x ## fake section<\/h4>/);
    expect(html).toMatch(/<h4>2\. Leak<\/h4>/);
    expect(text).toMatch(/- Encrypt \(Done\): Use TLS 1\\\.3/);
  });

  it('renders every fixture with every threat title', () => {
    for (const { json } of threatDragonFixtures()) {
      const rs = importThreatDragon(json).records;
      const out = md.render(exportMarkdown(rs));
      const titles = rs.flatMap((r) => (r.typeName === 'threat' ? [r.title] : []));
      for (const t of titles)
        expect(out).toContain(
          md.utils
            .escapeHtml(t.replace(/\s+/g, ' ').trim())
            .slice(0, 20)
            .split(/[\\`*_{}[\]()#+\-!|~=.:]/)[0]!,
        );
    }
  });
});
