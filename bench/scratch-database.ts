import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

// pg is the server's dependency, not the root's (the benches are not a package): load it from there.
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(path.resolve(import.meta.dirname, '../apps/server/package.json'))(
  'pg',
) as { Client: new (options: { connectionString: string }) => PgClient };

/** The PostgreSQL server the benches create their databases on (`BENCH_DATABASE_URL`). */
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function run(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one bench run, and how to drop it afterwards. */
export async function createScratchDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `tl_bench_${randomBytes(4).toString('hex')}`;
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
