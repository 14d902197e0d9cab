import type { Request } from 'express';
import type { Db } from '../db/open-database';
import type { Mailer } from '../services/mail/mailer';
import type { NotifyAccess } from '../services/access/access-change';
import type { PublishCommit } from '../services/ops/commit-ops';
import type { ReportRenderer } from '../services/reports/render-report';
import type { AccountBackoffOptions } from './login-backoff';

/** What every route module needs. */
export interface RouteContext {
  db: Db;
  registrationOpen: boolean;
  rateLimits: RateLimits;
  /** Worker pool that renders PDF reports off the event loop. */
  reports: ReportRenderer;
  /** Tells open sockets (on every server process) about revoked credentials and membership changes. */
  notifyAccess: NotifyAccess;
  /** Broadcasts ops a route committed to the model's live sockets, as socket ops are. */
  publishCommit: PublishCommit;
  /** Sends invitations and confirmation links; absent without SMTP_URL (links are only shown). */
  mailer?: Mailer;
  invitationTtlHours: number;
  /** Origin for links in invitations (else the request's own). */
  publicOrigin?: string;
}

/** The web app's origin as links should name it. */
export const linkOrigin = (ctx: RouteContext, req: Request): string =>
  ctx.publicOrigin ?? `${req.protocol}://${req.get('host')}`;

export interface RateLimit {
  windowMs: number;
  limit: number;
}

export interface RateLimits {
  /** Failed logins per IP and email. */
  login: RateLimit;
  /** Registrations per IP. */
  register: RateLimit;
  /** Failed logins per email from every address, then a doubling wait (`http/login-backoff.ts`). */
  loginAccount: AccountBackoffOptions;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  login: { windowMs: 15 * 60_000, limit: 10 },
  register: { windowMs: 60 * 60_000, limit: 20 },
  loginAccount: { limit: 20, backoffMs: 30_000 },
};
