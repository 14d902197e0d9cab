/**
 * `pnpm bench:api [--duration 10] [--connections 10] [--only postgres|pglite]`
 *
 * Starts the real server (apps/server/src/main.ts) as its own process, once on
 * a fresh PostgreSQL database (BENCH_DATABASE_URL, default a new database on
 * 127.0.0.1:5432) and once on PGlite in a temp directory, seeds a user, an API
 * token and models, then drives it with autocannon: list, get, update (PATCH
 * of an element, one committed op per request) and import (a Threat Dragon v2
 * file per request). Prints a Markdown table (paste into docs/benchmarks.md).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { createScratchDatabase } from '../scratch-database';

const root = path.resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
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
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('server exited during start');
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become ready');
}

async function api<T>(
  base: string,
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const CLOCK_TICKS =
  Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system, ms) a process has used so far, from /proc: independent of how busy the shared machine is. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

interface Row {
  db: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** Server process CPU per request (PGlite's database work included; PostgreSQL's is in its own processes). */
  cpuPerRequest: number;
}

async function load(
  server: ChildProcess,
  db: string,
  scenario: string,
  opts: object,
): Promise<Row> {
  const cpuBefore = cpuMs(server.pid!);
  const result = await autocannon({ duration, connections, ...opts });
  const cpu = cpuMs(server.pid!) - cpuBefore;
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    db,
    scenario,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors,
    cpuPerRequest: result.requests.total > 0 ? cpu / result.requests.total : 0,
  };
}

async function benchOne(kind: 'postgres' | 'pglite'): Promise<Row[]> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase();
    env = { DATABASE_URL: scratch.url };
    cleanup = scratch.drop;
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'tl-bench-'));
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  const { base, child } = await startServer(env);
  try {
    const reg = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password' }),
    });
    const cookie = reg.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = /tl_csrf=([^;]+)/.exec(cookie)![1]!;
    const tokenRes = await fetch(`${base}/api/tokens`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const fixture = await readFile(
      path.join(root, '../shared/fixtures/threat-dragon/demo/v2-threat-model.json'),
      'utf8',
    );
    // 20 models like a team's list; the one we read and edit is a real Threat Dragon demo model.
    const models: { id: string; records: number }[] = [];
    for (let i = 0; i < 20; i++)
      models.push(
        await api<{ id: string; records: number }>(
          base,
          token,
          'POST',
          '/api/models/import',
          JSON.parse(fixture),
        ),
      );
    const target = models[0]!;
    const full = await api<{ records: { id: string; typeName: string }[] }>(
      base,
      token,
      'GET',
      `/api/models/${target.id}`,
    );
    const element = full.records.find((r) => r.typeName === 'process')!;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const rows: Row[] = [];
    rows.push(
      await load(child, kind, `list (GET /api/models, ${models.length} models)`, {
        url: `${base}/api/models`,
        headers,
      }),
    );
    rows.push(
      await load(child, kind, `get (GET /api/models/:id, ${full.records.length} records)`, {
        url: `${base}/api/models/${target.id}`,
        headers,
      }),
    );
    let x = 0;
    rows.push(
      await load(child, kind, 'update (PATCH element, 1 op per request)', {
        url: `${base}/api/models/${target.id}/elements/${element.id}`,
        method: 'PATCH',
        headers,
        setupClient: (client: { setBody(b: string): void; on(e: string, f: () => void): void }) => {
          client.setBody(JSON.stringify({ x: ++x }));
          client.on('response', () => client.setBody(JSON.stringify({ x: ++x })));
        },
      }),
    );
    rows.push(
      await load(
        child,
        kind,
        `import (POST /api/models/import, ${Math.round(fixture.length / 1024)} KB TD v2)`,
        {
          url: `${base}/api/models/import`,
          method: 'POST',
          headers,
          body: fixture,
          connections: Math.min(connections, 4),
        },
      ),
    );
    return rows;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}

const kinds = (['postgres', 'pglite'] as const).filter((k) => !args.only || args.only === k);
const rows: Row[] = [];
for (const kind of kinds) rows.push(...(await benchOne(kind)));
console.log(
  `\nautocannon, ${duration} s per scenario, ${connections} connections (import: ${Math.min(connections, 4)}), ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}\n`,
);
console.log(
  '| database | scenario | req/s | p50 ms | p99 ms | requests | errors | server CPU ms/request |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(
    `| ${r.db} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.cpuPerRequest.toFixed(1)} |`,
  );
