/**
 * `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the
 * PGlite database in DATA_DIR (default ./data) when DATABASE_URL is unset.
 */
import { resolveDataDir } from '../config';
import { openDatabase } from './open-database';

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: resolveDataDir(process.env.DATA_DIR || './data', process.env),
});
console.log(
  database.applied.length ? `applied: ${database.applied.join(', ')}` : 'database is up to date',
);
await database.close();
