import type { ChildProcess } from 'node:child_process';
import { newId, type ModelRecord, type SyncClient } from '@threatloom/core';
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/open-database';
import {
  createTestDatabase,
  freePort,
  processRecord,
  seedModel,
  socketFor,
  sorted,
  startServerProcess,
  stopProcess,
  syncClientFor,
  waitFor,
} from './realtime.test-helper';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const children: ChildProcess[] = [];
const sockets: Socket[] = [];
let database: Database | undefined;
let dropDb: (() => Promise<void>) | undefined;

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const c of children) await stopProcess(c);
  await database?.close();
  await dropDb?.();
});

describe('SYNC-SCALE-1: two server processes on one PostgreSQL and Redis', () => {
  it("clients on different processes see each other's edits and presence, and converge", async () => {
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
    const { modelId, diagramId, members } = await seedModel(database, [
      'owner',
      'editor',
      'editor',
      'editor',
    ]);

    // Two clients per process.
    const urls = [`http://127.0.0.1:${port1}`, `http://127.0.0.1:${port2}`];
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
      (await database.db.record.findMany({ where: { modelId } })).map((r) => r.data as ModelRecord),
    );
    for (const x of live) expect(sorted(x.records.values())).toEqual(state);
    expect(state.find((r) => r.id === id)).toMatchObject({ x: 24, y: 24 });
    for (const x of live) x.stop();
  }, 180_000);
});
