import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { MIGRATIONS_DIR, openSchemaEngine } from './schema-engine';

/** Reads prisma/migrations the way the Prisma CLI does: one folder per migration, sorted by name. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: {
      path: 'migration_lock.toml',
      content: await readFile(lockPath, 'utf8').catch(() => null),
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => {
        const file = path.join(dir, folder, 'migration.sql');
        const content = await readFile(file, 'utf8').then(
          (ok) => ({ tag: 'ok' as const, value: ok }),
          (err: Error) => ({ tag: 'error' as const, value: err.message }),
        );
        return { path: folder, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * Applies the migrations not yet applied and records them in `_prisma_migrations`
 * exactly as `prisma migrate deploy` does. Returns the names it applied (empty
 * when the database is up to date).
 */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string[]> {
  const engine = await openSchemaEngine(factory);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await loadMigrations(),
      filters: NO_FILTER,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes a database built by the existing migrations to the current
 * schema.prisma, or '' when they agree. The engine replays the migrations on a
 * shadow database the factory provides (PGlite: in memory).
 */
export async function diffMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string> {
  const engine = await openSchemaEngine(factory);
  try {
    const schema = await readFile(path.join(MIGRATIONS_DIR, '..', 'schema.prisma'), 'utf8');
    const migrations = await loadMigrations();
    const result = await engine.diff({
      from:
        migrations.migrationDirectories.length > 0
          ? { tag: 'migrations', ...migrations }
          : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return result.exitCode === 2 ? (result.stdout ?? '') : '';
  } finally {
    engine.free();
  }
}
