/**
 * Collaboration load benchmark: the real server (PostgreSQL with DATABASE_URL,
 * else in-memory PGlite) in its own process, socket.io clients in separate
 * worker processes: 10 rooms x 20 clients editing at 5 ops/s each (1,000
 * ops/s), then rising until it breaks. Reports committed ops/s, ack and
 * remote-visibility latency p50/p95/p99, server CPU and memory, and ops lost.
 *   pnpm bench:collab            full run (rising load)
 *   pnpm bench:collab --quick    one phase at 1,000 ops/s, < 60 s
 * The last line is one JSON object {"opsPerSec","p50","p95","p99","lost"}
 * for the 5 ops/s phase (latencies: remote visibility, ms).
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { SeededClient } from './server';

const quick = process.argv.includes('--quick');
const ROOMS = 10;
const CLIENTS = 20;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const PHASE_MS = quick ? 6_000 : 10_000;
/** Ops/s per client; the 5 ops/s phase (1,000 ops/s) is the reference the JSON line reports. */
const RATES = quick ? [5] : [1, 2.5, 5, 10, 20, 40, 80];
const here = path.dirname(new URL(import.meta.url).pathname);

function child(file: string, env: Record<string, string> = {}): ChildProcess {
  return fork(path.join(here, file), [], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE && file === 'server.ts'
        ? ['--cpu-prof', '--cpu-prof-dir=/tmp/tl-prof']
        : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function next<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`${type}: process exited with ${code}`));
    const onMessage = (msg: { type: string }) => {
      if (msg.type !== type) return;
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(msg as T);
    };
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

