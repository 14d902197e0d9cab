/**
 * Starts the real Threatloom server for Playwright: builds the web app (unless
 * TL_E2E_SKIP_BUILD=1), then serves it and the API on TL_E2E_PORT with a fresh
 * PGlite data directory, or on DATABASE_URL when that is set.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.TL_E2E_PORT ?? 0);
if (!port) throw new Error('TL_E2E_PORT is not set');

if (process.env.TL_E2E_SKIP_BUILD !== '1') {
  execFileSync('pnpm', ['--filter', '@threatloom/web', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'threatloom-e2e-'));
const { createServer } = await import(path.join(repoRoot, 'apps/server/src/create-server.ts'));
const server = await createServer({
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  webDist: path.join(repoRoot, 'apps/web/dist'),
  logLevel: 'silent',
  registrationOpen: true,
  // Many users sign in from one address during the suite.
  rateLimits: {
    login: { windowMs: 60_000, limit: 1_000 },
    register: { windowMs: 60_000, limit: 1_000 },
  },
});
// The instance admin (the first account) exists before any test signs up: see E2E_ADMIN.
const { registerUser } = await import(
  path.join(repoRoot, 'apps/server/src/services/users/register-user.ts')
);
await registerUser({
  db: server.db,
  email: 'admin@e2e.test',
  password: 'e2e-admin-password-5f3kq9',
  name: 'E2E Admin',
  registrationOpen: true,
  byAdmin: false,
});
server.httpServer.listen(port, '127.0.0.1', () =>
  console.log(`e2e server on http://127.0.0.1:${port}`),
);

const stop = () => {
  void server.close().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
