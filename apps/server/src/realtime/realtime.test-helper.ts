import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import {
  newId,
  SyncClient,
  type ModelRecord,
  type Role,
  type SyncTransport,
} from '@threatloom/core';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ServerOptions } from '../create-server';
import type { Database } from '../db/open-database';
import { ignoreAccessChanges } from '../services/access/access-change';
import { shareModel } from '../services/members/members';
import { createModel } from '../services/models/create-model';
import { createApiToken } from '../services/tokens/api-tokens';
import { registerUser } from '../services/users/register-user';

/** Test support for the realtime integration tests: real PostgreSQL, real server processes, real sockets. */

export const repoRoot = path.resolve(import.meta.dirname, '../../../..');
/** A fresh, empty PostgreSQL database; `drop()` removes it. */
export { freshPostgres as createTestDatabase } from '../../test/helpers/test-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Member {
  id: string;
  email: string;
  token: string;
  role: Role;
}

/** Registers one user per role (owner first, who creates the model) and gives each an API token. */
export async function seedModel(
  database: Database,
  roles: Role[],
  title = 'Realtime',
): Promise<{ modelId: string; diagramId: string; members: Member[] }> {
  const { db } = database;
  const members: Member[] = [];
  let modelId = '';
  for (const [i, role] of roles.entries()) {
    const email = `${role}${i}-${newId().slice(0, 6)}@example.com`;
    const user = await registerUser({
      db,
      email,
      password: 'correct horse battery staple',
      name: `${role} ${i}`,
      registrationOpen: true,
      byAdmin: true,
    });
    const { token } = await createApiToken({ db, userId: user.id, name: 'test' });
    if (i === 0) modelId = (await createModel({ db, userId: user.id, title })).id;
    else await shareModel({ db, modelId, email, role, notify: ignoreAccessChanges });
    members.push({ id: user.id, email, token, role: i === 0 ? 'owner' : role });
  }
  const diagram = await db.record.findFirstOrThrow({ where: { modelId, typeName: 'diagram' } });
  return { modelId, diagramId: diagram.id, members };
}

/** A socket.io client authenticated with an API token (websocket only, no auto-connect). */
export function socketFor(
  baseUrl: string,
  token: string | undefined,
  options: { autoConnect?: boolean; reconnection?: boolean } = {},
): Socket {
  return ioClient(baseUrl, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    autoConnect: options.autoConnect ?? true,
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
}

/** Emits and waits for the ack. */
export function request(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<unknown> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload);
}

/** A SyncClient on a real socket, started. */
export async function syncClientFor(
  socket: Socket,
  modelId: string,
  options: Partial<ConstructorParameters<typeof SyncClient>[0]> = {},
): Promise<SyncClient> {
  const client = new SyncClient({
    modelId,
    transport: socket as unknown as SyncTransport,
    ...options,
  });
  await client.start();
  return client;
}

/** Resolves when `predicate` holds, polling; rejects after `timeoutMs` naming `what`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const start = Date.now();
  while (!(await predicate())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts `apps/server/src/main.ts` as a child process and resolves once /healthz answers. */
export async function startServerProcess(env: {
  port: number;
  databaseUrl: string;
  redisUrl?: string;
}): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'apps/server/src/main.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(env.port),
        HOST: '127.0.0.1',
        DATABASE_URL: env.databaseUrl,
        LOG_LEVEL: 'warn',
        ...(env.redisUrl ? { REDIS_URL: env.redisUrl } : { REDIS_URL: '' }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`server exited early (${code ?? signal})`)),
    ),
  );
  const ready = (async () => {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${env.port}/healthz`);
        if (res.ok) return child;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return Promise.race([ready, exited]);
}

/** Stops a child server (SIGTERM by default; SIGKILL for the crash test) and waits for it to exit. */
export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await done;
}

/** Records sorted by id, for comparing states. */
export const sorted = (records: Iterable<ModelRecord>) =>
  [...records].sort((a, b) => a.id.localeCompare(b.id));

/** A process record for a diagram. */
export function processRecord(id: string, diagramId: string, name = 'Service'): ModelRecord {
  return { id, typeName: 'process', diagramId, name, x: 0, y: 0 } as unknown as ModelRecord;
}

/** The real server in this process on a random port (faster than a child process). */
export async function startInProcess(
  databaseUrl: string,
  options: Omit<ServerOptions, 'databaseUrl'> = {},
) {
  const { createServer } = await import('../create-server');
  const server = await createServer({ databaseUrl, logLevel: 'silent', ...options });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.httpServer.address() as { port: number };
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}
