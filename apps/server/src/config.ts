import { existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { ServerOptions } from './create-server';

// ---------------------------------------------------------------------------
// Value parsers. Every variable arrives as a string; each parser says in its
// message what a good value looks like (the start-up error names the variable).

const ZBool = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** A whole number between `min` and `max`, written in decimal digits. */
const ZInt = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

/** A URL with one of the given schemes; the value itself is never echoed (it may hold a password). */
const ZUrlOf = (schemes: string[], example: string) =>
  z.string().refine(
    (v) => {
      try {
        return schemes.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${schemes.join(' or ')} URL such as ${example}`,
  );

/** A browser origin: http(s), host, optional port, nothing after it. Normalised as browsers send it. */
const ZOrigin = z
  .string()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (
        (u.protocol === 'http:' || u.protocol === 'https:') &&
        u.pathname === '/' &&
        !u.search &&
        !u.hash &&
        !u.username &&
        !u.password &&
        !/[?#]/.test(v)
      );
    } catch {
      return false;
    }
  }, 'must be an origin such as https://threats.example.com (scheme, host and optional port; no path)')
  .transform((v) => new URL(v).origin);

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of a trusted-proxy list, as proxy-addr (Express' `trust proxy`) understands it. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [ip = '', prefix, ...rest] = entry.split('/');
  const family = isIP(ip);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const TRUST_PROXY_HELP =
  'give the number of proxies in front of the server (1, 2…) or their addresses: IPs, CIDR subnets, loopback, linklocal, uniquelocal (comma-separated)';

/**
 * `trust proxy` decides which X-Forwarded-For entry is the client. `true`
 * trusts every entry, so a client picks its own address by sending the header
 * (and walks past per-address rate limits): refused.
 */
const ZTrustProxy = z
  .string()
  .trim()
  .transform((v, ctx): number | string | undefined => {
    if (v === 'false') return undefined;
    if (v === 'true') {
      ctx.addIssue({
        code: 'custom',
        message: `true would believe any client-supplied X-Forwarded-For address; ${TRUST_PROXY_HELP}`,
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${bad.length > 0 ? `${bad.join(', ')} is not a proxy address` : 'empty'}; ${TRUST_PROXY_HELP}`,
      });
      return z.NEVER;
    }
    return entries.join(',');
  });

const ZDirectory = (what: string, needs?: string) =>
  z.string().refine(
    (v) => {
      try {
        return statSync(v).isDirectory() && (!needs || existsSync(path.join(v, needs)));
      } catch {
        return false;
      }
    },
    `must be an existing directory${needs ? ` holding ${needs}` : ''} (${what})`,
  );

// ---------------------------------------------------------------------------

/**
 * Every environment variable the server reads, one entry each, checked at
 * start-up. Each one has a row in the configuration table of docs/api.md
 * (a test fails otherwise). To add a setting: add it here, map it in
 * `readConfig`, document it.
 */
export const ZEnv = z.object({
  PORT: ZInt(0, 65_535).default(3000),
  HOST: z
    .string()
    .refine(
      (v) =>
        isIP(v) !== 0 ||
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(v),
      'must be an IP address or a host name',
    )
    .default('0.0.0.0'),
  DATABASE_URL: ZUrlOf(
    ['postgres:', 'postgresql:'],
    'postgres://user:pass@host:5432/db',
  ).optional(),
  DATA_DIR: z.string().default('./data'),
  REGISTRATION_OPEN: ZBool.default(true),
  PUBLIC_ORIGIN: ZOrigin.optional(),
  TRUST_PROXY: ZTrustProxy.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  WEB_DIST: ZDirectory('the built web app', 'index.html').optional(),
  /** Failed logins allowed per address and email in 15 minutes. */
  LOGIN_RATE_LIMIT: ZInt(1).default(10),
  /** Registrations allowed per address in an hour. */
  REGISTER_RATE_LIMIT: ZInt(1).default(20),
  /** Failed logins per email from all addresses before each attempt waits (http/login-backoff.ts). */
  LOGIN_ACCOUNT_LIMIT: ZInt(1).default(20),
  /** The first wait; it doubles per further failure, up to 32 times. */
  LOGIN_BACKOFF_SECONDS: ZInt(1, 3_600).default(30),
  /** PDF report worker threads (services/reports/render-report.ts, docs/limits.md). */
  REPORT_WORKERS: ZInt(1, 64).default(2),
  /** Reports waiting for a worker before 503 busy. */
  REPORT_QUEUE: ZInt(0, 1_000).default(8),
  /** A render running longer is stopped with its worker (503 report_timeout). */
  REPORT_TIMEOUT_SECONDS: ZInt(1, 3_600).default(60),
  /** Heap of each report worker (resourceLimits.maxOldGenerationSizeMb). */
  REPORT_MEMORY_MB: ZInt(64, 16_384).default(512),
  /** Reports one user may have queued or rendering at once (429 rate_limited beyond). */
  REPORT_PER_USER: ZInt(1, 64).default(2),
  /** Characters of one field a report prints; the rest is cut with a note. */
  REPORT_MAX_FIELD_CHARS: ZInt(100, 50_000).default(10_000),
  /** Characters of text one report may print (422 report_too_large beyond). */
  REPORT_MAX_TEXT_CHARS: ZInt(1_000, 100_000_000).default(2_000_000),
  REDIS_URL: ZUrlOf(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional(),
  /** Outgoing mail for invitations and sign-up confirmations. */
  SMTP_URL: ZUrlOf(['smtp:', 'smtps:'], 'smtp://user:pass@mail.example.com:587').optional(),
  /** Sender of that mail: `noreply@example.com` or `Threatloom <noreply@example.com>`. */
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      'must be an address such as noreply@example.com or Threatloom <noreply@example.com>',
    )
    .optional(),
  /** How long an invitation link works. */
  INVITATION_TTL_HOURS: ZInt(1, 8_760).default(168),
  /** Read by the report fonts (packages/report/src/pdf/fonts.ts) in the report workers. */
  THREATLOOM_FONT_DIR: ZDirectory('report fonts').optional(),
});

export type Config = ServerOptions & { port: number; host: string };

/** A configuration problem: `message` is the one line to print. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the environment; a bad value throws a ConfigError naming the variable and the problem. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ZEnv.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.SMTP_URL && !e.MAIL_FROM)
    throw new ConfigError('invalid configuration: MAIL_FROM: required when SMTP_URL is set');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolveDataDir(e.DATA_DIR, env),
    registrationOpen: e.REGISTRATION_OPEN,
    publicOrigin: e.PUBLIC_ORIGIN,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    redisUrl: e.REDIS_URL,
    rateLimits: {
      login: { windowMs: 15 * 60_000, limit: e.LOGIN_RATE_LIMIT },
      register: { windowMs: 60 * 60_000, limit: e.REGISTER_RATE_LIMIT },
      loginAccount: { limit: e.LOGIN_ACCOUNT_LIMIT, backoffMs: e.LOGIN_BACKOFF_SECONDS * 1000 },
    },
    reports: {
      workers: e.REPORT_WORKERS,
      maxQueued: e.REPORT_QUEUE,
      timeoutMs: e.REPORT_TIMEOUT_SECONDS * 1000,
      maxMemoryMb: e.REPORT_MEMORY_MB,
      perUser: e.REPORT_PER_USER,
      text: { maxFieldChars: e.REPORT_MAX_FIELD_CHARS, maxReportChars: e.REPORT_MAX_TEXT_CHARS },
    },
    smtp: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    invitationTtlHours: e.INVITATION_TTL_HOURS,
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
