/**
 * Fixture readers shared by the format and engine tests. They read files, so they live outside
 * packages/core, which stays free of Node built-ins even in its test helpers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file (test-support/). */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');

/** Every Threat Dragon fixture file, relative to fixtures/threat-dragon, with its parsed JSON. */
export function threatDragonFixtures(): { name: string; json: unknown }[] {
  const dir = path.join(fixturesDir, 'threat-dragon');
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({
      name,
      json: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown,
    }));
}

export function readSchema(name: string): object {
  return JSON.parse(readFileSync(path.join(fixturesDir, 'schemas', name), 'utf8')) as object;
}

/** A deterministic id generator for tests. */
export function counterIds(prefix = 'gen'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}
