import { newId, PROTOCOL_VERSION, type OpBroadcast } from '@threatloom/core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../test/helpers/client';
import type { Database } from '../db/open-database';
import {
  createTestDatabase,
  request,
  seedModel,
  socketFor,
  startInProcess,
  waitFor,
  type Member,
} from './realtime.test-helper';

/** REST writes reach live sockets (issue 10.3); authorship and sign-off cannot be forged on either path (10.2). */

let dbHandle: Awaited<ReturnType<typeof createTestDatabase>>;
let server: Awaited<ReturnType<typeof startInProcess>>['server'];
let baseUrl: string;
let database: Database;
let modelId: string;
let diagramId: string;
let owner: Member, editor: Member, commenter: Member;
const sockets: Socket[] = [];

beforeAll(async () => {
  dbHandle = await createTestDatabase('tl_rest_writes');
  ({ server, baseUrl } = await startInProcess(dbHandle.url));
  database = server.database;
  const seeded = await seedModel(database, ['owner', 'editor', 'commenter']);
  ({ modelId, diagramId } = seeded);
  [owner, editor, commenter] = seeded.members as [Member, Member, Member];
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
  await dbHandle?.drop();
});

const api = (m: Member) => Client.withToken(baseUrl, m.token);
/** A socket joined to the model, collecting every `op` broadcast. */
async function listener(m: Member): Promise<{ socket: Socket; heard: OpBroadcast[] }> {
  const socket = socketFor(baseUrl, m.token, { reconnection: false });
  sockets.push(socket);
  const heard: OpBroadcast[] = [];
  socket.on('op', (b: OpBroadcast) => heard.push(b));
  expect(
    await request(socket, 'join', { modelId, protocolVersion: PROTOCOL_VERSION }),
  ).toMatchObject({ ok: true });
  return { socket, heard };
}
const seqOf = async () =>
  (await database.db.model.findUniqueOrThrow({ where: { id: modelId } })).seq;
const recordOf = async (id: string) =>
  (await database.db.record.findUniqueOrThrow({ where: { modelId_id: { modelId, id } } }))
    .data as Record<string, unknown>;

describe('SYNC-REST-1: writes outside the socket are broadcast to joined sockets like socket ops', () => {
  it('record and model patches, generation and library apply each reach a joined socket with their seqs', async () => {
    const { heard } = await listener(commenter);
    const before = await seqOf();
    const e = api(editor);
    const element = await e.post(`/api/models/${modelId}/elements`, {
      typeName: 'process',
      id: 'api',
      diagramId,
      name: 'API',
      isWebApplication: true,
    });
    expect(element.status).toBe(201);
    expect(
      (await e.patch(`/api/models/${modelId}/elements/api`, { name: 'Public API' })).status,
    ).toBe(200);
    expect((await e.patch(`/api/models/${modelId}`, { title: 'Renamed over REST' })).status).toBe(
      200,
    );
    const generated = await e.post(`/api/models/${modelId}/generate`, { elementIds: ['api'] });
    expect(generated.status).toBe(200);
    expect(generated.body.threats.length).toBeGreaterThan(0);
    const entry = await e.post('/api/library', {
      title: 'Session fixation',
      category: 'spoofing',
      severity: 'high',
      mitigations: [{ title: 'Rotate the session id at login' }],
    });
    expect(entry.status).toBe(201);
    const applied = await e.post(`/api/models/${modelId}/library/${entry.body.id}/apply`, {
      elementId: 'api',
    });
    expect(applied.status).toBe(201);
    expect(
      (await e.delete(`/api/models/${modelId}/threats/${applied.body.threat.id}`)).status,
    ).toBe(204);

    const after = await seqOf();
    expect(after).toBeGreaterThan(before + 4);
    await waitFor(() => heard.some((b) => b.seq === after), 'the last REST write is broadcast');
    // Every seq the REST writes took arrives, once and in order, as the op log holds it.
    const log = await database.db.opLog.findMany({
      where: { modelId, seq: { gt: before } },
      orderBy: { seq: 'asc' },
    });
    expect(heard.map((b) => b.seq)).toEqual(log.map((l) => l.seq));
    expect(heard.map((b) => b.opId)).toEqual(log.map((l) => l.opId));
    expect(heard.every((b) => b.actor === editor.id)).toBe(true);
    expect(heard.find((b) => b.op.type === 'patch' && b.op.id === 'api')?.op).toEqual({
      type: 'patch',
      id: 'api',
      fields: { name: 'Public API' },
    });
  });
});

