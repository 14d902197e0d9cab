import type { ChildProcess } from 'node:child_process';
import { newId, SyncClient, type ModelRecord, type SyncTransport } from '@threatloom/core';
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
  waitFor,
} from './realtime.test-helper';

/** Wraps a socket so every op the server acknowledged as committed is noted (the client's view of "acked"). */
function recordingTransport(socket: Socket, acked: Set<string>): SyncTransport {
  return {
    get connected() {
      return socket.connected;
    },
    on: (event, handler) => void socket.on(event, handler),
    off: (event, handler) => void socket.off(event, handler),
    emit(event, payload, ack) {
      if (event === 'submit' && ack) {
        const { opId } = payload as { opId: string };
        return void socket.emit(event, payload, (res: { ok: boolean }) => {
          if (res.ok) acked.add(opId);
          ack(res);
        });
      }
      if (event === 'submitBatch' && ack) {
        const { ops } = payload as { ops: { opId: string }[] };
        return void socket.emit(
          event,
          payload,
          (res: { ok: boolean; results?: { ok: boolean }[] }) => {
            res.results?.forEach((r, i) => r.ok && acked.add(ops[i]!.opId));
            ack(res);
          },
        );
      }
      socket.emit(event, payload, ack);
    },
  };
}

const children: ChildProcess[] = [];
let database: Database | undefined;
let dropDb: (() => Promise<void>) | undefined;

afterAll(async () => {
  for (const c of children) await stopProcess(c, 'SIGKILL');
  await database?.close();
  await dropDb?.();
});

describe('SYNC-DURABLE-1: kill -9 the server while clients submit', () => {
  it('keeps every acked op, and applies every un-acked op exactly once after restart', async () => {
    const pgdb = await createTestDatabase('tl_crash');
    dropDb = pgdb.drop;
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    children.push(await startServerProcess({ port, databaseUrl: pgdb.url }));
    database = await openDatabase({ databaseUrl: pgdb.url, migrate: false });
    const { modelId, diagramId, members } = await seedModel(database, [
      'owner',
      'editor',
      'editor',
      'editor',
    ]);

    const acked = new Set<string>();
    const sockets = members.map((m) => socketFor(baseUrl, m.token));
    const clients: SyncClient[] = [];
    for (const s of sockets) {
      const c = new SyncClient({ modelId, transport: recordingTransport(s, acked), retryMs: 100 });
      await c.start();
      clients.push(c);
    }
    await waitFor(() => clients.every((c) => c.status === 'synced'), 'clients synced');

    // Each client owns one process and keeps moving it, plus adds a note now and then: every op is valid.
    const issued: string[] = [];
    const own = clients.map((c) => {
      const id = newId();
      issued.push(
        ...(c.apply({ type: 'put', record: processRecord(id, diagramId) }) as { opIds: string[] })
          .opIds,
      );
      return id;
    });
    let running = true;
    const editing = (async () => {
      for (let i = 0; running; i++) {
        for (const [k, c] of clients.entries()) {
          const r =
            i % 7 === 0
              ? c.apply({
                  type: 'put',
                  record: {
                    ...processRecord(newId(), diagramId),
                    typeName: 'note',
                    name: `n${i}`,
                  } as unknown as ModelRecord,
                })
              : c.apply({ type: 'patch', id: own[k]!, fields: { x: i } });
          if (!r.ok) throw new Error(`local edit refused: ${r.error.message}`);
          issued.push(...r.opIds);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    await waitFor(() => acked.size >= 150, '150 acked ops', 60_000);
    await stopProcess(children[0]!, 'SIGKILL');
    const ackedAtCrash = new Set(acked);
    // Every acknowledged op is durable.
    const logged = new Set(
      (await database.db.opLog.findMany({ where: { modelId }, select: { opId: true } })).map(
        (r) => r.opId,
      ),
    );
    const missing = [...ackedAtCrash].filter((id) => !logged.has(id));
    expect(missing).toEqual([]);
    // Keep editing while the server is down: these ops queue as pending.
    await waitFor(() => clients.some((c) => c.pendingCount > 0), 'ops queued while down', 30_000);

    children.push(await startServerProcess({ port, databaseUrl: pgdb.url }));
    // Keep editing until the restarted server has acknowledged new ops, then stop.
    await waitFor(() => acked.size > ackedAtCrash.size, 'acks from the restarted server', 60_000);
    running = false;
    await editing;
    await waitFor(
      async () => {
        const seq = (await database!.db.model.findUniqueOrThrow({ where: { id: modelId } })).seq;
        return clients.every((c) => c.pendingCount === 0 && c.confirmedSeq === seq);
      },
      'every client caught up with no pending ops',
      60_000,
    );

    const rows = await database.db.opLog.findMany({ where: { modelId }, select: { opId: true } });
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.opId, (counts.get(r.opId) ?? 0) + 1);
    // Every op any client issued is in the log exactly once (the seed's ops are the only others).
    expect(issued.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(rows.length).toBe(issued.length + 2);
    const state = sorted(
      (await database.db.record.findMany({ where: { modelId } })).map((r) => r.data as ModelRecord),
    );
    for (const c of clients) expect(sorted(c.records.values())).toEqual(state);
    for (const c of clients) c.stop();
    for (const s of sockets) s.disconnect();
  }, 180_000);
});
