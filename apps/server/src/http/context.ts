import type { Db } from '../db/open-database';
import type { ReportRenderer } from '../services/reports/render-report';

/** What every route module needs. */
export interface RouteContext {
  db: Db;
  registrationOpen: boolean;
  rateLimits: RateLimits;
  /** Worker pool that renders PDF reports off the event loop. */
  reports: ReportRenderer;
}

export interface RateLimit {
  windowMs: number;
  limit: number;
}

export interface RateLimits {
  /** Failed logins per IP and email. */
  login: RateLimit;
  /** Registrations per IP. */
  register: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  login: { windowMs: 15 * 60_000, limit: 10 },
  register: { windowMs: 60 * 60_000, limit: 20 },
};
