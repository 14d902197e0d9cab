import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { ZModelRecord, type ModelRecord, type Threat } from '../../model/records';
import { exportMarkdown } from './export-markdown';
import { threatDragonFixtures } from '../../../../../test-support/fixtures.test-helper';
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
    expect(text).toContain('- Encrypt (Done): Use TLS 1.3');
  });

  it('renders every fixture with every threat title as typed', () => {
    for (const { name, json } of threatDragonFixtures()) {
      const rs = importThreatDragon(json).records;
      const out = md.render(exportMarkdown(rs));
      for (const r of rs) {
        const shown = r.typeName === 'threat' ? r.title : null;
        if (shown?.trim())
          expect(out, `${name}: ${shown}`).toContain(
            md.utils.escapeHtml(shown.replace(/\s+/g, ' ').trim()),
          );
      }
    }
  });
});

/** The first Threat Dragon fixture with threats, imported, with `edit` applied to its first threat. */
function fixtureWith(edit: (t: Threat) => Partial<Threat>): ModelRecord[] {
  for (const { json } of threatDragonFixtures()) {
    const rs = importThreatDragon(json).records;
    const i = rs.findIndex((r) => r.typeName === 'threat');
    if (i < 0) continue;
    const t = rs[i] as Threat;
    return rs.with(i, { ...t, ...edit(t) });
  }
  throw new Error('no fixture has threats');
}

/** The plain text of every cell of every table row markdown-it finds. */
function tableRows(markdown: string): string[][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  for (const tok of md.parse(markdown, {})) {
    if (tok.type === 'tr_open') row = [];
    else if (tok.type === 'tr_close' && row) rows.push(row);
    else if (tok.type === 'inline' && row) row.push(tok.children!.map((c) => c.content).join(''));
  }
  return rows;
}

describe('exportMarkdown on the Threat Dragon fixtures', () => {
  it('escapes only what would change meaning: "back-office." and "v1.2" stay as typed', () => {
    const rs = fixtureWith(() => ({
      title: 'Spoofing the back-office.',
      description:
        'Affects v1.2 of the back-office (snake_case_name).\n- a real bullet? no: literal',
    }));
    const text = exportMarkdown(rs);
    expect(text).toContain('Spoofing the back-office.');
    expect(text).toContain('Affects v1.2 of the back-office (snake_case_name).');
    expect(text).not.toMatch(/back\\-office|1\\\.2|snake\\_case/);
    const html = md.render(text);
    expect(html).toContain('<h4>1. Spoofing the back-office.</h4>');
    expect(html).toContain('<br>\n- a real bullet? no: literal');
    expect(html).not.toContain('<li>a real bullet');
  });

  it('a "|" in a title stays inside its table cell', () => {
    const rs = fixtureWith(() => ({ title: 'Read | write * confusion' }));
    const rows = tableRows(exportMarkdown(rs));
    const threatRows = rows.filter((r) => r.length === 5);
    expect(threatRows[0]).toEqual(['#', 'Threat', 'Element', 'Severity', 'Status']);
    const row = threatRows.find((r) => r[1]!.startsWith('Read'));
    expect(row?.[1]).toBe('Read | write * confusion');
    expect(row).toHaveLength(5);
  });

  it('counts in the right number: "1 diagram", "1 threat"', () => {
    const { json } = threatDragonFixtures().find(({ json }) => {
      const rs = importThreatDragon(json).records;
      return rs.filter((r) => r.typeName === 'diagram').length === 1;
    })!;
    const text = exportMarkdown(importThreatDragon(json).records);
    expect(text).toMatch(/\d+ threats? on 1 diagram\./);
    expect(text).not.toContain('1 diagrams');
    const one = fixtureWith(() => ({}));
    const single = one.filter(
      (r) => r.typeName !== 'threat' || r.id === one.find((x) => x.typeName === 'threat')!.id,
    );
    expect(exportMarkdown(single)).toMatch(/^1 threat on \d+ diagrams?\.$/m);
  });

  it('prints the review timestamp readably, in UTC', () => {
    const rs = fixtureWith(() => ({})).map((r) =>
      r.typeName === 'model'
        ? {
            ...r,
            reviewState: 'approved' as const,
            reviewedBy: 'Ana',
            reviewedAt: '2026-12-01T14:05:09.120Z',
          }
        : r,
    );
    const text = exportMarkdown(rs);
    expect(text).toContain('Review state: **Approved** by Ana on 1 Dec 2026, 14:05 UTC.');
    expect(text).not.toContain('2026-12-01T');
  });

  it('shows each diagram picture it is given, as an image markdown-it renders', () => {
    const rs = fixtureWith(() => ({}));
    const diagrams = rs.filter((r) => r.typeName === 'diagram');
    const images = Object.fromEntries(diagrams.map((d, i) => [d.id, `out diagram-${i + 1}.svg`]));
    const html = md.render(exportMarkdown(rs, { diagramImages: images }));
    for (const [i, d] of diagrams.entries())
      expect(html).toContain(
        `<img src="out%20diagram-${i + 1}.svg" alt="Diagram: ${md.utils.escapeHtml(d.title || 'Untitled diagram')}">`,
      );
    expect(md.render(exportMarkdown(rs))).not.toContain('<img');
  });
});
