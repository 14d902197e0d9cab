import type { Request, RequestHandler, Response } from 'express';
import { parseCookie } from 'cookie';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/cookies';
import { resolveAuth } from '../auth/resolve-auth';
import { randomSecret } from '../auth/secrets';
import type { Db } from '../db/open-database';
import { AppError } from '../services/app-error';

export const requestCookies = (req: Request): Record<string, string | undefined> =>
  parseCookie(req.headers.cookie ?? '');

export function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Sets a fresh readable CSRF cookie (at login, and whenever a browser has none). */
export function issueCsrfCookie(req: Request, res: Response): string {
  const value = randomSecret();
  // One tl_csrf per response: drop one queued earlier in this request (login rotates it).
  const queued = res.getHeader('set-cookie');
  if (Array.isArray(queued))
    res.setHeader(
      'set-cookie',
      queued.filter((c) => !c.startsWith(`${CSRF_COOKIE}=`)),
    );
  res.cookie(CSRF_COOKIE, value, {
    httpOnly: false,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
  });
  return value;
}

/**
 * Resolves `req.auth` from a Bearer token or the session cookie, and gives
 * every browser a CSRF cookie to echo. A Bearer header that does not resolve
 * is a 401, not silently anonymous, so scripts learn their token is revoked.
 */
export function authenticate(db: Db): RequestHandler {
  return async (req, res, next) => {
    const cookies = requestCookies(req);
    const bearer = bearerOf(req);
    if (!bearer && !cookies[CSRF_COOKIE]) issueCsrfCookie(req, res);
    req.auth = await resolveAuth({ db, bearer, sessionSecret: cookies[SESSION_COOKIE] });
    if (bearer && !req.auth)
      return next(new AppError('invalid_token', 'API token is invalid or revoked'));
    next();
  };
}

/** 401 unless signed in. */
export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.auth ? undefined : new AppError('unauthenticated', 'sign in or send an API token'));
};
