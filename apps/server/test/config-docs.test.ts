import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZEnv } from '../src/config';

const root = path.resolve(import.meta.dirname, '../../..');

/** Code the server process runs: its own source and the packages it loads (the report workers read fonts). */
const SERVER_CODE = ['apps/server/src', 'packages/report/src', 'packages/core/src'];
/** Read, but nothing anyone configures: pnpm sets INIT_CWD to where the command ran (see DATA_DIR). */
const NOT_SETTINGS = new Set(['INIT_CWD']);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter(
      (e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|test-helper/.test(e.name),
    )
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
}

/** Every `process.env.NAME`, `env.NAME` and `env['NAME']` in the server's code, plus every key of ZEnv. */
function variablesRead(): Set<string> {
  const names = new Set(Object.keys(ZEnv.shape));
  for (const file of SERVER_CODE.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g))
      names.add((m[1] ?? m[2])!);
  }
  for (const n of NOT_SETTINGS) names.delete(n);
  return names;
}

/** First-column `NAME` cells of the Markdown tables in README.md and docs/*.md. */
function documented(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files)
    for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(
      /^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm,
    ))
      names.add(m[1]!);
  return names;
}

describe('the configuration table', () => {
  const docs = [
    'README.md',
    ...readdirSync(path.join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('documents every environment variable the server reads', () => {
    const read = variablesRead();
    expect(read).toContain('TRUST_PROXY');
    expect(read).toContain('THREATLOOM_FONT_DIR');
    const table = documented(docs);
    expect([...read].filter((n) => !table.has(n))).toEqual([]);
  });

  it('documents only variables the server reads (docs/api.md)', () => {
    const read = variablesRead();
    expect([...documented(['docs/api.md'])].filter((n) => !read.has(n))).toEqual([]);
  });
});
