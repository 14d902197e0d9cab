import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn } from './helpers/client';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

const utf16 = (text: string) => Buffer.from(text, 'utf16le');
const nested = (depth: number) =>
  `{"format":"threatloom","version":1,"records":[],"pad":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/** 10.7: one input encoding (UTF-8 JSON), and every malformed body or URL is a 4xx with a stable code. */
describe.each(DB_KINDS)('one input encoding, malformed bodies and URLs on %s', (kind) => {
  let t: TestServer;
  let c: Client;
  let webDist: string;
  beforeAll(async () => {
    webDist = await mkdtemp(path.join(tmpdir(), 'tl-web-'));
    await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>Threatloom</title>');
    t = await startTestServer(kind, { webDist });
    c = await signedIn(t.base);
  });
  afterAll(async () => {
    await t?.stop();
    await rm(webDist, { recursive: true, force: true });
  });

  const counts = async () => ({
    models: await t.server.db.model.count(),
    library: await t.server.db.libraryEntry.count(),
  });

  it('refuses JSON in UTF-16 with 415 before the depth check could be skipped', async () => {
    const before = await counts();
    // 100,000 levels deep: the UTF-8 check refuses it as too_deep...
    const deep = nested(100_000);
    const asUtf8 = await c.request('POST', '/api/models/import', { raw: deep });
    expect(asUtf8.status).toBe(400);
    expect(asUtf8.body.error.code).toBe('too_deep');
    // ...and in UTF-16 the raw bytes hide the brackets from it: refused for its charset.
    const asUtf16 = await c.request('POST', '/api/models/import', {
      bytes: utf16(deep),
      headers: { 'content-type': 'application/json; charset=utf-16le' },
    });
    expect(asUtf16.status).toBe(415);
    expect(asUtf16.body).toEqual({
      error: {
        code: 'unsupported_charset',
        message: 'request bodies must be UTF-8 JSON, not utf-16le',
      },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a NUL character hidden in UTF-16 with 415 instead of a 500 from the database', async () => {
    const before = await counts();
    const entry = JSON.stringify({ title: 'a\u0000b', category: 'spoofing' });
    const asUtf8 = await c.request('POST', '/api/library', { raw: entry });
    expect(asUtf8.status).toBe(400);
    expect(asUtf8.body.error.code).toBe('invalid_text');
    for (const charset of ['utf-16le', 'UTF-16', 'latin1', 'utf8']) {
      const res = await c.request('POST', '/api/library', {
        bytes: charset.toLowerCase().startsWith('utf-16') ? utf16(entry) : Buffer.from(entry),
        headers: { 'content-type': `application/json; charset=${charset}` },
      });
      expect(res.status, charset).toBe(415);
      expect(res.body.error.code, charset).toBe('unsupported_charset');
    }
    expect(await counts()).toEqual(before);
    // UTF-8, said or not, is accepted.
    const ok = await c.request('POST', '/api/library', {
      raw: JSON.stringify({ title: 'Réplay ✓', category: 'spoofing' }),
      headers: { 'content-type': 'Application/JSON; Charset="UTF-8"' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe('Réplay ✓');
  });

  it('refuses bodies that are not JSON with 415 unsupported_media_type', async () => {
    const before = await counts();
    const body = JSON.stringify({ title: 'x' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await c.request('POST', '/api/models', {
        raw: body,
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(415);
      expect(res.body.error).toEqual({
        code: 'unsupported_media_type',
        message: `request bodies must be application/json, not ${type}`,
      });
    }
    // No Content-Type at all (fetch sends text/plain for a string; bytes carry none).
    const untyped = await fetch(`${t.base}/api/models`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(c)}` },
      body: new TextEncoder().encode(body),
    });
    expect(untyped.status).toBe(415);
    expect(((await untyped.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    );
    expect(await counts()).toEqual(before);
    // Writes without a body need no Content-Type.
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    c = await signedIn(t.base);
  });

  it('answers a broken gzip body with 400 malformed_body, accepts a good one, and limits the inflated size', async () => {
    const before = await counts();
    const garbage = await c.request('POST', '/api/models', {
      bytes: Buffer.from('this is not gzip at all'),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toEqual({
      error: {
        code: 'malformed_body',
        message: 'request body could not be read (broken compression or wrong length)',
      },
    });
    const whole = gzipSync(JSON.stringify({ title: 'zipped' }));
    const truncated = await c.request('POST', '/api/models', {
      bytes: whole.subarray(0, whole.length - 6),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.code).toBe('malformed_body');
    // 20 MB of spaces compress to about 20 kB: the 1 MB limit counts what it inflates to.
    const bomb = gzipSync(
      Buffer.concat([Buffer.from('{"title":"x"'), Buffer.alloc(20e6, 32), Buffer.from('}')]),
    );
    expect(bomb.length).toBeLessThan(100_000);
    const inflated = await c.request('POST', '/api/models', {
      bytes: bomb,
      headers: { 'content-encoding': 'gzip' },
    });
    expect(inflated.status).toBe(413);
    expect(inflated.body.error.code).toBe('payload_too_large');
    const unknown = await c.request('POST', '/api/models', {
      raw: '{"title":"x"}',
      headers: { 'content-encoding': 'compress' },
    });
    expect(unknown.status).toBe(415);
    expect(unknown.body.error.code).toBe('unsupported_encoding');
    expect(await counts()).toEqual(before);
    const ok = await c.request('POST', '/api/models', {
      bytes: whole,
      headers: { 'content-encoding': 'gzip' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe('zipped');
  });

  it('answers a malformed %-escape in the URL with 400 malformed_url', async () => {
    for (const url of ['/api/models/%E0%A4%A', '/api/models/%ZZ/threats', '/api/library/%C0']) {
      const res = await c.request(url.includes('library') ? 'DELETE' : 'GET', url);
      expect(res.status, url).toBe(400);
      expect(res.body, url).toEqual({
        error: { code: 'malformed_url', message: 'the URL holds a malformed %-escape' },
      });
    }
    // Outside the API (static files, SPA fallback) a bad escape is a client error too.
    const page = await fetch(`${t.base}/%E0%A4%A`);
    expect(page.status).toBeLessThan(500);
  });
});

async function tokenOf(c: Client): Promise<string> {
  const res = await c.post('/api/tokens', { name: 'encoding' });
  return res.body.token as string;
}
