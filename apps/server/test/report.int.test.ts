import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareWith, signedIn, type Client } from './helpers/client';
import { startTestServer, type TestServer } from './helpers/test-server';

/** Text of a PDF body, through poppler's pdftotext. */
async function pdfText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tl-report-api-')), 'r.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const model = {
  format: 'threatloom',
  version: 1,
  records: [
    { id: 'm1', typeName: 'model', title: 'Shop API', owner: 'Olga' },
    { id: 'd1', typeName: 'diagram', title: 'Checkout' },
    { id: 'a1', typeName: 'actor', diagramId: 'd1', name: 'Customer' },
    { id: 'p1', typeName: 'process', diagramId: 'd1', name: 'Web app', x: 300 },
    {
      id: 'f1',
      typeName: 'flow',
      diagramId: 'd1',
      sourceId: 'a1',
      targetId: 'p1',
      name: 'order',
      protocol: 'HTTPS',
    },
    {
      id: 't1',
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 'p1',
      category: 'spoofing',
      title: 'Fake session',
      status: 'mitigated',
      severity: 'low',
    },
    {
      id: 't2',
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 'f1',
      category: 'tampering',
      title: 'Order tampering',
      severity: 'critical',
    },
    {
      id: 'g1',
      typeName: 'mitigation',
      threatId: 't2',
      title: 'Sign orders',
      status: 'in-progress',
    },
  ],
};

/** A session's GET returning the raw response (the test client parses bodies as text). */
function getPdf(c: Client, url: string): Promise<Response> {
  return fetch(c.base + url, {
    headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
}

describe('GET /api/models/:id/report.pdf on postgres', () => {
  let t: TestServer;
  let owner: Client;
  let id: string;
  beforeAll(async () => {
    t = await startTestServer('postgres');
    owner = await signedIn(t.base);
    const imported = await owner.post('/api/models/import', model);
    expect(imported.status).toBe(201);
    id = imported.body.id;
  });
  afterAll(() => t?.stop());

  it('sends the PDF report as an attachment with every threat', async () => {
    const res = await getPdf(owner, `/api/models/${id}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Shop API report\.pdf"/,
    );
    const text = await pdfText(res);
    for (const s of [
      'Shop API',
      'Olga',
      'Executive summary',
      'Diagram: Checkout',
      'Fake session',
      'Order tampering',
      '[In progress] Sign orders',
    ])
      expect(text).toContain(s);
  });

  it('applies the options and filters from the query', async () => {
    const noMitigated = await pdfText(
      await getPdf(owner, `/api/models/${id}/report.pdf?mitigated=false&diagrams=false`),
    );
    expect(noMitigated).toContain('Order tampering');
    expect(noMitigated).not.toContain('Fake session');
    expect(noMitigated).not.toContain('Diagram: Checkout');
    const low = await pdfText(
      await getPdf(
        owner,
        `/api/models/${id}/report.pdf?severity=low,medium&empty=true&properties=1`,
      ),
    );
    expect(low).toContain('Fake session');
    expect(low).not.toContain('Order tampering');
    expect(low).toContain('Actor: Customer');
    expect(low).toContain('Protocol: HTTPS');
    const open = await pdfText(await getPdf(owner, `/api/models/${id}/report.pdf?status=open`));
    expect(open).toContain('Order tampering');
    expect(open).not.toContain('Fake session');
  });

  it('is described in the OpenAPI document with its query parameters', async () => {
    const doc = (await (await fetch(`${t.base}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { parameters: { name: string }[] } }>;
    };
    const params = doc.paths['/api/models/{id}/report.pdf']?.get?.parameters.map((p) => p.name);
    expect(params).toEqual([
      'id',
      'outOfScope',
      'mitigated',
      'empty',
      'properties',
      'diagrams',
      'severity',
      'status',
    ]);
  });

  it('rejects bad query values with a 400 naming the parameter', async () => {
    const bad = await owner.get(`/api/models/${id}/report.pdf?severity=high,urgent`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.issues[0].path).toBe('query.severity[1]');
    const flag = await owner.get(`/api/models/${id}/report.pdf?mitigated=maybe`);
    expect(flag.status).toBe(400);
    expect(flag.body.error.details.issues[0].path).toBe('query.mitigated');
    const unknown = await owner.get(`/api/models/${id}/report.pdf?colour=red`);
    expect(unknown.status).toBe(400);
  });

  it('serves viewers, hides the model from non-members and needs a session', async () => {
    const viewer = await signedIn(t.base);
    const stranger = await signedIn(t.base);
    await shareWith(owner, id, viewer, 'viewer');
    const asViewer = await getPdf(viewer, `/api/models/${id}/report.pdf`);
    expect(asViewer.status).toBe(200);
    expect(await pdfText(asViewer)).toContain('Order tampering');
    const asStranger = await stranger.get(`/api/models/${id}/report.pdf`);
    expect(asStranger.status).toBe(404);
    expect(asStranger.text).not.toContain('Shop API');
    expect((await fetch(`${t.base}/api/models/${id}/report.pdf`)).status).toBe(401);
  });
});
