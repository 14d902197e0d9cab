import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, uniqueEmail } from './helpers/client';
import { startTestServer, type TestServer } from './helpers/test-server';

/** Headers and cookie attributes docs/security.md relies on (the database plays no part: PGlite only). */
describe('response headers and cookies', () => {
  let t: TestServer;
  beforeAll(async () => {
    // Each test comes from its own client address (through a trusted loopback proxy).
    t = await startTestServer('pglite', {
      trustProxy: 'loopback',
      rateLimits: { register: { windowMs: 60_000, limit: 3 } },
    });
  });
  afterAll(() => t?.stop());

  it('sends a locked-down CSP, nosniff and no framework banner on every response', async () => {
    for (const res of [await fetch(`${t.base}/api/auth/me`), await fetch(`${t.base}/api/nope`)]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ])
        expect(csp).toContain(directive);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('sets the session cookie httpOnly and SameSite=Lax, the CSRF cookie readable by the page', async () => {
    const c = new Client(t.base);
    await c.get('/api/auth/me');
    const res = await c.post(
      '/api/auth/register',
      { email: uniqueEmail(), password: PASSWORD },
      { headers: { 'x-forwarded-for': '203.0.113.1' } },
    );
    expect(res.status).toBe(201);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((l) => l.startsWith('tl_session='))!;
    const csrf = cookies.find((l) => l.startsWith('tl_csrf='))!;
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/; SameSite=Lax/i);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const c = new Client(t.base);
    await c.get('/api/auth/me');
    const email = uniqueEmail();
    await c.post(
      '/api/auth/register',
      { email, password: PASSWORD },
      { headers: { 'x-forwarded-for': '203.0.113.2' } },
    );
    const wrong = await new Client(t.base).post('/api/auth/login', {
      email,
      password: 'nope-nope',
    });
    const unknown = await new Client(t.base).post('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('limits registrations per client address', async () => {
    const register = async (address: string) => {
      const c = new Client(t.base);
      await c.get('/api/auth/me');
      const res = await c.post(
        '/api/auth/register',
        { email: uniqueEmail(), password: PASSWORD },
        { headers: { 'x-forwarded-for': address } },
      );
      return res.status === 429 ? (res.body.error.code as string) : res.status;
    };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await register('203.0.113.3'));
    // Not the first account: registrations answer 202 for every address (docs/api.md).
    expect(statuses).toEqual([202, 202, 202, 'rate_limited', 'rate_limited']);
    expect(await register('203.0.113.4')).toBe(202);
  });
});
