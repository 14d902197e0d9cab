import path from 'node:path';
import { z } from 'zod';
import type { ServerOptions } from './create-server';

const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Environment variables the server reads (documented in docs/api.md). */
export const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  REGISTRATION_OPEN: ZBool.default(true),
  PUBLIC_ORIGIN: z.url().optional(),
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  /** Failed logins allowed per address and email in 15 minutes. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Registrations allowed per address in an hour. */
  REGISTER_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Failed logins per email from all addresses before each attempt waits (http/login-backoff.ts). */
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(20),
  /** The first wait; it doubles per further failure, up to 32 times. */
  LOGIN_BACKOFF_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
});

export type Config = ServerOptions & { port: number; host: string };

/** Reads and checks the environment; a bad value stops the start with a message naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ZEnv.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const trustProxy =
    e.TRUST_PROXY === undefined
      ? undefined
      : /^\d+$/.test(e.TRUST_PROXY)
        ? Number(e.TRUST_PROXY)
        : e.TRUST_PROXY === 'true'
          ? true
          : e.TRUST_PROXY;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolveDataDir(e.DATA_DIR, env),
    registrationOpen: e.REGISTRATION_OPEN,
    publicOrigin: e.PUBLIC_ORIGIN,
    trustProxy,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    rateLimits: {
      login: { windowMs: 15 * 60_000, limit: e.LOGIN_RATE_LIMIT },
      register: { windowMs: 60 * 60_000, limit: e.REGISTER_RATE_LIMIT },
      loginAccount: { limit: e.LOGIN_ACCOUNT_LIMIT, backoffMs: e.LOGIN_BACKOFF_SECONDS * 1000 },
    },
  };
}

/**
 * A relative DATA_DIR is taken from where the user ran the command: pnpm runs
 * package scripts inside apps/server but records the caller's directory in
 * INIT_CWD, so `pnpm start` at the repository root keeps its data in ./data there.
 */
export function resolveDataDir(dataDir: string, env: NodeJS.ProcessEnv): string {
  if (dataDir.startsWith('memory://') || path.isAbsolute(dataDir)) return dataDir;
  return path.resolve(env.INIT_CWD || process.cwd(), dataDir);
}
