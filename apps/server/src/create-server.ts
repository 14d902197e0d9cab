import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { Server as SocketServer } from 'socket.io';
import { createOriginPolicy, type OriginPolicy, type TrustProxyFn } from './auth/origin-policy';
import { openDatabase, type Database, type Db } from './db/open-database';
import { authenticate } from './http/authenticate';
import { DEFAULT_RATE_LIMITS, type RateLimits, type RouteContext } from './http/context';
import { csrfProtection } from './http/csrf';
import { apiNotFound, errorHandler } from './http/errors';
import { jsonBody } from './http/json-body';
import { authRoutes } from './http/routes/auth';
import { healthRoutes } from './http/routes/health';
import { libraryRoutes } from './http/routes/library';
import { memberRoutes } from './http/routes/members';
import { invitationRoutes, modelInvitationRoutes } from './http/routes/invitations';
import { modelRoutes } from './http/routes/models';
import { recordRoutes } from './http/routes/records';
import { reportRoutes } from './http/routes/report';
import { ruleRoutes } from './http/routes/rules';
import { tokenRoutes } from './http/routes/tokens';
import { threatRoutes } from './http/routes/threats';
import { transferRoutes } from './http/routes/transfer';
import { openApiDocument } from './http/openapi';
import { attachRealtime, type Realtime } from './realtime/attach-realtime';
import type { RealtimeLimits } from './realtime/socket-session';
import {
  createReportRenderer,
  type ReportRenderer,
  type ReportRendererOptions,
} from './services/reports/render-report';
import { createMailer } from './services/mail/mailer';

export interface ServerOptions {
  /** PostgreSQL URL; without it, embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory (default ./data); `memory://` for a throwaway database. */
  dataDir?: string;
  /** Anyone may register (default true); when false only the first account and admins' invitations. */
  registrationOpen?: boolean;
  /** Origin browsers use to reach the server (e.g. https://threats.example.com) when a proxy rewrites Host. */
  publicOrigin?: string;
  /**
   * Express `trust proxy`: how many proxies sit in front (a hop count) or which
   * addresses are proxies (comma-separated IPs, CIDRs, `loopback`…). Behind a
   * TLS-terminating proxy cookies then get `Secure` and rate limits see the
   * client's address. Never `true`: that believes a client's own X-Forwarded-For.
   */
  trustProxy?: number | string;
  /** Redis for socket.io's Redis Streams adapter when several server processes share rooms. */
  redisUrl?: string;
  /** pino level (default info; tests use silent). */
  logLevel?: string;
  /** Built web app to serve with SPA fallback (default apps/web/dist when it exists). */
  webDist?: string;
  rateLimits?: Partial<RateLimits>;
  /** PDF report worker pool: threads and queue length (default 2 and 8). */
  reports?: ReportRendererOptions;
  /** Socket limits (docs/collaboration.md); tests lower them. */
  realtimeLimits?: Partial<RealtimeLimits>;
  /** Outgoing mail (invitations, sign-up confirmations); without it links are only shown. */
  smtp?: { url: string; from: string };
  /** How long an invitation link works (default 168 hours). */
  invitationTtlHours?: number;
}

export interface ThreatloomServer {
  app: Express;
  httpServer: HttpServer;
  io: SocketServer;
  db: Db;
  database: Database;
  logger: Logger;
  /** The origin rule REST writes and socket handshakes share; its description goes in the start-up log. */
  origins: OriginPolicy;
  /** The PDF report worker pool. */
  reports: ReportRenderer;
  close(): Promise<void>;
}

const JSON_MAX_DEPTH = 64;
const DEFAULT_WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

/**
 * Builds the whole server (database with migrations applied, Express app,
 * HTTP server, socket.io) without listening, so tests and `main.ts` share it.
 */
