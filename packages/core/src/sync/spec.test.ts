import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../../..');
const spec = readFileSync(path.join(repo, 'packages/core/SPEC.md'), 'utf8');
const section = spec.slice(spec.indexOf('# Sync rules'));
const TEST_DIRS = ['packages/core/src/sync', 'packages/core/src/ops', 'apps/server/src/realtime'];
/** Sync rules and op rules share this check; threat rules have their own (threats/spec.test.ts). */
const ID = /(?:SYNC|OPS)-[A-Z]+-\d+/g;

/** Rule ids named in test titles (`describe('SYNC-…'` / `it('SYNC-…'`). */
function testedIds(): Set<string> {
  const ids = new Set<string>();
  for (const dir of TEST_DIRS) {
    for (const file of readdirSync(path.join(repo, dir)).filter((f) => f.endsWith('.test.ts'))) {
      const text = readFileSync(path.join(repo, dir, file), 'utf8');
      for (const title of text.matchAll(/(?:describe|it)\(\s*[`'"]([^`'"]*)/g))
        for (const id of title[1]!.matchAll(ID)) ids.add(id[0]);
    }
  }
  return ids;
}

describe('SPEC.md # Sync rules and # Op rules', () => {
  const specIds = [...section.matchAll(/^\| `((?:SYNC|OPS)-[A-Z]+-\d+)` \|/gm)].map((m) => m[1]!);

  it('has unique ids', () => {
    expect(specIds.length).toBeGreaterThan(20);
    expect(new Set(specIds).size).toBe(specIds.length);
  });

  it('every rule has a test named by its id, and every id a test names is a rule', () => {
    const tested = testedIds();
    expect(specIds.filter((id) => !tested.has(id))).toEqual([]);
    expect([...tested].filter((id) => !specIds.includes(id))).toEqual([]);
  });
});
