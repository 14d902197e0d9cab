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
