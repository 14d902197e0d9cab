/**
 * Health under heavy requests (`pnpm bench:healthz [-- --db pglite|postgres]`):
 * one server process (tsx, as `pnpm start` runs it), and from this process a
 * sampler calling GET /healthz one request after another for the whole run
 * while the server
 *   1. imports a generated 100,000-element Threat Dragon file (about 3.9 MB),
 *   2. answers five socket joins of that model at once (each a full snapshot),
 *   3. renders a large PDF (a 2,000-element model with 2,333 threats), and
 *      refuses one over the text budget (400 threats of 49,000 characters).
 * Prints p50/p99/max of /healthz per phase and overall, each phase's time,
 * and a last JSON line. The goal (issue 10.4): p99 under 100 ms throughout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROTOCOL_VERSION } from '../../packages/core/src/index';
import { sampleModel } from '../../packages/report/test/sample-model';
import { bigThreatDragonModel } from './td-model';
import { createScratchDatabase } from '../scratch-database';

const root = path.resolve(import.meta.dirname, '../..');
// socket.io-client is the server's dependency (the bench is not a package): load it from there.
const require = createRequire(path.join(root, 'apps/server/package.json'));
interface Socket {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
  on(event: string, handler: (payload: never) => void): void;
  disconnect(): void;
}
const { io } = require('socket.io-client') as { io: (url: string, options: object) => Socket };
const { values: args } = parseArgs({
  // `pnpm bench:healthz -- --db postgres` passes the `--` on.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    db: { type: 'string', default: 'pglite' },
    elements: { type: 'string', default: '100000' },
    joins: { type: 'string', default: '5' },
  },
});
const ELEMENTS = Number(args.elements);
const JOINS = Number(args.joins);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** One HTTP request on its own connection; resolves with the status and body text. */
function call(
  base: string,
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(base + url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function startServer(
  env: Record<string, string>,
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')],
    {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('server exited during start');
    try {
      if ((await call(base, 'GET', '/readyz')).status === 200) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become ready');
}

interface Sample {
  at: number;
  ms: number;
  phase: string;
}

/** Sequential /healthz calls (one in flight at a time, a fresh connection each) until stopped. */
function sampler(base: string, phaseOf: () => string) {
  const samples: Sample[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const phase = phaseOf();
      const t0 = performance.now();
      const res = await call(base, 'GET', '/healthz').catch(() => ({ status: 0 }));
      const ms = performance.now() - t0;
      if (res.status === 200) samples.push({ at: t0, ms, phase });
      else samples.push({ at: t0, ms: Number.POSITIVE_INFINITY, phase });
      // A short pause keeps the sampler's own load on the shared cores small.
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

const pct = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : -1);

function stats(samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    samples: ms.length,
    p50: round(pct(ms, 50)),
    p99: round(pct(ms, 99)),
    max: round(ms[ms.length - 1] ?? 0),
    over100: ms.filter((m) => m > 100).length,
  };
}

async function main() {
  const kind = args.db === 'postgres' ? 'postgres' : 'pglite';
  let env: Record<string, string> = { DATA_DIR: 'memory://', DATABASE_URL: '' };
  let cleanup = async () => {};
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase();
    env = { DATABASE_URL: scratch.url };
    cleanup = scratch.drop;
  }
  const { base, child } = await startServer(env);
  let phase = 'idle';
  const phases: { phase: string; ms: number; note: string }[] = [];
  const s = sampler(base, () => phase);
  const timed = async (name: string, run: () => Promise<string>) => {
    phase = name;
    const t0 = performance.now();
    const note = await run();
    phases.push({ phase: name, ms: Math.round(performance.now() - t0), note });
    console.error(`${name}: ${Math.round(performance.now() - t0)} ms (${note})`);
    phase = 'idle';
  };
  try {
    // Sign up (the first account), then a personal token for everything else.
    const jar = new Map<string, string>();
    const keep = (h: http.IncomingHttpHeaders) => {
      for (const c of h['set-cookie'] ?? []) {
        const [pair = ''] = c.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
    };
    const page = () => ({
      'content-type': 'application/json',
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': jar.get('tl_csrf') ?? '',
      origin: base,
    });
    keep((await call(base, 'GET', '/api/auth/me')).headers);
    const reg = await call(
      base,
      'POST',
      '/api/auth/register',
      page(),
      JSON.stringify({
        email: 'bench@example.test',
        password: `Bench ${randomBytes(8).toString('hex')}`,
      }),
    );
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${reg.text}`);
    keep(reg.headers);
    const tok = await call(base, 'POST', '/api/tokens', page(), JSON.stringify({ name: 'bench' }));
    if (tok.status !== 201) throw new Error(`token: ${tok.status} ${tok.text}`);
    const token = (JSON.parse(tok.text) as { token: string }).token;
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    await new Promise((r) => setTimeout(r, 1000));
    const file = JSON.stringify(bigThreatDragonModel(ELEMENTS));
    let modelId = '';
    await timed('import', async () => {
      const res = await call(base, 'POST', '/api/models/import', auth, file);
      if (res.status !== 201) throw new Error(`import: ${res.status} ${res.text.slice(0, 300)}`);
      const body = JSON.parse(res.text) as { id: string; records: number };
      modelId = body.id;
      return `${(file.length / 1e6).toFixed(1)} MB, ${body.records} records`;
    });

    await timed('joins', async () => {
      const sockets = Array.from({ length: JOINS }, () =>
        io(base, { auth: { token }, transports: ['websocket'], reconnection: false }),
      );
      // As the web app's SyncClient joins: the snapshot in pages (SYNC-RECONNECT-4), unless
      // BENCH_SNAPSHOT_PAGES=0 asks for the whole snapshot in each ack.
      const paged = process.env.BENCH_SNAPSHOT_PAGES !== '0';
      const received = sockets.map(() => 0);
      sockets.forEach((socket, i) =>
        socket.on('snapshotPage', (page: { records: unknown[] }) => {
          received[i]! += page.records.length;
        }),
      );
      const acks = await Promise.all(
        sockets.map(
          (socket) =>
            socket.timeout(600_000).emitWithAck('join', {
              modelId,
              protocolVersion: PROTOCOL_VERSION,
              ...(paged ? { snapshotPages: true } : {}),
            }) as Promise<{ ok: boolean; snapshot?: { records: unknown[]; pages?: number } }>,
        ),
      );
      for (const socket of sockets) socket.disconnect();
      const counts = acks.map((a, i) =>
        a.ok ? received[i]! + (a.snapshot?.records.length ?? 0) : -1,
      );
      return `${JOINS} at once, ${counts[0]} records each${paged ? `, ${acks[0]?.snapshot?.pages ?? 0} pages` : ', one ack'}`;
    });

    const native = { format: 'threatloom', version: 1, records: sampleModel({ nodes: 1000 }) };
    const reportModel = JSON.parse(
      (await call(base, 'POST', '/api/models/import', auth, JSON.stringify(native))).text,
    ) as { id: string; records: number };
    await timed('report', async () => {
      const res = await call(base, 'GET', `/api/models/${reportModel.id}/report.pdf`, auth);
      if (res.status !== 200) throw new Error(`report: ${res.status} ${res.text.slice(0, 300)}`);
      return `${reportModel.records} records, ${(res.text.length / 1024).toFixed(0)} KiB`;
    });
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await s.stop();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }

  const byPhase = Object.fromEntries(
    ['import', 'joins', 'report', 'idle'].map((p) => [
      p,
      stats(s.samples.filter((x) => x.phase === p)),
    ]),
  );
  const overall = stats(s.samples);
  console.log(
    `/healthz while the server works (${kind}; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  console.log(
    '| phase | took ms | what | healthz samples | p50 ms | p99 ms | max ms | over 100 ms |',
  );
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const p of phases) {
    const st = byPhase[p.phase]!;
    console.log(
      `| ${p.phase} | ${p.ms} | ${p.note} | ${st.samples} | ${st.p50} | ${st.p99} | ${st.max} | ${st.over100} |`,
    );
  }
  console.log(
    `| all (with idle gaps) | | | ${overall.samples} | ${overall.p50} | ${overall.p99} | ${overall.max} | ${overall.over100} |`,
  );
  console.log(
    JSON.stringify({
      bench: 'healthz',
      db: kind,
      node: process.version,
      cpus: os.cpus().length,
      loadavg: os.loadavg().map((l) => Math.round(l * 10) / 10),
      elements: ELEMENTS,
      joins: JOINS,
      phases: phases.map((p) => ({ ...p, healthz: byPhase[p.phase] })),
      overall,
      goalP99Ms: 100,
      // The goal holds while any of the work runs: every phase, not the run with its idle gaps.
      met: phases.every((p) => byPhase[p.phase]!.p99 < 100),
    }),
  );
}

await main();
