import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type Client } from './helpers/client';
import { startTestServer, type TestServer } from './helpers/test-server';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');

describe('GET /api/models/:id/export', () => {
  let t: TestServer;
  let c: Client;
  let id: string;
  beforeAll(async () => {
    t = await startTestServer('postgres');
    c = await signedIn(t.base);
    const json = JSON.parse(
      await readFile(path.join(fixtures, 'threat-dragon/demo/v2-threat-model.json'), 'utf8'),
    );
    const imported = await c.post('/api/models/import', json);
    expect(imported.status).toBe(201);
    id = imported.body.id;
  });
  afterAll(() => t?.stop());

  it('format=markdown embeds each diagram as an SVG data URI', async () => {
    const res = await c.get(`/api/models/${id}/export?format=markdown`);
    expect(res.status).toBe(200);
    const images = [
      ...res.text.matchAll(
        /^!\[Diagram: ([^\]]+)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)$/gm,
      ),
    ];
    expect(images.map((m) => m[1])).toEqual(['Main Request Data Flow']);
    const svg = Buffer.from(images[0]![2]!, 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('Message Queue');
    // The rest is ordinary Markdown: a renderer that allows data: images shows it.
    const md = new MarkdownIt();
    md.validateLink = () => true;
    expect(md.render(res.text)).toContain('<img src="data:image/svg+xml;base64,');
  });
});

describe('GET /api/models/:id/export/warnings', () => {
  let t: TestServer;
  let c: Client;
  let id: string;
  beforeAll(async () => {
    t = await startTestServer('postgres');
    c = await signedIn(t.base, 'Owner');
    const imported = await c.post('/api/models/import', {
      format: 'threatloom',
      version: 1,
      records: [
        { id: 'm1', typeName: 'model', title: 'Shop', tags: ['pci'] },
        { id: 'd1', typeName: 'diagram', title: 'Checkout' },
        { id: 'p1', typeName: 'process', diagramId: 'd1', name: 'Web app' },
        {
          id: 't1',
          typeName: 'threat',
          diagramId: 'd1',
          elementId: 'p1',
          category: 'spoofing',
          title: 'Fake session',
          number: 1,
        },
        { id: 'x1', typeName: 'mitigation', threatId: 't1', title: 'MFA', owner: 'Olga' },
        { id: 'c1', typeName: 'comment', targetId: 't1', body: 'Why?', authorName: 'Ana' },
      ],
    });
    expect(imported.status).toBe(201);
    id = imported.body.id;
  });
  afterAll(() => t?.stop());

  it('lists what a Threat Dragon export drops or keeps only as text, structured', async () => {
    const res = await c.get(`/api/models/${id}/export/warnings?format=threat-dragon`);
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('threat-dragon');
    expect(res.body.warnings).toEqual([
      {
        path: 'records[0].tags',
        message: 'model "Shop": tags not exported (Threat Dragon has no field for it)',
        recordId: 'm1',
        field: 'tags',
        kind: 'dropped',
      },
      expect.objectContaining({ recordId: 'x1', field: 'owner', kind: 'as-text' }),
      expect.objectContaining({ recordId: 'c1', field: null, kind: 'as-text' }),
    ]);
    // And the export itself carries what the warnings say is kept as text.
    const td = await c.get(`/api/models/${id}/export?format=threat-dragon`);
    const threat = td.body.detail.diagrams[0].cells.find((x: { id: string }) => x.id === 'p1').data
      .threats[0];
    expect(threat.mitigation).toBe('MFA\nOwner: Olga');
    expect(threat.description).toBe('Comments:\n- Ana: Why?');
  });

  it('has nothing to say for native, refuses unknown formats, and hides models from non-members', async () => {
    expect((await c.get(`/api/models/${id}/export/warnings?format=native`)).body).toEqual({
      format: 'native',
      warnings: [],
    });
    const bad = await c.get(`/api/models/${id}/export/warnings?format=yaml`);
    expect(bad.status).toBe(400);
    const stranger = await signedIn(t.base, 'Stranger');
    expect((await stranger.get(`/api/models/${id}/export/warnings?format=otm`)).status).toBe(404);
  });
});
