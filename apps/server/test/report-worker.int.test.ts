import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type Client } from './helpers/client';
import { reportModel } from './helpers/report-model';
import { startTestServer, type TestServer } from './helpers/test-server';

const serverDir = path.resolve(import.meta.dirname, '..');
/** What the `tsx` bin runs. */
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** A session's GET of a report, resolved when the whole body has arrived. */
async function getReport(
  c: Client,
  id: string,
): Promise<{ status: number; body: Uint8Array; doneAt: number; retryAfter: string | null }> {
  const res = await fetch(`${c.base}/api/models/${id}/report.pdf`, {
    headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  const body = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    body,
    doneAt: performance.now(),
    retryAfter: res.headers.get('retry-after'),
  };
}

describe('PDF reports render in worker threads', () => {
  let t: TestServer;
  let owner: Client;
  let big: string;
  beforeAll(async () => {
    // One worker and one queued report, so the queue limit is reachable with a few requests (of one user: a share above the pool).
    t = await startTestServer('pglite', { reports: { workers: 1, maxQueued: 1, perUser: 8 } });
    owner = await signedIn(t.base);
    const imported = await owner.post('/api/models/import', reportModel(1500));
    expect(imported.status).toBe(201);
    big = imported.body.id;
  });
  afterAll(() => t?.stop());

  it('keeps the event loop free: /healthz answers while a 1,500-element report renders', async () => {
    const started = performance.now();
    let pdfDone: number | undefined;
    const pdf = getReport(owner, big).then((r) => {
      pdfDone = r.doneAt;
      return r;
    });
    // Health checks one after another for as long as the report takes. On the
    // main thread, one sent while pdfkit runs would only be answered after it.
    const health: { sentAt: number; doneAt: number; status: number }[] = [];
    while (pdfDone === undefined) {
      const sentAt = performance.now();
      const res = await fetch(`${t.base}/healthz`);
      await res.arrayBuffer();
      health.push({ sentAt, doneAt: performance.now(), status: res.status });
    }
    const report = await pdf;
    expect(report.status).toBe(200);
    expect(new TextDecoder().decode(report.body.subarray(0, 5))).toBe('%PDF-');
    const renderMs = report.doneAt - started;
    // Sent in the second half of the request, when the database work is long
    // done and the PDF is being drawn, and answered before the PDF arrived:
    // impossible if pdfkit held the event loop.
    const answeredDuringRender = health.filter(
      (h) => h.sentAt - started > renderMs / 2 && h.doneAt < report.doneAt && h.status === 200,
    );
    console.info(
      `report ${renderMs.toFixed(0)} ms; ${health.length} health checks, slowest ${Math.max(...health.map((h) => h.doneAt - h.sentAt)).toFixed(0)} ms`,
    );
    expect(answeredDuringRender.length).toBeGreaterThan(0);
  });

  it('answers 503 busy in the standard error shape when too many reports are queued', async () => {
    // One renders, one waits; the rest find the queue full.
    const replies = await Promise.all([0, 1, 2, 3].map(() => getReport(owner, big)));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    const busy = replies.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      const body = JSON.parse(new TextDecoder().decode(r.body));
      expect(body).toEqual({ error: { code: 'busy', message: expect.stringMatching(/reports/) } });
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    // The pool recovers: a later request renders.
    expect((await getReport(owner, big)).status).toBe(200);
  });

  // A worker left running would keep the child process alive until the timeout kills it.
  it.each([
    [
      'node --import tsx',
      process.execPath,
      ['--import', 'tsx', 'test/helpers/render-report-then-close.ts'],
    ],
    ['tsx', process.execPath, [tsxCli, 'test/helpers/render-report-then-close.ts']],
  ])(
    'loads the worker under %s, and close() leaves no worker running (the process exits)',
    async (_name, command, args) => {
      const child = spawn(command, args, { cwd: serverDir, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      // Compiling the server's import graph in a fresh process takes tens of seconds on a loaded
      // 2-core CI machine; the kill only ends a process that would otherwise hang the run.
      const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
      const code = await new Promise<number | null>((resolve) =>
        child.on('exit', (c) => resolve(c)),
      );
      clearTimeout(timer);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(JSON.parse(out.trim())).toEqual({ status: 200, pdf: '%PDF-' });
    },
    180_000,
  );
});
