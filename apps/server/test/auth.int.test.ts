import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, signedIn, uniqueEmail } from './helpers/client';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

describe.each(DB_KINDS)('accounts, sessions, tokens and CSRF on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, {
      trustProxy: 'loopback',
      rateLimits: {
        login: { windowMs: 60_000, limit: 5 },
        register: { windowMs: 60_000, limit: 10_000 },
      },
    });
  });
  afterAll(() => t?.stop());

  it('makes the first account the instance admin and later ones not', async () => {
    const first = await signedIn(t.base);
    const second = await signedIn(t.base);
    expect(first.user!.isAdmin).toBe(true);
    expect(second.user!.isAdmin).toBe(false);
  });

  it('stores argon2id hashes, never the password', async () => {
    const c = await signedIn(t.base);
    const row = await t.server.db.user.findUniqueOrThrow({ where: { id: c.user!.id } });
    expect(row.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it('registers, reads me, logs out and logs in again with a rotated session', async () => {
    const email = uniqueEmail();
    const c = new Client(t.base);
    const reg = await c.post('/api/auth/register', { email, password: PASSWORD, name: 'Ada' });
    // Not the first account: the answer is the one any address gets, and it signs nobody in.
    expect(reg.status).toBe(202);
    expect(reg.body).toMatchObject({ user: null, status: 'sign_in' });
    expect(c.cookies.get('tl_session')).toBeUndefined();
    const signIn = await c.post('/api/auth/login', { email, password: PASSWORD });
    expect(signIn.body.user).toMatchObject({ email, name: 'Ada' });
    const cookieLine = signIn.headers.getSetCookie().find((l) => l.startsWith('tl_session='))!;
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);
    expect(signIn.headers.getSetCookie().find((l) => l.startsWith('tl_csrf='))).not.toMatch(
      /HttpOnly/i,
    );
    expect((await c.get('/api/auth/me')).body.user.email).toBe(email);

    const firstSession = c.cookies.get('tl_session')!;
    const login = await c.post('/api/auth/login', {
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(c.cookies.get('tl_session')).not.toBe(firstSession);
    // The session from before the login is gone (rotation).
    const stale = new Client(t.base);
    stale.cookies.set('tl_session', firstSession);
    expect(await stale.get('/api/auth/me')).toMatchObject({ status: 200, body: { user: null } });

    expect((await c.post('/api/auth/logout')).status).toBe(204);
    // Signed out: 200 with no user (not a 401 in every visitor's console).
    expect(await c.get('/api/auth/me')).toMatchObject({ status: 200, body: { user: null } });
  });

  it('rejects bad credentials and bad bodies with the error shape', async () => {
    const c = await signedIn(t.base);
    const wrong = await new Client(t.base).post('/api/auth/login', {
      email: c.user!.email,
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const bad = await new Client(t.base).post('/api/auth/register', {
      email: 'not-an-email',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'email',
      'password',
    ]);
  });

  it('answers a registration of a taken address exactly like a fresh one, changing nothing', async () => {
    const owner = await signedIn(t.base, 'Owner');
    const before = await t.server.db.user.findUniqueOrThrow({ where: { id: owner.user!.id } });
    const attempt = (email: string) =>
      new Client(t.base).post('/api/auth/register', {
        email,
        password: 'an attacker’s own passphrase',
        name: 'Mallory',
      });
    const taken = await attempt(owner.user!.email.toUpperCase());
    const fresh = await attempt(uniqueEmail('fresh'));
    expect(taken.status).toBe(202);
    expect(fresh.status).toBe(taken.status);
    expect(fresh.body).toEqual(taken.body);
    expect(taken.headers.getSetCookie().some((l) => l.startsWith('tl_session='))).toBe(false);
    expect(fresh.headers.getSetCookie().some((l) => l.startsWith('tl_session='))).toBe(false);
    // The account is untouched: same password, same name, and its owner still signs in.
    const after = await t.server.db.user.findUniqueOrThrow({ where: { id: owner.user!.id } });
    expect(after).toEqual(before);
    expect(
      (
        await new Client(t.base).post('/api/auth/login', {
          email: owner.user!.email,
          password: PASSWORD,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await new Client(t.base).post('/api/auth/login', {
          email: owner.user!.email,
          password: 'an attacker’s own passphrase',
        })
      ).status,
    ).toBe(401);
  });

  it('limits login brute force with 429 while other accounts still log in', async () => {
    const victim = await signedIn(t.base);
    const attacker = new Client(t.base);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (
          await attacker.post('/api/auth/login', {
            email: victim.user!.email,
            password: `guess-${i}`,
          })
        ).status,
      );
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
    const limited = await attacker.post('/api/auth/login', {
      email: victim.user!.email,
      password: PASSWORD,
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const other = await signedIn(t.base);
    expect(
      (
        await new Client(t.base).post('/api/auth/login', {
          email: other.user!.email,
          password: PASSWORD,
        })
      ).status,
    ).toBe(200);
  });

  it('issues, lists and revokes API tokens; a revoked token stops working', async () => {
    const c = await signedIn(t.base);
    const created = await c.post('/api/tokens', { name: 'ci' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tl_/);
    const row = await t.server.db.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.tokenHash).not.toBe(created.body.token);

    const bot = Client.withToken(t.base, created.body.token);
    expect((await bot.get('/api/auth/me')).body.user.id).toBe(c.user!.id);
    // Bearer writes need no CSRF header.
    expect((await bot.post('/api/models', { title: 'From CI' })).status).toBe(201);

    const list = await c.get('/api/tokens');
    expect(list.body.tokens).toHaveLength(1);
    expect(list.body.tokens[0]).not.toHaveProperty('token');
    expect(list.body.tokens[0].name).toBe('ci');

    const other = await signedIn(t.base);
    expect((await other.delete(`/api/tokens/${created.body.id}`)).status).toBe(404);
    expect((await c.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    const after = await bot.get('/api/models');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('invalid_token');
    expect((await c.get('/api/tokens')).body.tokens).toHaveLength(0);

    // The body form revokes too.
    const second = await c.post('/api/tokens', { name: 'second' });
    expect(
      (await c.request('DELETE', '/api/tokens', { body: { id: second.body.id } })).status,
    ).toBe(204);
    expect((await Client.withToken(t.base, second.body.token).get('/api/auth/me')).status).toBe(
      401,
    );
  });

  it('marks cookies Secure behind a TLS-terminating proxy and checks the Origin it forwards', async () => {
    const c = new Client(t.base);
    const viaTls = { 'x-forwarded-proto': 'https' };
    const email = uniqueEmail();
    await c.post('/api/auth/register', { email, password: PASSWORD }, { headers: viaTls });
    const reg = await c.post('/api/auth/login', { email, password: PASSWORD }, { headers: viaTls });
    expect(reg.status).toBe(200);
    for (const line of reg.headers.getSetCookie()) expect(line).toMatch(/; Secure/i);
    const host = new URL(t.base).host;
    expect(
      (
        await c.post(
          '/api/models',
          { title: 'tls' },
          { headers: { ...viaTls, origin: `https://${host}` } },
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await c.post(
          '/api/models',
          { title: 'tls' },
          { headers: { ...viaTls, origin: `http://${host}` } },
        )
      ).status,
    ).toBe(403);
  });

  describe('CSRF', () => {
    it('rejects cookie writes without the header, with a wrong header or from another origin, and writes nothing', async () => {
      const c = await signedIn(t.base);
      const before = await t.server.db.model.count();
      const missing = await c.post('/api/models', { title: 'x' }, { noCsrf: true });
      expect(missing.status).toBe(403);
      expect(missing.body.error.code).toBe('csrf_failed');
      expect(
        (await c.post('/api/models', { title: 'x' }, { headers: { 'x-csrf-token': 'forged' } }))
          .status,
      ).toBe(403);
      expect(
        (
          await c.post(
            '/api/models',
            { title: 'x' },
            { headers: { origin: 'https://evil.example' } },
          )
        ).status,
      ).toBe(403);
      expect((await c.post('/api/auth/logout', undefined, { noCsrf: true })).status).toBe(403);
      expect(await t.server.db.model.count()).toBe(before);
      expect(
        (await c.post('/api/models', { title: 'x' }, { headers: { origin: t.base } })).status,
      ).toBe(201);
    });

    it('exempts Bearer requests even with a foreign origin', async () => {
      const c = await signedIn(t.base);
      const { body } = await c.post('/api/tokens', { name: 'script' });
      const bot = Client.withToken(t.base, body.token);
      expect(
        (
          await bot.post(
            '/api/models',
            { title: 'scripted' },
            { headers: { origin: 'https://ci.example' } },
          )
        ).status,
      ).toBe(201);
    });
  });

  it('closes registration by configuration; the first account and admins may still create accounts', async () => {
    const closed = await startTestServer(kind, { registrationOpen: false });
    try {
      const admin = await signedIn(closed.base);
      expect(admin.user!.isAdmin).toBe(true);
      const refused = await new Client(closed.base).post('/api/auth/register', {
        email: uniqueEmail(),
        password: PASSWORD,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('registration_closed');
      const email = uniqueEmail();
      const byAdmin = await admin.post('/api/auth/register', { email, password: PASSWORD });
      expect(byAdmin.status).toBe(201);
      expect((await admin.get('/api/auth/me')).body.user.id).toBe(admin.user!.id);
      expect(
        (await new Client(closed.base).post('/api/auth/login', { email, password: PASSWORD }))
          .status,
      ).toBe(200);
    } finally {
      await closed.stop();
    }
  });
});
