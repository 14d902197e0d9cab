import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { SESSION_COOKIE } from '../../auth/cookies';
import { registerUser } from '../../services/users/register-user';
import { endSession } from '../../services/users/end-session';
import { createSession, verifyLogin } from '../../services/users/login-user';
import { issueCsrfCookie, requireUser } from '../authenticate';
import type { RouteContext } from '../context';
import { AppError } from '../../services/app-error';
import { parseBody } from '../errors';
import { ZCredentials, ZLogin } from '../schemas';

const tooMany =
  (message: string) => (_req: Request, _res: Response, next: (err: unknown) => void) =>
    next(new AppError('rate_limited', message));

export function authRoutes(ctx: RouteContext): Router {
  const { db } = ctx;
  const router = Router();

  // Counts failed attempts per client address and account, so guessing one
  // account's password is slowed down without locking out everyone behind a NAT.
  const loginLimit = rateLimit({
    ...ctx.rateLimits.login,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) =>
      `${ipKeyGenerator(req.ip ?? '')}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
    handler: tooMany('too many failed logins; try again later'),
  });
  const registerLimit = rateLimit({
    ...ctx.rateLimits.register,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: tooMany('too many registrations; try again later'),
  });

  async function startSession(req: Request, res: Response, userId: string) {
    const { secret, expiresAt } = await createSession({
      db,
      userId,
      previousSessionId: req.auth?.via === 'session' ? req.auth.sessionId : undefined,
      notify: ctx.notifyAccess,
    });
    res.cookie(SESSION_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      expires: expiresAt,
    });
    issueCsrfCookie(req, res);
  }

  router.post('/register', registerLimit, async (req, res) => {
    const body = parseBody(ZCredentials, req.body);
    const byAdmin = req.auth?.user.isAdmin ?? false;
    const user = await registerUser({
      db,
      ...body,
      registrationOpen: ctx.registrationOpen,
      byAdmin,
    });
    // An admin creating an account for someone else stays signed in as themself.
    if (!req.auth) await startSession(req, res, user.id);
    res.status(201).json({ user });
  });

  router.post('/login', loginLimit, async (req, res) => {
    const body = parseBody(ZLogin, req.body);
    const user = await verifyLogin({ db, email: body.email, password: body.password });
    await startSession(req, res, user.id);
    res.json({ user });
  });

  router.post('/logout', requireUser, async (req, res) => {
    const auth = req.auth!;
    if (auth.via === 'session' && auth.sessionId)
      await endSession({
        db,
        userId: auth.user.id,
        sessionId: auth.sessionId,
        notify: ctx.notifyAccess,
      });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  // Signed out is an answer, not an error: a visitor's page asks this first and its console stays clean.
  router.get('/me', (req, res) => {
    res.json({ user: req.auth?.user ?? null });
  });

  return router;
}
