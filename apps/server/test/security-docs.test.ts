import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const docs = path.join(root, 'docs');
const page = readFileSync(path.join(docs, 'security.md'), 'utf8');

/** Every "[`file`: "test name"](path)" on docs/security.md. */
const references = [...page.matchAll(/\[`([^`]+)`: "([^"]+)"\]\(([^)]+)\)/g)].map((m) => ({
  file: m[1]!,
  title: m[2]!,
  target: path.resolve(docs, m[3]!),
}));

describe('docs/security.md', () => {
  it('names tests that exist, in the files it links to', () => {
    expect(references.length).toBeGreaterThan(40);
    const missing = references.filter(
      (r) =>
        path.basename(r.target) !== r.file ||
        !existsSync(r.target) ||
        !readFileSync(r.target, 'utf8').includes(r.title),
    );
    expect(missing).toEqual([]);
  });

  it('is linked from SECURITY.md at the repository root', () => {
    expect(readFileSync(path.join(root, 'SECURITY.md'), 'utf8')).toContain('(docs/security.md)');
  });
});
