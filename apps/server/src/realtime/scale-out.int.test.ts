import type { ChildProcess } from 'node:child_process';
import {
  newId,
  PROTOCOL_VERSION,
  type MembershipChange,
  type ModelRecord,
  type OpBroadcast,
  type SyncClient,
} from '@threatloom/core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../test/helpers/client';
import { openDatabase, type Database } from '../db/open-database';
import {
  createTestDatabase,
  freePort,
  processRecord,
  request,
  seedModel,
  socketFor,
  sorted,
  startServerProcess,
  stopProcess,
  syncClientFor,
  waitFor,
  type Member,
} from './realtime.test-helper';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const children: ChildProcess[] = [];
const sockets: Socket[] = [];
let database: Database | undefined;
let dropDb: (() => Promise<void>) | undefined;

let urls: [string, string];

beforeAll(async () => {
  const pgdb = await createTestDatabase('tl_scale');
  dropDb = pgdb.drop;
  const [port1, port2] = [await freePort(), await freePort()];
  // Started together: the migration advisory lock lets one migrate while the other waits.
  children.push(
    ...(await Promise.all(
      [port1, port2].map((port) =>
        startServerProcess({ port, databaseUrl: pgdb.url, redisUrl: REDIS_URL }),
      ),
    )),
  );
  database = await openDatabase({ databaseUrl: pgdb.url, migrate: false });
  urls = [`http://127.0.0.1:${port1}`, `http://127.0.0.1:${port2}`];
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const c of children) await stopProcess(c);
  await database?.close();
  await dropDb?.();
});

describe('SYNC-SCALE-1: two server processes on one PostgreSQL and Redis', () => {
  it("clients on different processes see each other's edits and presence, and converge", async () => {
    const { modelId, diagramId, members } = await seedModel(database!, [
      'owner',
      'editor',
      'editor',
      'editor',
    ]);

    // Two clients per process.
    const clients: SyncClient[] = [];
    for (const [i, m] of members.entries()) {
      const s = socketFor(urls[i % 2]!, m.token);
      sockets.push(s);
      clients.push(await syncClientFor(s, modelId));
    }
    await waitFor(() => clients.every((c) => c.status === 'synced'), 'all synced');
    const [a, b, c, d] = clients as [SyncClient, SyncClient, SyncClient, SyncClient];

    // An edit on process 1 reaches a client of process 2.
    const id = newId();
    a.apply({ type: 'put', record: processRecord(id, diagramId, 'from process 1') });
    await waitFor(() => b.records.has(id), 'process-2 client sees the edit');
    expect(b.records.get(id)).toMatchObject({ name: 'from process 1' });

    // Presence crosses processes too, and clears when the client leaves.
    b.setPresence({ diagramId, cursor: { x: 3, y: 4 }, selection: [id] });
    await waitFor(
      () => [...a.peers.values()].some((p) => p.state.cursor?.x === 3),
      'presence on process 1',
    );
    const peer = [...c.peers.values()].find((p) => p.user.id === members[1]!.id);
    expect(peer?.state.selection).toEqual([id]);
    b.stop();
    await waitFor(
      () => ![...a.peers.values()].some((p) => p.user.id === members[1]!.id),
      'presence cleared after leave',
    );

    // Concurrent edits of one field from both processes: PostgreSQL orders them, everyone converges.
    for (let i = 0; i < 25; i++) {
      a.apply({ type: 'patch', id, fields: { name: `a${i}`, x: i } });
      c.apply({ type: 'patch', id, fields: { name: `c${i}` } });
      d.apply({ type: 'patch', id, fields: { y: i } });
    }
    const live = [a, c, d];
    await waitFor(async () => {
      const seq = (await database!.db.model.findUniqueOrThrow({ where: { id: modelId } })).seq;
      return live.every((x) => x.pendingCount === 0 && x.confirmedSeq === seq);
    }, 'all clients settled');
    const state = sorted(
      (await database!.db.record.findMany({ where: { modelId } })).map(
        (r) => r.data as ModelRecord,
      ),
    );
    for (const x of live) expect(sorted(x.records.values())).toEqual(state);
    expect(state.find((r) => r.id === id)).toMatchObject({ x: 24, y: 24 });
    for (const x of live) x.stop();
  }, 180_000);
});

describe('SYNC-AUTH-5: access changes made on one process reach sockets on the other through Redis', () => {
  it('a token revoked and a member removed on process 1 end or empty sockets on process 2 within a second', async () => {
    const { modelId, diagramId, members } = await seedModel(database!, [
      'owner',
      'editor',
      'editor',
    ]);
    const [owner, revoked, removed] = members as [Member, Member, Member];
    const onTwo = async (token: string) => {
      const s = socketFor(urls[1], token, { reconnection: false });
      sockets.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      expect(
        await request(s, 'join', { modelId, protocolVersion: PROTOCOL_VERSION }),
      ).toMatchObject({ ok: true });
      return s;
    };
    const revokedSocket = await onTwo(revoked.token);
    const removedSocket = await onTwo(removed.token);
    const ownerSocket = await onTwo(owner.token);
    const onOne = (token: string) => Client.withToken(urls[0], token);

    let sentAt = Date.now();
    const ended = new Promise<number>((resolve) =>
      revokedSocket.once('disconnect', () => resolve(Date.now() - sentAt)),
    );
    const { body } = await onOne(revoked.token).get('/api/tokens');
    sentAt = Date.now();
    expect((await onOne(revoked.token).delete(`/api/tokens/${body.tokens[0].id}`)).status).toBe(
      204,
    );
    const revokeMs = await ended;
    expect(revokeMs).toBeLessThan(1000);

    const heard: OpBroadcast[] = [];
    removedSocket.on('op', (b: OpBroadcast) => heard.push(b));
    const told = new Promise<{ change: MembershipChange; ms: number }>((resolve) =>
      removedSocket.once('membership', (change: MembershipChange) =>
        resolve({ change, ms: Date.now() - sentAt }),
      ),
    );
    sentAt = Date.now();
    expect(
      (await onOne(owner.token).delete(`/api/models/${modelId}/members/${removed.id}`)).status,
    ).toBe(204);
    const { change, ms: removeMs } = await told;
    expect(change).toEqual({ modelId, role: null });
    expect(removeMs).toBeLessThan(1000);
    const ack = (await request(ownerSocket, 'submit', {
      modelId,
      opId: newId(),
      op: { type: 'patch', id: diagramId, fields: { title: 'after' } },
    })) as { ok: boolean; seq: number };
    expect(ack.ok).toBe(true);
    // The owner's own broadcast arrives; by then the removed socket would have had it too.
    await new Promise<void>((resolve) =>
      ownerSocket.on('op', (b: OpBroadcast) => b.seq === ack.seq && resolve()),
    );
    expect(heard).toEqual([]);
    console.info(`across processes: token revoked ${revokeMs} ms, member removed ${removeMs} ms`);
  }, 60_000);
});