function sumByRoom(lists: [string, number][][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of lists) for (const [room, k] of list) out.set(room, (out.get(room) ?? 0) + k);
  return out;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

interface Stats {
  cpuMicros: number;
  wallMs: number;
  rss: number;
  peakRss: number;
  ops: number;
}
interface WorkerResult {
  submitted: number;
  ackLatencies: number[];
  visLatencies: number[];
  acked: [string, number][];
  receipts: [string, number][];
  rejected: number;
  unanswered: number;
}

const started = Date.now();
const server = child('server.ts', { BENCH_ROOMS: String(ROOMS), BENCH_CLIENTS: String(CLIENTS) });
// Workers boot while the server migrates and seeds.
const workers = Array.from({ length: WORKERS }, () => child('worker.ts'));
const workersUp = Promise.all(workers.map((w) => next(w, 'up')));
const ready = await next<{ port: number; kind: string; clients: SeededClient[] }>(server, 'ready');
const baseUrl = `http://127.0.0.1:${ready.port}`;
const stats = async (type: 'stats' | 'count' = 'stats') => {
  const s = next<Stats>(server, 'stats');
  server.send({ type });
  return s;
};

await workersUp;
await Promise.all(
  workers.map((w, i) => {
    const done = next(w, 'connected');
    w.send({
      type: 'connect',
      baseUrl,
      clients: ready.clients.filter((_, k) => k % WORKERS === i),
    });
    return done;
  }),
);
console.log(
  `server: ${ready.kind}, ${ROOMS} rooms x ${CLIENTS} clients in ${WORKERS} worker processes, ${os.cpus().length} CPUs; setup ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

async function phase(
  n: number,
  rate: number,
  durationMs: number,
  waits = { drainMs: 1000, settleMs: quick ? 3000 : 10_000 },
) {
  const before = await stats();
  const results = await Promise.all(
    workers.map((w) => {
      const r = next<WorkerResult>(w, 'result');
      w.send({ type: 'phase', phase: n, rate, durationMs, ...waits });
      return r;
    }),
  );
  const after = await stats();
  const acks = Float64Array.from(results.flatMap((r) => r.ackLatencies)).sort();
  const vis = Float64Array.from(results.flatMap((r) => r.visLatencies)).sort();
  const acked = sumByRoom(results.map((r) => r.acked));
  const totalAcked = [...acked.values()].reduce((a, b) => a + b, 0);
  const wallMs = after.wallMs - before.wallMs;
  return {
    rate,
    offered: rate * ROOMS * CLIENTS,
    submittedPerSec: results.reduce((a, r) => a + r.submitted, 0) / (durationMs / 1000),
    opsPerSec: totalAcked / (durationMs / 1000),
    ack: [50, 95, 99].map((p) => percentile(acks, p)),
    vis: [50, 95, 99].map((p) => percentile(vis, p)),
    cpu: ((after.cpuMicros - before.cpuMicros) / 1000 / wallMs) * 100,
    peakRssMb: after.peakRss / 2 ** 20,
    rejected: results.reduce((a, r) => a + r.rejected, 0),
    timeouts: results.reduce((a, r) => a + r.unanswered, 0),
  };
}

const baseline = await stats('count');
// Warm-up (JIT, connection pools, state caches); not reported.
await phase(0, 5, quick ? 1_000 : 5_000, { drainMs: 300, settleMs: 1000 });
console.log(
  'ops/s/client | offered ops/s | submitted ops/s | committed ops/s | ack p50/p95/p99 ms | visible p50/p95/p99 ms | server CPU % | server peak RSS MB | rejected | timeouts',
);
const rows: Awaited<ReturnType<typeof phase>>[] = [];
for (const [i, rate] of RATES.entries()) {
  const row = await phase(i + 1, rate, PHASE_MS);
  rows.push(row);
  console.log(
    `${row.rate} | ${row.offered} | ${fmt(row.submittedPerSec)} | ${fmt(row.opsPerSec)} | ${row.ack.map(fmt).join(' / ')} | ${row.vis.map(fmt).join(' / ')} | ${fmt(row.cpu)} | ${fmt(row.peakRssMb)} | ${row.rejected} | ${row.timeouts}`,
  );
  // Broken: clients are held back (10 ops in flight each) or the server does not commit what they submit, or remote visibility passes a second.
  if (
    (row.submittedPerSec < row.offered * 0.9 ||
      row.opsPerSec < row.submittedPerSec * 0.9 ||
      row.vis[2]! > 1000 ||
      row.timeouts > 0) &&
    rate >= 5
  ) {
    console.log(
      `broken at ${rate} ops/s per client (${row.offered} offered ops/s): committed ${fmt(row.opsPerSec)} ops/s, visible p99 ${fmt(row.vis[2]!)} ms`,
    );
    break;
  }
}

// Lost, over the whole run: acked but missing from the op log, or acked but not delivered to every client of its room.
const totals = await Promise.all(
  workers.map((w) => {
    const t = next<{ acked: [string, number][]; receipts: [string, number][] }>(w, 'totals');
    w.send({ type: 'final' });
    return t;
  }),
);
const ackedAll = sumByRoom(totals.map((t) => t.acked));
const receiptsAll = sumByRoom(totals.map((t) => t.receipts));
let lost = 0;
for (const [room, k] of ackedAll)
  lost += Math.max(0, Math.ceil((k * CLIENTS - (receiptsAll.get(room) ?? 0)) / CLIENTS));
const end = await stats('count');
const ackedCount = [...ackedAll.values()].reduce((a, b) => a + b, 0);
lost += Math.max(0, ackedCount - (end.ops - baseline.ops));
console.log(
  `acked ${ackedCount} ops in total; op log grew by ${end.ops - baseline.ops}; lost ${lost}`,
);

for (const w of workers) w.send({ type: 'stop' });
server.send({ type: 'stop' });
// A graceful stop may wait for a backlog of commits; the numbers are in, so give it 2 s.
await Promise.race([
  Promise.all(
    [server, ...workers].map(
      (p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r))),
    ),
  ),
  new Promise((r) => setTimeout(r, 2000)),
]);
for (const p of [server, ...workers]) if (p.exitCode === null) p.kill('SIGKILL');
const base = rows.find((r) => r.rate === 5)!;
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(
  JSON.stringify({
    opsPerSec: Math.round(base.opsPerSec),
    p50: +base.vis[0]!.toFixed(2),
    p95: +base.vis[1]!.toFixed(2),
    p99: +base.vis[2]!.toFixed(2),
    lost,
  }),
);
