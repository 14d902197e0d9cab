/**
 * `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the
 * PGlite database in DATA_DIR (default ./data) when DATABASE_URL is unset.
 */
import { openDatabase } from './open-database';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR || './data' });
console.log(database.applied.length ? `applied: ${database.applied.join(', ')}` : 'database is up to date');
await database.close();
