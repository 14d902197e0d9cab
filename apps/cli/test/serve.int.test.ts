import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { builtBundle, tempDir } from './run-cli';

/** Starts the bundled `threatloom serve` and resolves once it prints where it listens and the origin browsers must use. */
async function startServe(
  args: string[],
  cwd: string,
): Promise<{
  child: ChildProcess;
  url: string;
  line: string;
  stdout: string;
  exited: Promise<number | null>;
}> {
  const child = spawn(process.execPath, [await builtBundle(), 'serve', ...args], {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const lines = stdout.split('\n');
      const found = lines.find((l) => l.startsWith('Threatloom is running at '));
      // The line after it says which origin browsers must use.
      if (found && lines.some((l) => l.startsWith('Browsers must use '))) resolve(found);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, url: /at (http:\/\/\S+) /.exec(line)![1]!, line, stdout, exited };
}

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `tl_cli_serve_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end().catch(() => {});
});

describe('threatloom serve', () => {
  it('serves on the given port with an embedded database in --data-dir (relative to the cwd) and stops on SIGTERM', async () => {
    const cwd = tempDir();
    const { child, url, line, stdout, exited } = await startServe(
      ['--port', '0', '--data-dir', 'store'],
      cwd,
    );
    try {
      expect(line).toContain(`embedded PGlite in ${path.join(cwd, 'store')}`);
      expect(stdout).toContain(
        '\nBrowsers must use http://<Host header>; behind a TLS-terminating proxy set PUBLIC_ORIGIN',
      );
      expect(existsSync(path.join(cwd, 'store'))).toBe(true);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      // The REST API answers too: an anonymous caller is told it has no user, not crashed.
      const me = await fetch(`${url}/api/auth/me`);
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({ user: null });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('uses PostgreSQL when given --database-url', async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${dbName}`;
    const { child, url, line, exited } = await startServe(
      ['--port', '0', '--database-url', databaseUrl.href],
      tempDir(),
    );
    try {
      expect(line).toContain('(database: PostgreSQL)');
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const tables = await new pg.Client({ connectionString: databaseUrl.href });
      await tables.connect();
      const { rows } = await tables.query<{ n: string }>(
        'SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL',
      );
      await tables.end();
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
