/* eslint-disable @typescript-eslint/no-explicit-any -- replies are inspected field by field */
import {
  DEFAULT_MODEL_LIMITS,
  MAX_NAME_CHARS,
  MAX_TEXT_CHARS,
  PROTOCOL_VERSION,
} from '@threatloom/core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, socketFor } from '../src/realtime/realtime.test-helper';
import { signedIn, type Client } from './helpers/client';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

/** Issue 10.4: elements, records and text per model are capped on every write path, with stable codes. */

/** A Threat Dragon v2 file of `n` minimal cells (every fifth a flow between the two boxes before it). */
function threatDragonFile(n: number): string {
  const cells: unknown[] = [];
  for (let i = 0; i < n; i++)
    cells.push(
      i % 5 === 4
        ? {
            id: `f${i}`,
            shape: 'flow',
            source: { cell: `e${i - 2}` },
            target: { cell: `e${i - 1}` },
          }
        : { id: `e${i}`, shape: 'process' },
    );
  return JSON.stringify({
    version: '2.4.0',
    summary: { title: 'Too big' },
    detail: { diagrams: [{ id: 0, title: 'All', diagramType: 'STRIDE', cells }] },
  });
}

describe.each(DB_KINDS)('model size and text limits on %s', (kind) => {
  let t: TestServer;
  let c: Client;
  let socket: Socket | undefined;
  let modelId: string;
  let diagramId: string;
  beforeAll(async () => {
    t = await startTestServer(kind);
    c = await signedIn(t.base);
    const created = await c.post('/api/models', { title: 'Limits' });
    modelId = created.body.id;
    const diagrams = await c.get(`/api/models/${modelId}/diagrams`);
    diagramId = diagrams.body.records[0].id;
    const element = await c.post(`/api/models/${modelId}/elements`, {
      typeName: 'process',
      id: 'svc',
      diagramId,
      name: 'Service',
    });
    expect(element.status).toBe(201);
  });
  afterAll(async () => {
    socket?.disconnect();
    await t?.stop();
  });

  const counts = async () => ({
    models: await t.server.db.model.count(),
    records: await t.server.db.record.count(),
  });

  it(
    'refuses an import of more elements than a model may hold with 422 model_too_large, storing nothing',
    { timeout: 180_000 },
    async () => {
      const before = await counts();
      const res = await c.request('POST', '/api/models/import', {
        raw: threatDragonFile(DEFAULT_MODEL_LIMITS.maxElements + 1),
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('model_too_large');
      expect(res.body.error.message).toMatch(/at most 100,000 elements/);
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses an imported text longer than its field with 422 text_too_long, storing nothing', async () => {
    const before = await counts();
    const res = await c.post('/api/models/import', {
      format: 'threatloom',
      version: 1,
      records: [
        { id: 'm1', typeName: 'model', title: 'Long', summary: 's'.repeat(MAX_TEXT_CHARS + 1) },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('text_too_long');
    expect(res.body.error.details.issues[0].path).toBe('records[0].summary');
    expect(await counts()).toEqual(before);
  });

  it('refuses over-long text in REST writes with 422 text_too_long and changes nothing', async () => {
    const before = await c.get(`/api/models/${modelId}/elements/svc`);
    const patch = await c.patch(`/api/models/${modelId}/elements/svc`, {
      description: 'd'.repeat(MAX_TEXT_CHARS + 1),
    });
    expect(patch.status).toBe(422);
    expect(patch.body.error.code).toBe('text_too_long');
    expect((await c.get(`/api/models/${modelId}/elements/svc`)).body).toEqual(before.body);

    const create = await c.post(`/api/models/${modelId}/elements`, {
      typeName: 'actor',
      diagramId,
      name: 'n'.repeat(MAX_NAME_CHARS + 1),
    });
    expect(create.status).toBe(422);
    expect(create.body.error.code).toBe('text_too_long');

    const title = await c.patch(`/api/models/${modelId}`, {
      title: 't'.repeat(MAX_NAME_CHARS + 1),
    });
    expect(title.status).toBe(422);
    expect(title.body.error.code).toBe('text_too_long');
    const model = await c.post('/api/models', { title: 't'.repeat(MAX_NAME_CHARS + 1) });
    expect(model.status).toBe(422);
    expect(model.body.error.code).toBe('text_too_long');
  });

  it('refuses an over-long text op on the socket with text_too_long', async () => {
    const token = await c.post('/api/tokens', { name: 'socket' });
    expect(token.status).toBe(201);
    socket = socketFor(t.base, token.body.token, { reconnection: false });
    expect(
      await request(socket, 'join', { modelId, protocolVersion: PROTOCOL_VERSION }),
    ).toMatchObject({ ok: true });
    const ack: any = await request(socket, 'submit', {
      modelId,
      opId: 'long-1',
      op: {
        type: 'put',
        record: { id: 'n1', typeName: 'note', diagramId, name: 'x'.repeat(MAX_NAME_CHARS + 1) },
      },
    });
    expect(ack.ok).toBe(false);
    expect(ack.error.code).toBe('text_too_long');
    expect((await c.get(`/api/models/${modelId}/elements/n1`)).status).toBe(404);
  });
});
