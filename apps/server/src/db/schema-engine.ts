import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

/** Absolute path of the repository's prisma/ folder (schema and migrations). */
export const PRISMA_DIR = path.resolve(import.meta.dirname, '../../../../prisma');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');

// Node has WebAssembly; the server's lib settings (ES2023, no DOM) do not declare it.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let instantiated: Promise<void> | undefined;

/**
 * Prisma's migration engine compiled to WebAssembly. The native engine binary
 * cannot be downloaded on these machines; the WASM build talks to the database
 * through the same driver adapters the client uses, so migrations stay in
 * Prisma's format and `prisma migrate deploy` elsewhere reads the same history.
 * The module's default entry imports the .wasm file as an ES module, which Node
 * cannot do, so it is instantiated here by hand.
 */
function instantiate(): Promise<void> {
  instantiated ??= (async () => {
    // The package's export map hides the .wasm file; it sits next to the bindings.
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings,
    });
    bindings.__wbg_set_wasm(instance.exports as never);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return instantiated;
}

/** Opens the schema engine over a migration-aware adapter factory (PrismaPg or PrismaPGlite). */
export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void = () => {},
): Promise<SchemaEngine> {
  await instantiate();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  return bindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}
