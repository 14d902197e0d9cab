import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { freePort } from '../src/realtime/realtime.test-helper';

const serverDir = path.resolve(import.meta.dirname, '..');

/** Runs src/main.ts with `env`; resolves with its exit code and stderr, or once a log line matches `until`. */
function runMain(
  env: Record<string, string>,
  until?: RegExp,
): Promise<{ code: number | null; stderr: string; matched?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      // Only what the test gives (plus PATH): the developer's own settings must not leak in.
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: 'memory://',
        PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let matched: string | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (until && !matched && until.test(line)) {
        matched = line;
        child.kill('SIGTERM');
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr, matched }));
  });
}

// Each test starts src/main.ts in a fresh process (twice, in one), compiling the server's import
// graph each time: tens of seconds on a loaded 2-core CI machine.
describe('server start-up', { timeout: 180_000 }, () => {
  it('stops on bad settings with one line naming each of them', async () => {
    const { code, stderr } = await runMain({
      TRUST_PROXY: 'true',
      REDIS_URL: 'localhost:6379',
      PUBLIC_ORIGIN: 'https://threats.example.com/app',
    });
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^threatloom: invalid configuration: /);
    for (const name of ['TRUST_PROXY', 'REDIS_URL', 'PUBLIC_ORIGIN'])
      expect(lines[0]).toContain(`${name}: `);
  });

  it('stops with one line when Redis cannot be reached at start', async () => {
    const { code, stderr } = await runMain({ REDIS_URL: 'redis://:secret@127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^threatloom: cannot start: REDIS_URL: cannot connect to Redis at 127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)\n$/,
    );
    expect(stderr).not.toContain('secret');
  });

  it('starts with TRUST_PROXY=false and logs the origin browsers must use', async () => {
    const { matched } = await runMain(
      { TRUST_PROXY: 'false', PUBLIC_ORIGIN: 'https://threats.example.com' },
      /browsers must use/,
    );
    expect(JSON.parse(matched!).msg).toBe(
      'browsers must use https://threats.example.com (PUBLIC_ORIGIN)',
    );
    const plain = await runMain({}, /browsers must use/);
    expect(JSON.parse(plain.matched!).msg).toMatch(
      /^browsers must use http:\/\/<Host header>; behind a TLS-terminating proxy set PUBLIC_ORIGIN/,
    );
  });

  it('logs one line per request with no cookie, token or CSRF header in it', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: 'memory://',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'trace',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    const waiters: { re: RegExp; resolve: (line: string) => void }[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.re.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    });
    const next = (re: RegExp) =>
      new Promise<string>((resolve) => {
        const seen = lines.find((l) => re.test(l));
        if (seen) resolve(seen);
        else waiters.push({ re, resolve });
      });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await next(/browsers must use/);
      const secrets = ['tl_bearer-secret-1', 'session-secret-2', 'csrf-secret-3'];
      const res = await fetch(`http://127.0.0.1:${port}/api/models?probe=redaction`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${secrets[0]}`,
          cookie: `tl_session=${secrets[1]}; tl_csrf=${secrets[2]}`,
          'x-csrf-token': secrets[2]!,
          'content-type': 'application/json',
        },
        body: '{}',
      });
      expect(res.status).toBe(401);
      const logged = JSON.parse(await next(/probe=redaction/)) as Record<string, unknown>;
      expect(logged.req).toMatchObject({ method: 'POST', url: '/api/models?probe=redaction' });
      expect(logged.res).toEqual({ statusCode: 401 });
      for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
