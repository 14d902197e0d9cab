import { readdirSync } from 'node:fs';
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are inspected field by field */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newId } from '@threatloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open-database';
import { Client, signedIn } from './helpers/client';
import { modelWithFlow } from './helpers/fixtures';
import { DB_KINDS, freshPostgres, startTestServer, type TestServer } from './helpers/test-server';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');

describe.each(DB_KINDS)('hostile input, headers, formats and migrations on %s', (kind) => {
  let t: TestServer;
  let c: Client;
  let webDist: string;
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'tl-web-'));
    await writeFile(
      path.join(webDist, 'index.html'),
      '<!doctype html><title>Threatloom</title><div id="root"></div>',
    );
    t = await startTestServer(kind, { webDist });
    c = await signedIn(t.base);
  });
  afterAll(async () => {
    await t?.stop();
    await rm(webDist, { recursive: true, force: true });
  });

  const modelCount = () => t.server.db.model.count();

  it('rejects malformed JSON with 400 and writes nothing', async () => {
    const before = await modelCount();
    const res = await c.request('POST', '/api/models', { raw: '{"title": "x",' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'invalid_json', message: 'request body is not valid JSON' },
    });
    expect(await modelCount()).toBe(before);
  });

  it('rejects bodies over 1 MB with 413, and imports over 5 MB, writing nothing', async () => {
    const before = await modelCount();
    const big = await c.post('/api/models', { title: 'x', summary: 'a'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const huge = await c.request('POST', '/api/models/import', {
      raw: JSON.stringify({
        format: 'threatloom',
        version: 1,
        records: [],
        pad: 'a'.repeat(5_300_000),
      }),
    });
    expect(huge.status).toBe(413);
    // Only signed-in users may send 5 MB: an anonymous import is held to 1 MB.
    const anonymous = await new Client(t.base).request('POST', '/api/models/import', {
      raw: JSON.stringify({ pad: 'a'.repeat(2_000_000) }),
    });
    expect(anonymous.status).toBe(413);
    expect(await modelCount()).toBe(before);
  });

  it('accepts a 2 MB import (imports may be larger than other bodies)', async () => {
    const diagramId = newId();
    const records: object[] = [
      { id: newId(), typeName: 'model', title: 'Large' },
      { id: diagramId, typeName: 'diagram' },
    ];
    for (let i = 0; i < 4_000; i++)
      records.push({
        id: `p${i}`,
        typeName: 'process',
        diagramId,
        name: `process ${i}`,
        description: 'd'.repeat(400),
        x: i,
        y: i,
      });
    const raw = JSON.stringify({ format: 'threatloom', version: 1, records });
    expect(raw.length).toBeGreaterThan(1_500_000);
    const res = await c.request('POST', '/api/models/import', { raw });
    expect(res.status).toBe(201);
    expect(res.body.records).toBe(4_002);
  });

  it('rejects JSON nested deeper than 64 levels before any handler runs', async () => {
    const before = await modelCount();
    const deep = `{"title":"x","summary":${'['.repeat(100)}${']'.repeat(100)}}`;
    const res = await c.request('POST', '/api/models', { raw: deep });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('too_deep');
    // Brackets inside strings do not count.
    const inString = await c.post('/api/models', { title: '['.repeat(200) });
    expect(inString.status).toBe(201);
    expect(await modelCount()).toBe(before + 1);
  });

  it('stores SQL-injection and script strings verbatim and returns them JSON-encoded', async () => {
    const m = await modelWithFlow(c);
    const evil = [
      `'; DROP TABLE users; --`,
      `<script>alert("x")</script>`,
      `Robert'); DELETE FROM records;--`,
      `\u2028"\\u0000`,
    ];
    for (const name of evil) {
      const res = await c.patch(`/api/models/${m.id}/elements/${m.processId}`, {
        name,
        description: name,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const got = await c.get(`/api/models/${m.id}/elements/${m.processId}`);
      expect(got.body.name).toBe(name);
      // Served as JSON that browsers will not sniff into HTML: the markup is data, never a page.
      expect(got.headers.get('content-type')).toMatch(/^application\/json/);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // NUL cannot be stored by PostgreSQL: refused up front with a clear error, nothing changed.
    const nul = await c.patch(`/api/models/${m.id}/elements/${m.processId}`, { name: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('invalid_text');
    expect((await c.get(`/api/models/${m.id}/elements/${m.processId}`)).body.name).toBe(
      evil.at(-1),
    );
    const titled = await c.post('/api/models', { title: `x' OR '1'='1` });
    expect((await c.get(`/api/models/${titled.body.id}`)).body.model.title).toBe(`x' OR '1'='1`);
    expect(await t.server.db.user.count()).toBeGreaterThan(0);
    expect((await c.get(`/api/models/${encodeURIComponent(`' OR 1=1 --`)}`)).status).toBe(404);
  });

  it('answers every error in the error shape without internals', async () => {
    for (const res of [
      await c.get('/api/nope'),
      await c.get('/api/models/does-not-exist'),
      await c.post('/api/models', { title: 5 }),
      await new Client(t.base).get('/api/models'),
    ]) {
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(typeof res.body.error.code).toBe('string');
      expect(typeof res.body.error.message).toBe('string');
      expect(res.text).not.toMatch(/at .*\.ts:\d+|prisma|SELECT /i);
    }
  });

  it('serves a CSP the web app runs under, the SPA with fallback, health and OpenAPI', async () => {
    const page = await fetch(`${t.base}/models/abc`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain('img-src');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${t.base}/readyz`)).json()).toEqual({ status: 'ready' });
    const doc = (await (await fetch(`${t.base}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, any>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/models/{id}/members',
        '/api/models/import',
        '/api/models/{id}/elements/{recordId}',
      ]),
    );
    expect(
      doc.paths['/api/models/{id}/members'].post.requestBody.content['application/json'].schema
        .properties.role.enum,
    ).toEqual(['owner', 'editor', 'commenter', 'viewer']);
  });

  it('imports a Threat Dragon v2 model and exports it as Threat Dragon, OTM, Markdown and CSV', async () => {
    const json = JSON.parse(
      await readFile(path.join(fixtures, 'threat-dragon/demo/v2-threat-model.json'), 'utf8'),
    );
    const res = await c.post('/api/models/import', json);
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('threat-dragon-v2');
    expect(res.body.records).toBeGreaterThan(10);
    const list = await c.get('/api/models');
    const summary = list.body.models.find((m: { id: string }) => m.id === res.body.id);
    expect(summary.threats.open.total + summary.threats.mitigated.total).toBeGreaterThan(0);
    // The import's reply, the list and the model agree on the counts.
    expect(res.body.threats).toEqual(summary.threats);
    expect((await c.get(`/api/models/${res.body.id}`)).body.model.threats).toEqual(summary.threats);
    const td = await c.get(`/api/models/${res.body.id}/export?format=threat-dragon`);
    expect(td.status).toBe(200);
    expect(td.body.detail.diagrams.length).toBeGreaterThan(0);
    for (const [format, type] of [
      ['otm', /json/],
      ['markdown', /markdown/],
      ['csv', /csv/],
    ] as const) {
      const file = await c.get(`/api/models/${res.body.id}/export?format=${format}`);
      expect(file.status, format).toBe(200);
      expect(file.headers.get('content-type')).toMatch(type);
      expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
    }
    const garbage = await c.post('/api/models/import', { hello: 'world' });
    expect(garbage.status).toBe(400);
  });

  it('applies migrations once and is a no-op on restart', async () => {
    // Every migration directory in prisma/migrations, each applied exactly once.
    const migrations = readdirSync(new URL('../../../prisma/migrations/', import.meta.url)).filter(
      (d) => /^\d+_/.test(d),
    ).length;
    expect(migrations).toBeGreaterThanOrEqual(2);
    if (kind === 'postgres') {
      const { url, drop } = await freshPostgres();
      try {
        // Two processes starting together: the advisory lock serialises them.
        const [a, b] = await Promise.all([
          openDatabase({ databaseUrl: url }),
          openDatabase({ databaseUrl: url }),
        ]);
        expect([...a.applied, ...b.applied]).toHaveLength(migrations);
        const rows = await a.db.$queryRaw<
          { migration_name: string; finished_at: Date | null }[]
        >`SELECT migration_name, finished_at FROM _prisma_migrations`;
        expect(rows).toHaveLength(migrations);
        expect(rows.every((r) => r.finished_at !== null)).toBe(true);
        await Promise.all([a.close(), b.close()]);
        const again = await openDatabase({ databaseUrl: url });
        expect(again.applied).toEqual([]);
        await again.close();
      } finally {
        await drop();
      }
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'tl-pglite-'));
      try {
        const first = await openDatabase({ dataDir: dir });
        expect(first.applied.length).toBe(migrations);
        await first.db.user.create({
          data: { id: 'u', email: 'u@example.test', passwordHash: 'x' },
        });
        await first.close();
        const second = await openDatabase({ dataDir: dir });
        expect(second.applied).toEqual([]);
        expect(await second.db.user.count()).toBe(1);
        await second.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});
