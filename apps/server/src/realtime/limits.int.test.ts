import { newId, PROTOCOL_VERSION, type PresenceBroadcast } from '@threatloom/core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database';
import {
  createTestDatabase,
  processRecord,
  request,
  seedModel,
  socketFor,
  startInProcess,
  waitFor,
  type Member,
} from './realtime.test-helper';
import { DEFAULT_LIMITS } from './socket-session';

/** Limits per user, not only per socket, and presence hiding throttled too (issue 10.5). */

let dbHandle: Awaited<ReturnType<typeof createTestDatabase>>;
let server: Awaited<ReturnType<typeof startInProcess>>['server'];
let baseUrl: string;
let database: Database;
const sockets: Socket[] = [];

beforeAll(async () => {
  dbHandle = await createTestDatabase('tl_limits');
  ({ server, baseUrl } = await startInProcess(dbHandle.url));
  database = server.database;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
  await dbHandle?.drop();
});

const open = (token: string) =>
  new Promise<Socket>((resolve, reject) => {
    const s = socketFor(baseUrl, token, { reconnection: false });
    sockets.push(s);
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const joined = async (m: Member, modelId: string) => {
  const s = await open(m.token);
  expect(await request(s, 'join', { modelId, protocolVersion: PROTOCOL_VERSION })).toMatchObject({
    ok: true,
  });
  return s;
};

describe('SYNC-LIMIT-3: one user gets a bounded number of sockets and ops, however many sockets they open', () => {
  it('refuses the socket after the 20th for one user, and admits one again when a socket closes', async () => {
    const { members } = await seedModel(database, ['owner']);
    const token = members[0]!.token;
    const max = DEFAULT_LIMITS.maxSocketsPerUser;
    expect(max).toBe(20);
    // Opened all at once: concurrent handshakes cannot all slip under the cap.
    const attempts = await Promise.allSettled(Array.from({ length: max + 5 }, () => open(token)));
    const admitted = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refused = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason] : []));
    expect(admitted).toHaveLength(max);
    expect(refused).toHaveLength(5);
    for (const err of refused) expect(err).toMatchObject({ data: { code: 'rate_limited' } });
    // Another user is not affected.
    const other = (await seedModel(database, ['owner'])).members[0]!;
    expect((await open(other.token)).connected).toBe(true);
    admitted[0]!.disconnect();
    let again: Socket | undefined;
    await waitFor(async () => {
      again = await open(token).catch(() => undefined);
      return again !== undefined;
    }, 'a place after one socket closed');
    expect(again!.connected).toBe(true);
    for (const s of [...admitted, again!]) s.disconnect();
  });

  it('shares one op budget among all of a user’s sockets', async () => {
    const { modelId, diagramId, members } = await seedModel(database, ['owner']);
    const owner = members[0]!;
    const perSocket = 150;
    const count = 12;
    const clients = await Promise.all(Array.from({ length: count }, () => joined(owner, modelId)));
    const before = await database.db.opLog.count({ where: { modelId } });
    const started = Date.now();
    // Each socket alone is well within its own bucket (600); together they are 1,800 ops.
    const acks = (await Promise.all(
      clients.map((s) =>
        request(s, 'submitBatch', {
          modelId,
          ops: Array.from({ length: perSocket }, () => ({
            opId: newId(),
            op: { type: 'put', record: processRecord(newId(), diagramId) },
          })),
        }),
      ),
    )) as { ok: boolean; error?: { code: string } }[];
    const elapsedS = (Date.now() - started) / 1000;
    const committed = (await database.db.opLog.count({ where: { modelId } })) - before;
    const refused = acks.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) expect(a.error?.code).toBe('rate_limited');
    // Joins cost 20 each from the same budget: 1,000 burst + 300/s refill is all one user gets.
    const budget =
      DEFAULT_LIMITS.userBurstOps - count * 20 + DEFAULT_LIMITS.userOpsPerSecond * elapsedS;
    expect(committed).toBeLessThanOrEqual(budget);
    expect(committed).toBe((acks.length - refused.length) * perSocket);
    console.info(
      `${count} sockets of one user sent ${count * perSocket} ops: ${committed} committed in ${elapsedS.toFixed(1)} s, ${refused.length * perSocket} refused`,
    );
  });
});

describe('SYNC-LIMIT-4: presence is throttled per socket and model, hiding (state null) included', () => {
  it('relays at most one update per 30 ms interval, and the last one always arrives', async () => {
    const { modelId, members } = await seedModel(database, ['owner', 'viewer']);
    const sender = await joined(members[0]!, modelId);
    const receiver = await joined(members[1]!, modelId);
    const heard: PresenceBroadcast[] = [];
    receiver.on('presence', (p: PresenceBroadcast) => heard.push(p));
    const updates = 2000;
    const started = Date.now();
    for (let i = 0; i < updates; i++)
      sender.emit('presence', {
        modelId,
        state: i % 2 === 0 ? null : { cursor: { x: i, y: 0 } },
      });
    const last = { cursor: { x: 424_242, y: 1 } };
    sender.emit('presence', { modelId, state: last });
    await waitFor(
      () => heard.at(-1)?.state?.cursor?.x === last.cursor.x,
      'the last update after the flood',
    );
    const elapsed = Date.now() - started;
    const intervals = Math.ceil(elapsed / DEFAULT_LIMITS.presenceIntervalMs) + 1;
    expect(heard.length).toBeLessThanOrEqual(intervals);
    console.info(`${updates + 1} presence updates in ${elapsed} ms: ${heard.length} relayed`);
  });
});