export async function createServer(options: ServerOptions = {}): Promise<ThreatloomServer> {
  const logger = pino({
    level: options.logLevel ?? 'info',
    // Credentials never reach the logs.
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
    ],
  });
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
  });
  if (database.applied.length > 0) logger.info({ applied: database.applied }, 'migrations applied');
  const { db } = database;
  // Sockets exist only once realtime is attached (below); until then there is nobody to tell.
  const live: { realtime?: Realtime } = {};
  const ctx: RouteContext = {
    db,
    registrationOpen: options.registrationOpen ?? true,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    reports: createReportRenderer(options.reports),
    notifyAccess: (change) => live.realtime?.notifyAccess(change),
    publishCommit: (modelId, results) => live.realtime?.publish(modelId, results),
    mailer: options.smtp
      ? createMailer({ smtpUrl: options.smtp.url, from: options.smtp.from })
      : undefined,
    invitationTtlHours: options.invitationTtlHours ?? 168,
    publicOrigin: options.publicOrigin,
  };

  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  const origins = createOriginPolicy({
    publicOrigin: options.publicOrigin,
    // Express' compiled `trust proxy`, so the origin rule reads X-Forwarded-Proto exactly as req.protocol does.
    trust: app.get('trust proxy fn') as TrustProxyFn,
    trustsProxies: options.trustProxy !== undefined,
  });
  app.use(
    pinoHttp({
      logger,
      autoLogging: options.logLevel !== 'silent',
      // One short line per request: headers (cookies, tokens) never reach the log, and the log stays readable.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // React Flow positions nodes with inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // socket.io: same-origin polling, then a WebSocket to the same host ('self' covers ws(s): in CSP3 browsers; listed for older ones).
          connectSrc: [
            "'self'",
            ...(options.publicOrigin ? [options.publicOrigin.replace(/^http/, 'ws')] : []),
          ],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Self-hosted over plain http on a LAN must keep working: do not force https sub-requests.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );

  app.use(healthRoutes(db));
  app.use('/api', authenticate(db));
  // Imports carry whole models (5 MB), and only signed-in users get to send that much;
  // everything else is small (1 MB). The first parser that runs wins.
  const importJson = jsonBody({ limit: '5mb', maxDepth: JSON_MAX_DEPTH, keepRaw: true });
  app.use('/api/models/import', (req, res, next) =>
    req.auth ? importJson(req, res, next) : next(),
  );
  app.use('/api', jsonBody({ limit: '1mb', maxDepth: JSON_MAX_DEPTH }));
  app.use('/api', csrfProtection(origins));
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use('/api/auth', authRoutes(ctx));
  app.use('/api/tokens', tokenRoutes(ctx));
  app.use('/api', libraryRoutes(ctx));
  app.use('/api/rules', ruleRoutes(ctx));
  app.use('/api/models', transferRoutes(ctx));
  app.use('/api/models', modelRoutes(ctx));
  app.use('/api/models', memberRoutes(ctx));
  app.use('/api/models', modelInvitationRoutes(ctx));
  app.use('/api/invitations', invitationRoutes(ctx));
  app.use('/api/models', threatRoutes(ctx));
  app.use('/api/models', reportRoutes(ctx));
  app.use('/api/models', recordRoutes(ctx));
  app.use('/api', apiNotFound);

  const webDist = options.webDist ?? DEFAULT_WEB_DIST;
  if (existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // SPA fallback: client-side routes get index.html.
    app.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req, res) => {
      res.sendFile(path.join(webDist, 'index.html'), { maxAge: 0 });
    });
  }
  app.use(errorHandler(logger));

  const httpServer = createHttpServer(app);
  const io = new SocketServer(httpServer, { maxHttpBufferSize: 1e6, serveClient: false });
  // The sync protocol (apps/server/src/realtime) attaches to `io` here.
  const realtime = await attachRealtime({
    io,
    db,
    logger,
    origins,
    redisUrl: options.redisUrl,
    limits: options.realtimeLimits,
  });
  live.realtime = realtime;

  return {
    app,
    httpServer,
    io,
    db,
    database,
    logger,
    origins,
    reports: ctx.reports,
    async close() {
      await realtime.close();
      await ctx.reports.close();
      ctx.mailer?.close();
      // Closes the HTTP server too.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await database.close();
    },
  };
}
