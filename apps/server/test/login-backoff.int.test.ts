import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, uniqueEmail } from './helpers/client';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

describe.each(DB_KINDS)('per-account failed-login cap on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind, {
      trustProxy: 'loopback',
      rateLimits: {
        login: { windowMs: 60_000, limit: 100 },
        register: { windowMs: 60_000, limit: 10_000 },
        loginAccount: { limit: 3, backoffMs: 60_000 },
      },
    });
  });
  afterAll(() => t?.stop());

  let address = 0;
  /** A login from a new client address each time, as a botnet would send it. */
  const loginFromNewAddress = (email: string, password: string, client = new Client(t.base)) =>
    client.post(
      '/api/auth/login',
      { email, password },
      { headers: { 'x-forwarded-for': `198.51.100.${++address}` } },
    );

  it('holds an email back after the cap across addresses, whether or not an account uses it', async () => {
    const email = uniqueEmail('capped');
    await new Client(t.base).register(email);
    const unknown = uniqueEmail('nobody');
    for (const target of [email, unknown]) {
      for (let i = 0; i < 3; i++) {
        const wrong = await loginFromNewAddress(target, 'not the password at all');
        expect(wrong.status).toBe(401);
        expect(wrong.body.error.code).toBe('invalid_credentials');
      }
      // Even the right password waits now: guesses inside the wait are not checked.
      const held = await loginFromNewAddress(target, PASSWORD);
      expect(held.status).toBe(429);
      expect(held.body.error.code).toBe('rate_limited');
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
      expect(Number(held.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
    // Another account is not affected.
    const other = uniqueEmail('other');
    await new Client(t.base).register(other);
    expect((await loginFromNewAddress(other, PASSWORD)).status).toBe(200);
  });

  it('lets a browser that signed in to the email before through during the wait', async () => {
    const email = uniqueEmail('owner');
    await new Client(t.base).register(email);
    const laptop = new Client(t.base);
    expect((await loginFromNewAddress(email, PASSWORD, laptop)).status).toBe(200);
    expect(laptop.cookies.get('tl_device')).toBeTruthy();
    for (let i = 0; i < 4; i++) await loginFromNewAddress(email, 'someone else guessing');
    expect((await loginFromNewAddress(email, PASSWORD)).status).toBe(429);
    // The owner's own browser still gets in; a device cookie for another email does not help.
    expect((await loginFromNewAddress(email, PASSWORD, laptop)).status).toBe(200);
    const stranger = new Client(t.base);
    stranger.cookies.set('tl_device', laptop.cookies.get('tl_device')!);
    const other = uniqueEmail('other');
    for (let i = 0; i < 3; i++) await loginFromNewAddress(other, 'guess guess guess');
    expect((await loginFromNewAddress(other, PASSWORD, stranger)).status).toBe(429);
  });
});
