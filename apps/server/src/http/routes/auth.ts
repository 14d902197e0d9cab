import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { SESSION_COOKIE } from '../../auth/cookies';
import { AccountLoginBackoff } from '../login-backoff';
import { registerUser } from '../../services/users/register-user';
import { confirmRegistration, signUpUser } from '../../services/users/sign-up-user';
import { endSession } from '../../services/users/end-session';
import { createSession, verifyLogin } from '../../services/users/login-user';
import { issueCsrfCookie, requestCookies, requireUser } from '../authenticate';
import { linkOrigin, type RouteContext } from '../context';
import { AppError } from '../../services/app-error';
import { parseBody } from '../errors';
import { ZConfirm, ZCredentials, ZLogin } from '../schemas';

const tooMany =
  (message: string) => (_req: Request, _res: Response, next: (err: unknown) => void) =>
    next(new AppError('rate_limited', message));

/** Marks a browser that signed in to an email before: the per-account backoff does not hold it back. */
const DEVICE_COOKIE = 'tl_device';

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
  // Counts failed logins per email from every address (a botnet gets no more guesses than one client).
  const accountBackoff = new AccountLoginBackoff(ctx.rateLimits.loginAccount);
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
    const { invitation, ...body } = parseBody(ZCredentials, req.body);
    // An admin creating an account for someone else stays signed in as themself.
    if (req.auth?.user.isAdmin) {
      const user = await registerUser({ db, ...body, registrationOpen: true, byAdmin: true });
      res.status(201).json({ user });
      return;
    }
    const result = await signUpUser({
      db,
      ...body,
      invitation,
      registrationOpen: ctx.registrationOpen,
      mailer: ctx.mailer,
      origin: linkOrigin(ctx, req),
      notify: ctx.notifyAccess,
      onMailError: (err) => req.log.warn({ err }, 'sign-up e-mail was not sent'),
    });
    if (result.kind === 'created') {
      if (!req.auth) await startSession(req, res, result.user.id);
      res.status(201).json({ user: result.user });
      return;
    }
    // The same answer for every address, so it tells nobody which have accounts.
    res.status(202).json({
      user: null,
      status: result.next,
      message:
        result.next === 'confirm_email'
          ? 'check your e-mail: the link in it finishes signing up'
          : 'registered unless the address has an account already; sign in with the password',
    });
  });

  router.post('/confirm', registerLimit, async (req, res) => {
    const { token } = parseBody(ZConfirm, req.body);
    const { user, invitation } = await confirmRegistration({
      db,
      token,
      notify: ctx.notifyAccess,
    });
    await startSession(req, res, user.id);
    res.status(201).json({ user, ...(invitation ? { invitation } : {}) });
  });

  router.post('/login', loginLimit, async (req, res) => {
    const body = parseBody(ZLogin, req.body);
    const email = body.email.toLowerCase();
    const knownDevice = accountBackoff.isKnownDevice(email, requestCookies(req)[DEVICE_COOKIE]);
    const waitMs = accountBackoff.retryAfterMs(email);
    if (waitMs > 0 && !knownDevice) {
      res.setHeader('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new AppError('rate_limited', 'too many failed logins for this email; try again later', {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
    let user;
    try {
      user = await verifyLogin({ db, email, password: body.password });
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_credentials')
        accountBackoff.failed(email);
      throw err;
    }
    accountBackoff.succeeded(email);
    await startSession(req, res, user.id);
    res.cookie(DEVICE_COOKIE, accountBackoff.deviceToken(email), {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/api/auth',
      maxAge: 365 * 24 * 3600 * 1000,
    });
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
