/**
 * The benchmark's server process: the real Threatloom server (createServer:
 * Express + socket.io + realtime + commitOps) on PostgreSQL (DATABASE_URL) or
 * in-memory PGlite, seeded with `rooms` models of `clients` editors each
 * (users, API tokens, one process element per client). Talks to run.ts over
 * the IPC channel: `ready` with the seed, then `stats` on request.
 */
import { newId, type ModelRecord } from '../../packages/core/src/index';
import { createServer } from '../../apps/server/src/create-server';
import { createModel } from '../../apps/server/src/services/models/create-model';
import { commitOps } from '../../apps/server/src/services/ops/commit-ops';
import { createApiToken } from '../../apps/server/src/services/tokens/api-tokens';

export interface SeededClient {
  token: string;
  modelId: string;
  elementId: string;
}

const rooms = Number(process.env.BENCH_ROOMS ?? 10);
const clientsPerRoom = Number(process.env.BENCH_CLIENTS ?? 20);

const server = await createServer({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: 'memory://bench',
  logLevel: 'silent',
});
const { db } = server;
const seeded: SeededClient[] = [];
// Rooms are seeded concurrently (PostgreSQL runs them in parallel; PGlite queues them).
await Promise.all(Array.from({ length: rooms }, (_, r) => seedRoom(r)));

async function seedRoom(r: number): Promise<void> {
  const users = Array.from({ length: clientsPerRoom }, (_, i) => ({
    id: newId(),
    email: `bench-${r}-${i}-${newId().slice(0, 5)}@example.com`,
    name: `Bench ${r}.${i}`,
  }));
  // Accounts made directly: the bench authenticates with API tokens, so no password hashing is needed.
  await db.user.createMany({
    data: users.map((u) => ({ ...u, passwordHash: 'bench-no-login', isAdmin: false })),
  });
  const model = await createModel({ db, userId: users[0]!.id, title: `Bench room ${r}` });
  await db.membership.createMany({
    data: users.slice(1).map((u) => ({ modelId: model.id, userId: u.id, role: 'editor' })),
  });
  const diagram = await db.record.findFirstOrThrow({
    where: { modelId: model.id, typeName: 'diagram' },
  });
  const elements = users.map(() => newId());
  await commitOps({
    db,
    modelId: model.id,
    actor: users[0]!.id,
    ops: elements.map((id, i) => ({
      opId: newId(),
      op: {
        type: 'put',
        record: {
          id,
          typeName: 'process',
          diagramId: diagram.id,
          name: `p${i}`,
          x: i * 10,
          y: 0,
        } as unknown as ModelRecord,
      },
    })),
  });
  const tokens = await Promise.all(
    users.map((u) => createApiToken({ db, userId: u.id, name: 'bench' })),
  );
  tokens.forEach(({ token }, i) =>
    seeded.push({ token, modelId: model.id, elementId: elements[i]! }),
  );
}

await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', () => resolve()));
const { port } = server.httpServer.address() as { port: number };

let peakRss = process.memoryUsage().rss;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200).unref();

process.on('message', async (msg: { type: string }) => {
  if (msg.type === 'stats' || msg.type === 'count') {
    const cpu = process.cpuUsage();
    // Counting the op log waits behind queued commits (PGlite runs one query at a time): only when asked.
    const ops = msg.type === 'count' ? await db.opLog.count() : -1;
    process.send!({
      type: 'stats',
      cpuMicros: cpu.user + cpu.system,
      wallMs: performance.now(),
      rss: process.memoryUsage().rss,
      peakRss,
      ops,
    });
    peakRss = process.memoryUsage().rss;
  } else if (msg.type === 'stop') {
    await server.close();
    process.exit(0);
  }
});
// If run.ts dies (Ctrl-C, a timeout), do not linger as an orphan.
process.on('disconnect', () => process.exit(0));
process.send!({ type: 'ready', port, kind: server.database.kind, clients: seeded });
