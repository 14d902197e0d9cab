/* eslint-disable @typescript-eslint/no-explicit-any -- replies are inspected field by field */
import http from 'node:http';
import type { ModelRecord } from '@threatloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../src/services/models/create-model';
import { signedIn, type Client } from './helpers/client';
import { reportModel } from './helpers/report-model';
import { startTestServer, type TestServer } from './helpers/test-server';

/** Issue 10.4: a report render is bounded in time, memory, text and per-user share of the pool. */

/** `threats` threats of `chars` characters each on one process. */
function wordyModel(threats: number, chars: number): ModelRecord[] {
  const text = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(chars / 27)).slice(0, chars);
  const records: unknown[] = [
    { id: 'm1', typeName: 'model', title: 'Wordy', owner: 'Olga' },
    { id: 'd1', typeName: 'diagram', title: 'Main' },
    { id: 'p1', typeName: 'process', diagramId: 'd1', name: 'Service' },
  ];
  for (let i = 0; i < threats; i++)
    records.push({
      id: `t${i}`,
      typeName: 'threat',
      diagramId: 'd1',
      elementId: 'p1',
      category: 'tampering',
      title: `Threat ${i}`,
      description: text,
    });
  return records as ModelRecord[];
}

/**
 * A GET of the user's report on a fresh connection (no keep-alive): writing a
 * big model in this process holds its event loop, and a pooled connection the
 * server closed meanwhile would fail the request with ECONNRESET.
 */
function getReport(c: Client, id: string) {
  return new Promise<{ status: number; pdf: boolean; error?: any; retryAfter?: string }>(
    (resolve, reject) => {
      const req = http.get(
        `${c.base}/api/models/${id}/report.pdf`,
        {
          agent: false,
          headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('latin1');
            resolve({
              status: res.statusCode ?? 0,
              pdf: text.startsWith('%PDF-'),
              error: text.startsWith('{') ? JSON.parse(text).error : undefined,
              retryAfter: res.headers['retry-after'],
            });
          });
        },
      );
      req.on('error', reject);
    },
  );
}

/** A model the user owns, written through the one write path (bigger than an import body may be). */
async function modelOf(t: TestServer, c: Client, records: ModelRecord[]): Promise<string> {
  const summary = await createModel({ db: t.server.db, userId: c.user!.id, title: 'x', records });
  return summary.id;
}

describe('report deadline and per-user share', () => {
  let t: TestServer;
  let a: Client;
  let b: Client;
  let slow: string;
  let small: string;
  let mineSmall: string;
  beforeAll(async () => {
    // One worker, so a render that is not ended would hold every later one.
    t = await startTestServer('pglite', {
      reports: { workers: 1, timeoutMs: 4_000, perUser: 2, text: { maxReportChars: 50_000_000 } },
    });
    a = await signedIn(t.base);
    b = await signedIn(t.base);
    small = (await b.post('/api/models/import', reportModel(20))).body.id;
    mineSmall = (await a.post('/api/models/import', reportModel(20))).body.id;
    // About 6 million characters: tens of seconds of text shaping, far past the deadline.
    slow = await modelOf(t, a, wordyModel(600, 10_000));
  }, 120_000);
  afterAll(() => t?.stop());

  it('ends a render past its deadline with its worker (503 report_timeout); the pool serves the next report', async () => {
    const late = await getReport(a, slow);
    expect(late.status).toBe(503);
    expect(late.error.code).toBe('report_timeout');
    expect(late.error.message).toMatch(/longer than 4 s/);
    expect(Number(late.retryAfter)).toBeGreaterThan(0);
    // The worker was terminated, not left drawing: nothing renders now.
    expect(t.server.reports.status()).toMatchObject({ rendering: 0, queued: 0 });
    const next = await getReport(b, small);
    expect(next.status).toBe(200);
    expect(next.pdf).toBe(true);
  }, 60_000);

  it('gives one user at most two reports at once (429 rate_limited); others still get theirs', async () => {
    const mine = Promise.all([0, 1, 2].map(() => getReport(a, slow)));
    const theirs = getReport(b, small);
    const replies = await mine;
    const codes = replies.map((r) => r.error?.code).sort();
    expect(codes).toEqual(['rate_limited', 'report_timeout', 'report_timeout']);
    const limited = replies.find((r) => r.status === 429)!;
    expect(limited.error.message).toMatch(/already have 2 reports/);
    expect((await theirs).status).toBe(200);
    // Once a user's reports are done, their share is free again.
    expect((await getReport(a, mineSmall)).status).toBe(200);
  }, 120_000);
});

describe('report text and memory budgets', () => {
  let t: TestServer;
  let c: Client;
  beforeAll(async () => {
    t = await startTestServer('pglite');
    c = await signedIn(t.base);
  }, 60_000);
  afterAll(() => t?.stop());

  it('refuses a report over its text budget at once with 422 report_too_large, rendering nothing', async () => {
    // The case from the issue: 400 threats with 49,000-character descriptions (52 s and 800 MB before).
    const id = await modelOf(t, c, wordyModel(400, 49_000));
    const started = performance.now();
    const r = await getReport(c, id);
    expect(r.status).toBe(422);
    expect(r.error.code).toBe('report_too_large');
    expect(r.error.message).toMatch(/4,0\d\d,\d{3} characters of text, more than the 2,000,000/);
    expect(r.error.details).toMatchObject({ maxChars: 2_000_000 });
    expect(t.server.reports.status()).toMatchObject({ workers: 0, rendering: 0 });
    console.info(`refused in ${(performance.now() - started).toFixed(0)} ms`);
  }, 60_000);
});

describe('report worker memory limit', () => {
  let t: TestServer;
  let c: Client;
  beforeAll(async () => {
    t = await startTestServer('pglite', {
      reports: { workers: 1, maxMemoryMb: 64, text: { maxReportChars: 50_000_000 } },
    });
    c = await signedIn(t.base);
  }, 60_000);
  afterAll(() => t?.stop());

  it('ends a worker past its heap limit (422 report_too_large); the pool serves the next report', async () => {
    const small = (await c.post('/api/models/import', reportModel(20))).body.id;
    const big = await modelOf(t, c, wordyModel(600, 10_000));
    const r = await getReport(c, big);
    expect(r.status).toBe(422);
    expect(r.error.code).toBe('report_too_large');
    expect(r.error.message).toMatch(/more than the 64 MB/);
    expect((await getReport(c, small)).status).toBe(200);
  }, 120_000);
});
