import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createServer, type ServerOptions, type ThreatloomServer } from '../../src/create-server';

export type DbKind = 'postgres' | 'pglite';
/** Every integration suite runs once per database. */
export const DB_KINDS: DbKind[] = ['postgres', 'pglite'];

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates an empty PostgreSQL database for one test file; returns its URL and a drop function. */
export async function freshPostgres(
  prefix = 'tl_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestServer {
  server: ThreatloomServer;
  base: string;
  databaseUrl?: string;
  stop(): Promise<void>;
}

/** A real server on a random loopback port over a fresh database of the given kind. */
export async function startTestServer(
  kind: DbKind,
  options: ServerOptions = {},
): Promise<TestServer> {
  const pgdb = kind === 'postgres' ? await freshPostgres() : undefined;
  const server = await createServer({
    logLevel: 'silent',
    rateLimits: { register: { windowMs: 60_000, limit: 10_000 } },
    ...options,
    ...(pgdb ? { databaseUrl: pgdb.url } : { dataDir: 'memory://' }),
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    server,
    base: `http://127.0.0.1:${address.port}`,
    databaseUrl: pgdb?.url,
    stop: async () => {
      await server.close();
      await pgdb?.drop();
    },
  };
}
