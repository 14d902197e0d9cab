import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  repoRoot,
  seedModel,
  startInProcess,
  type Member,
} from './realtime.test-helper';

/**
 * The wire contract as a stranger reads it: the session example of
 * docs/collaboration.md, taken from the page and run unchanged (only the
 * server address differs) in its own Node process.
 */
let dbHandle: Awaited<ReturnType<typeof createTestDatabase>>;
let server: Awaited<ReturnType<typeof startInProcess>>['server'];
let baseUrl: string;
let modelId: string;
let owner: Member;

beforeAll(async () => {
  dbHandle = await createTestDatabase();
  ({ server, baseUrl } = await startInProcess(dbHandle.url));
  const seeded = await seedModel(server.database, ['owner']);
  modelId = seeded.modelId;
  owner = seeded.members[0]!;
});

afterAll(async () => {
  await server?.close();
  await dbHandle?.drop();
});

/** The first TypeScript block after the "A live session" paragraph. */
async function docsSession(): Promise<string> {
  const page = await readFile(path.join(repoRoot, 'docs/collaboration.md'), 'utf8');
  const after = page.slice(page.indexOf('A live session'));
  const block = /```ts\n([\s\S]*?)```/.exec(after)?.[1];
  if (!block) throw new Error('docs/collaboration.md has no session example');
  return block;
}

describe('SYNC-PROTO-1: a client written from docs/collaboration.md', () => {
  it('joins without protocolVersion, edits and is refused as the page shows', async () => {
    const source = await docsSession();
    expect(source).toContain("emitWithAck('join', { modelId })");
    const file = path.join(repoRoot, 'apps/server', `.docs-session-${process.pid}.ts`);
    await writeFile(file, source.replace('http://127.0.0.1:3917', baseUrl));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', file, modelId],
        { cwd: path.join(repoRoot, 'apps/server'), env: { ...process.env, TOKEN: owner.token } },
      );
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^joined at seq \d+ with \d+ records$/);
      expect(stdout).toMatch(/^op \d+ \S+ \{"type":"patch".*"title":"Checkout flow"/m);
      expect(stdout).toMatch(/^\{ ok: true, seq: \d+ \}$/m);
      expect(stdout).toContain('{"ok":false,"error":{"code":"not_found","message":"record nope');
      expect(lines.at(-1)).toContain('"code":"version_mismatch"');
    } finally {
      await rm(file, { force: true });
    }
  });
});
