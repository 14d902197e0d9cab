import { describe, expect, it } from 'vitest';
import { ValidationError, ZModelRecord, type ModelRecord, type Threat } from '@threatloom/core';
import { renderReportPdf } from '../src/index';
import { pageSizes, pdfText, savePdf, squash, words } from './poppler';
import { sampleModel } from './sample-model';

const threats = (records: ModelRecord[]) =>
  records.filter((r): r is Threat => r.typeName === 'threat');

async function render(records: ModelRecord[], options = {}): Promise<string> {
  return savePdf(await renderReportPdf(records, { date: '2026-11-23', ...options }));
}

// Real PDF rendering and poppler runs: seconds each on a busy shared machine.
describe('PDF report sections', { timeout: 60_000 }, () => {
  const records = sampleModel({ nodes: 9 });

  it('has a cover with title, people, date and review state, then contents and the four summary questions', async () => {
    const file = await render(records);
    const cover = pdfText(file, 1);
    for (const text of [
      'Sample web shop',
      'Alice Owner',
      'Rita Reviewer',
      'Bob, Carol',
      '23 Nov 2026',
      'In review 20 Nov 2026 by Rita Reviewer',
    ])
      expect(cover).toContain(text);
    expect(pdfText(file, 2)).toContain('Contents');
    const all = pdfText(file);
    for (const q of [
      'Executive summary',
      'What are we working on?',
      'What can go wrong?',
      'What are we going to do about it?',
      'Did we do a good job?',
      'Threats by severity',
      'Threats by status',
    ]) {
      expect(all).toContain(q);
    }
    expect(all).toContain('An online shop: browser, API, database.');
    expect(all).toContain('Diagram: Main flow');
    expect(all).toContain('Threats: Main flow');
  });

  it('lists every threat with its category, severity, status and mitigations', async () => {
    const file = await render(records);
    const text = squash(pdfText(file));
    for (const t of threats(records)) expect(text).toContain(squash(t.title));
    expect(text).toContain(squash('Spoofing · Severity: Critical · Status: Open · Score: 7.5'));
    expect(text).toContain(squash('[Proposed] Mitigation for threat 1'));
    expect(text).toContain(squash('[In progress] Mitigation for threat 2'));
  });

  it('prints "Page N of M" on every page and the contents point at the right pages', async () => {
    const file = await render(records);
    const pages = pageSizes(file).length;
    expect(pages).toBeGreaterThan(4);
    for (let p = 1; p <= pages; p++) expect(pdfText(file, p)).toContain(`Page ${p} of ${pages}`);
    const contents = pdfText(file, 2);
    for (const title of ['Executive summary', 'Diagram: Main flow', 'Threats: Main flow']) {
      const m = contents.match(new RegExp(`${title}\\s+(\\d+)`));
      expect(m, title).not.toBeNull();
      expect(pdfText(file, Number(m![1])).trimStart().startsWith(title)).toBe(true);
    }
  });

  it('spreads long contents over several pages, every entry pointing at its section and no page left blank', async () => {
    const many: ModelRecord[] = [
      ZModelRecord.parse({ id: 'm', typeName: 'model', title: 'Many diagrams' }),
    ];
    for (let i = 0; i < 45; i++) {
      const d = `d${String(i).padStart(2, '0')}`;
      many.push(ZModelRecord.parse({ id: d, typeName: 'diagram', title: `Area ${d}`, order: i }));
      many.push(
        ZModelRecord.parse({
          id: `${d}-p`,
          typeName: 'process',
          diagramId: d,
          name: `Service ${d}`,
        }),
      );
      many.push(
        ZModelRecord.parse({
          id: `${d}-t`,
          typeName: 'threat',
          diagramId: d,
          elementId: `${d}-p`,
          title: `Threat in ${d}`,
          category: 'spoofing',
        }),
      );
    }
    const file = await render(many);
    // pdftotext separates pages with form feeds.
    const pages = pdfText(file).split('\f');
    // Contents pages sit between the cover and the executive summary.
    const contents = pages.findIndex((p) => p.trimStart().startsWith('Executive summary')) - 1;
    expect(contents).toBe(3); // 91 entries: 38 under the heading, 40, 13
    const listed = [
      ...pages
        .slice(1, 1 + contents)
        .join('\n')
        .matchAll(/^\s*((?:Diagram|Threats): Area d\d+|Executive summary)\s+(\d+)\s*$/gm),
    ];
    expect(listed).toHaveLength(91);
    for (const [, title, page] of listed)
      expect(pages[Number(page) - 1]!.trimStart().startsWith(title!), title).toBe(true);
  });

  it('names each flow’s ends and each threat’s references', async () => {
    const withRefs = records.map((r) =>
      r.id === 'tf3'
        ? {
            ...r,
            references: [
              { kind: 'cwe', id: '345' },
              { kind: 'cwe', id: 'CWE-778' },
              { kind: 'oat', id: 'OAT-014' },
              { kind: 'capec', id: '94' },
              { kind: 'url', id: 'guide', url: 'https://example.test/guide' },
            ],
          }
        : r,
    ) as ModelRecord[];
    const text = pdfText(await render(withRefs));
    expect(text).toMatch(/Data flow: Flow Element 3\s+From Element 2 to Element 3/);
    // The kind is printed once (9.8: "CWE CWE-778" before).
    expect(text).toContain(
      'References: CWE-345, CWE-778, OAT-014, CAPEC-94, https://example.test/guide',
    );
    expect(text).not.toMatch(/CWE CWE|OAT OAT/);
  });

  it('shows the review state on the cover together with what is still open', async () => {
    const approved = records.map((r) =>
      r.typeName === 'model'
        ? { ...r, reviewState: 'approved', reviewedAt: '2026-11-30T14:05:00Z' }
        : r,
    ) as ModelRecord[];
    const open = threats(approved).filter((t) => t.status === 'open');
    const high = open.filter((t) => t.severity === 'high').length;
    const critical = open.filter((t) => t.severity === 'critical').length;
    expect(open.length).toBeGreaterThan(1);
    // A filter hiding the open threats must not make the cover look clean.
    const file = await render(approved, { statuses: ['mitigated'] });
    const line = `Approved 30 Nov 2026 by Rita Reviewer — ${open.length} threats still open, ${critical} critical, ${high} high`;
    expect(squash(pdfText(file, 1))).toContain(squash(line));
    expect(squash(pdfText(file, 3))).toContain(squash(line));
  });

  it('writes an element heading on one line across the text width, even when the name has line breaks', async () => {
    const name = 'Background\nWorker\nProcess';
    const broken = records.map((r) => (r.id === 'n1' ? { ...r, name } : r)) as ModelRecord[];
    const text = pdfText(await render(broken));
    expect(text).toMatch(/^Process: Background Worker Process$/m);
    // A long name fills the text width before it wraps (a line ends past three quarters of the page).
    const long = 'Customer facing order management back office service number one of many';
    const file = await render(
      records.map((r) => (r.id === 'n1' ? { ...r, name: long } : r)) as ModelRecord[],
    );
    const first = words(file).filter((w) => w.text === 'Customer' && w.page > 4);
    const line = words(file).filter((w) => w.page === first[0]!.page && w.yMin === first[0]!.yMin);
    expect(Math.max(...line.map((w) => w.xMax))).toBeGreaterThan(line[0]!.pageWidth * 0.75);
  });

  it('counts threats by severity and status in the summary', async () => {
    const file = await render(records);
    const summary = pdfText(file, 3);
    const count = (label: string) =>
      Number(summary.match(new RegExp(`^\\s*${label}\\s+(\\d+)\\s*$`, 'm'))?.[1]);
    const all = threats(records);
    expect(count('Critical')).toBe(all.filter((t) => t.severity === 'critical').length);
    expect(count('High')).toBe(all.filter((t) => t.severity === 'high').length);
    expect(count('Open')).toBe(all.filter((t) => t.status === 'open').length);
    expect(count('Mitigated')).toBe(all.filter((t) => t.status === 'mitigated').length);
    expect(summary).toContain(`${all.length} threats on`);
  });
});

