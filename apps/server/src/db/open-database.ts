import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from './generated/client';
import { applyMigrations } from './migrations';

export type Db = PrismaClient;

export interface Database {
  /** Prisma client over the chosen driver adapter; the rest of the server uses only this. */
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Migrations this start applied (empty when the schema was current). */
  applied: string[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; without it the server embeds PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
}

/** Arbitrary constant naming Threatloom's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK_KEY = 7_243_021_911;

/**
 * Connects to PostgreSQL (`databaseUrl`) or opens embedded PGlite (`dataDir`),
 * applies pending migrations and returns a Prisma client. Only the driver
 * adapter differs between the two; every query above it is the same code.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (options.databaseUrl) {
    const applied = migrate
      ? await withAdvisoryLock(options.databaseUrl, () => migratePostgres(options.databaseUrl!))
      : [];
    const db = new PrismaClient({
      adapter: new PrismaPg({ connectionString: options.databaseUrl }),
    });
    return { db, kind: 'postgres', applied, close: () => db.$disconnect() };
  }
  const dataDir = options.dataDir ?? './data';
  if (!dataDir.startsWith('memory://')) await mkdir(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create(
    dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir),
  );
  const factory = new PrismaPGlite(pglite);
  // PGlite is in-process and single-connection: no other process can open the directory, so no lock is needed.
  const applied = migrate ? await applyMigrations(factory) : [];
  const db = new PrismaClient({ adapter: factory });
  return {
    db,
    kind: 'pglite',
    applied,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

/**
 * Applies migrations over a pool this function owns and ends, so the engine's
 * connection (which holds Prisma's own migration lock) is gone when it returns.
 */
async function migratePostgres(databaseUrl: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    return await applyMigrations(new PrismaPg(pool));
  } finally {
    await pool.end();
  }
}

/**
 * Runs `fn` holding a session-level advisory lock, so two server processes
 * starting together on one database apply migrations one after the other
 * (the second then finds nothing to do).
 */
async function withAdvisoryLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
