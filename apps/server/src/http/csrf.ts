import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { CSRF_COOKIE, CSRF_HEADER } from '../auth/cookies';
import type { OriginPolicy } from '../auth/origin-policy';
import { bearerOf, requestCookies } from './authenticate';
import { AppError } from '../services/app-error';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF defence for browser writes. Bearer-token requests are exempt (browsers
 * never attach them by themselves). Any other write must come from our own
 * origin when the browser names one (the origin policy the socket handshake
 * uses too, auth/origin-policy.ts), and a cookie-authenticated write must
 * echo the `tl_csrf` cookie in `X-CSRF-Token` (double submit: another site can
 * make the browser send the cookie but cannot read it to copy it).
 */
export function csrfProtection(origins: OriginPolicy): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method) || bearerOf(req)) return next();
    const refusal = origins.refusal(req.headers.origin, req);
    if (refusal) return next(new AppError('csrf_failed', refusal));
    if (req.auth?.via !== 'session') return next();
    const cookie = requestCookies(req)[CSRF_COOKIE];
    const header = req.get(CSRF_HEADER);
    if (!cookie || !header || !sameSecret(cookie, header)) {
      return next(
        new AppError(
          'csrf_failed',
          'missing or wrong X-CSRF-Token header (echo the tl_csrf cookie)',
        ),
      );
    }
    next();
  };
}