describe('PDF report options', { timeout: 60_000 }, () => {
  const records = sampleModel({ nodes: 12 });
  const all = threats(records);
  const titleOf = (t: Threat) => squash(t.title);

  it('hides mitigated threats with showMitigated false', async () => {
    const text = squash(pdfText(await render(records, { showMitigated: false })));
    for (const t of all) expect(text.includes(titleOf(t)), t.title).toBe(t.status !== 'mitigated');
    expect(text).toContain('mitigatedthreatshidden');
  });

  it('filters by severity and by status', async () => {
    const bySeverity = squash(pdfText(await render(records, { severities: ['critical', 'high'] })));
    for (const t of all)
      expect(bySeverity.includes(titleOf(t)), t.title).toBe(
        t.severity === 'critical' || t.severity === 'high',
      );
    const byStatus = squash(pdfText(await render(records, { statuses: ['open', 'accepted'] })));
    for (const t of all)
      expect(byStatus.includes(titleOf(t)), t.title).toBe(
        t.status === 'open' || t.status === 'accepted',
      );
  });

  it('leaves out out-of-scope elements and their threats with showOutOfScope false, and shows the reason otherwise', async () => {
    const outOfScope = new Set(
      records.filter((r) => 'outOfScope' in r && r.outOfScope).map((r) => r.id),
    );
    expect(outOfScope.size).toBeGreaterThan(0);
    const hidden = squash(pdfText(await render(records, { showOutOfScope: false })));
    for (const t of all)
      expect(hidden.includes(titleOf(t)), t.title).toBe(!outOfScope.has(t.elementId));
    expect(pdfText(await render(records))).toContain('Out of scope: Run by a vendor');
  });

  it('lists elements without threats only with showEmpty, and properties only with showProperties', async () => {
    const plain = pdfText(await render(records));
    expect(plain).not.toContain('No threats listed.');
    expect(plain).not.toContain('Properties:');
    const full = pdfText(await render(records, { showEmpty: true, showProperties: true }));
    expect(full).toContain('No threats listed.');
    expect(full).toContain('Protocol: HTTPS');
    expect(full).toContain('Encrypted');
  });

  it('has no diagram pages with showDiagrams false but still every threat', async () => {
    const file = await render(records, { showDiagrams: false });
    const text = pdfText(file);
    expect(text).not.toContain('Diagram: Main flow');
    for (const t of all) expect(squash(text)).toContain(titleOf(t));
  });

  it('rejects invalid options with an error naming the option', async () => {
    await expect(renderReportPdf(records, { severities: ['urgent'] } as never)).rejects.toThrow(
      ValidationError,
    );
    await expect(renderReportPdf(records, { severities: ['urgent'] } as never)).rejects.toThrow(
      /severities/,
    );
    await expect(renderReportPdf(records, { showEmpty: 'yes' } as never)).rejects.toThrow(
      /showEmpty/,
    );
  });

  it('rejects a record set without a model record', async () => {
    await expect(renderReportPdf(records.filter((r) => r.typeName !== 'model'))).rejects.toThrow(
      /no model record/,
    );
  });
});
