/* eslint-disable @typescript-eslint/no-explicit-any -- replies are inspected field by field */
import http from 'node:http';
import { DEFAULT_MODEL_LIMITS, PROTOCOL_VERSION } from '@threatloom/core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigThreatDragonModel } from '../../../bench/healthz/td-model';
import { request, socketFor } from '../src/realtime/realtime.test-helper';
import { signedIn, type Client } from './helpers/client';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Issue 10.4: a 100,000-element import is written in slices with turns of the
 * event loop between them, and a join of it is read in pages, so the process
 * keeps answering meanwhile. How fast it answers is measured by
 * `pnpm bench:healthz` (docs/benchmarks.md); here, that it answers at all.
 */

/** The status of one GET /healthz on a fresh connection (a pooled one may have been closed meanwhile). */
const health = (base: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get(`${base}/healthz`, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });

/** Calls /healthz one after another until `done` settles; the number answered (200) meanwhile. */
async function healthChecksDuring(base: string, done: Promise<unknown>): Promise<number> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => {});
  let answered = 0;
  while (!finished) if ((await health(base)) === 200 && !finished) answered += 1;
  return answered;
}

describe.each(DB_KINDS)('a model at the element limit on %s', (kind) => {
  let t: TestServer;
  let c: Client;
  let socket: Socket | undefined;
  const file = JSON.stringify(bigThreatDragonModel(DEFAULT_MODEL_LIMITS.maxElements));
  beforeAll(async () => {
    t = await startTestServer(kind);
    c = await signedIn(t.base);
  }, 60_000);
  afterAll(async () => {
    socket?.disconnect();
    await t?.stop();
  });

  let modelId: string;
  it('imports whole while /healthz keeps answering', { timeout: 300_000 }, async () => {
    const imported = c.request('POST', '/api/models/import', { raw: file });
    const answered = await healthChecksDuring(t.base, imported);
    const res = await imported;
    expect(res.status).toBe(201);
    expect(res.body.records).toBe(DEFAULT_MODEL_LIMITS.maxElements + 2);
    modelId = res.body.id;
    expect(await t.server.db.record.count({ where: { modelId } })).toBe(
      DEFAULT_MODEL_LIMITS.maxElements + 2,
    );
    // Held for the whole commit, the event loop would answer a handful at most (before and after it).
    console.info(`${kind}: ${answered} health checks answered during the import`);
    expect(answered).toBeGreaterThan(20);
  });

  it(
    'sends a joining socket every record while /healthz keeps answering',
    { timeout: 300_000 },
    async () => {
      const token = await c.post('/api/tokens', { name: 'join' });
      socket = socketFor(t.base, token.body.token, { reconnection: false });
      const joined = request(
        socket,
        'join',
        { modelId, protocolVersion: PROTOCOL_VERSION },
        240_000,
      );
      const answered = await healthChecksDuring(t.base, joined);
      const ack: any = await joined;
      expect(ack.ok).toBe(true);
      const ids = new Set(ack.snapshot.records.map((r: { id: string }) => r.id));
      expect(ids.size).toBe(DEFAULT_MODEL_LIMITS.maxElements + 2);
      console.info(`${kind}: ${answered} health checks answered during the join`);
      expect(answered).toBeGreaterThan(5);
      // At the limit: one more element is refused.
      const diagram = ack.snapshot.records.find(
        (r: { typeName: string }) => r.typeName === 'diagram',
      );
      const more: any = await request(socket, 'submit', {
        modelId,
        opId: 'one-more',
        op: { type: 'put', record: { id: 'extra', typeName: 'actor', diagramId: diagram.id } },
      });
      expect(more.error?.code).toBe('model_too_large');
    },
  );
});