describe('SYNC-AUTH-7: comment authorship comes from the authenticated user over REST and sockets', () => {
  it('a commenter claiming another name and time gets their own, on both paths', async () => {
    const rest = await api(commenter).post(`/api/models/${modelId}/comments`, {
      targetId: diagramId,
      body: 'over REST',
      authorName: 'Alice (owner, CISO)',
      authorId: owner.id,
      createdAt: '2001-01-01T00:00:00.000Z',
    });
    expect(rest.status).toBe(201);
    const startedAt = Date.now();
    const { socket } = await listener(commenter);
    const id = newId();
    expect(
      await request(socket, 'submit', {
        modelId,
        opId: newId(),
        op: {
          type: 'put',
          record: {
            id,
            typeName: 'comment',
            targetId: diagramId,
            body: 'over the socket',
            authorId: commenter.id,
            authorName: 'Alice (owner, CISO)',
            createdAt: '2001-01-01T00:00:00.000Z',
          },
        },
      }),
    ).toMatchObject({ ok: true });
    const name = (await database.db.user.findUniqueOrThrow({ where: { id: commenter.id } })).name;
    for (const stored of [await recordOf(rest.body.id), await recordOf(id)]) {
      expect(stored).toMatchObject({ authorId: commenter.id, authorName: name });
      expect(Date.parse(stored.createdAt as string)).toBeGreaterThan(startedAt - 60_000);
    }
    // Changing the author afterwards is refused for every role, the owner included.
    for (const field of [{ authorName: 'Mallory' }, { createdAt: '2001-01-01T00:00:00.000Z' }]) {
      const res = await api(owner).patch(`/api/models/${modelId}/comments/${id}`, field);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/set by the server/);
    }
  });

  it("an editor cannot rewrite another user's comment over REST or the socket; the author can", async () => {
    const mine = await api(commenter).post(`/api/models/${modelId}/comments`, {
      targetId: diagramId,
      body: 'the original words',
    });
    const id = mine.body.id as string;
    const byRest = await api(editor).patch(`/api/models/${modelId}/comments/${id}`, {
      body: 'words put in their mouth',
    });
    expect(byRest.status).toBe(403);
    const { socket } = await listener(editor);
    for (const op of [
      { type: 'patch', id, fields: { body: 'words put in their mouth' } },
      {
        type: 'put',
        record: { ...(await recordOf(id)), body: 'words put in their mouth' },
      },
    ])
      expect(await request(socket, 'submit', { modelId, opId: newId(), op })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    expect(await recordOf(id)).toMatchObject({
      body: 'the original words',
      authorId: commenter.id,
    });
    // Resolving it is the editor's to do; rewording it stays the author's.
    expect(
      (await api(editor).patch(`/api/models/${modelId}/comments/${id}`, { resolved: true })).status,
    ).toBe(200);
    expect(
      (
        await api(commenter).patch(`/api/models/${modelId}/comments/${id}`, {
          body: 'my own words',
        })
      ).status,
    ).toBe(200);
  });

  it('an imported file cannot attribute a comment to an account of this server', async () => {
    const file = {
      format: 'threatloom',
      version: 1,
      records: [
        { id: 'm1', typeName: 'model', title: 'Crafted' },
        { id: 'd1', typeName: 'diagram' },
        {
          id: 'c1',
          typeName: 'comment',
          targetId: 'd1',
          body: 'Approved, ship it',
          authorId: owner.id,
          authorName: 'The owner',
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    };
    const res = await api(editor).post('/api/models/import', file);
    expect(res.status).toBe(201);
    const row = await database.db.record.findUniqueOrThrow({
      where: { modelId_id: { modelId: res.body.id, id: 'c1' } },
    });
    expect(row.data).toMatchObject({
      authorId: '',
      authorName: 'The owner',
      body: 'Approved, ship it',
    });
  });
});

describe('SYNC-AUTH-8: only the owner signs off, and the server records who and when', () => {
  it('an editor cannot approve over REST or the socket; the export prints no forged approval', async () => {
    const forged = { reviewState: 'approved', reviewedBy: 'alice (owner, CISO)' };
    const res = await api(editor).patch(`/api/models/${modelId}`, forged);
    expect(res.status).toBe(403);
    const { socket } = await listener(editor);
    expect(
      await request(socket, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: modelId, fields: forged },
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // reviewedBy alone is not the editor's to write either: it is left as it was.
    expect(
      (await api(editor).patch(`/api/models/${modelId}`, { reviewedBy: 'alice' })).status,
    ).toBe(200);
    expect(await recordOf(modelId)).toMatchObject({ reviewState: 'draft', reviewedBy: '' });
    const md = await api(editor).get(`/api/models/${modelId}/export?format=markdown`);
    expect(md.text).not.toMatch(/alice \(owner, CISO\)/);
  });

  it("the owner's sign-off carries the owner's name and the server's time, whatever the request says", async () => {
    const startedAt = Date.now();
    const res = await api(owner).patch(`/api/models/${modelId}`, {
      reviewState: 'approved',
      reviewedBy: 'Someone Else',
      reviewedAt: '2001-01-01T00:00:00.000Z',
    });
    expect(res.status).toBe(200);
    const name = (await database.db.user.findUniqueOrThrow({ where: { id: owner.id } })).name;
    const model = await recordOf(modelId);
    expect(model).toMatchObject({ reviewState: 'approved', reviewedBy: name });
    expect(Date.parse(model.reviewedAt as string)).toBeGreaterThanOrEqual(startedAt - 1000);
  });
});
