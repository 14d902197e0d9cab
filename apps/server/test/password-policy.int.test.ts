import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, uniqueEmail } from './helpers/client';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

describe.each(DB_KINDS)('password policy on %s', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
    // The instance's admin; later registrations answer 202 (docs/api.md, registration).
    await signedIn(t.base);
  });
  afterAll(() => t?.stop());

  const register = (password: string, email = uniqueEmail('pw'), name = 'Grace Hopper') =>
    new Client(t.base).post('/api/auth/register', { email, password, name });

  it.each([
    ['aaaaaaaa', 'repeats'],
    ['        ', 'repeats'],
    ['password1', 'common'],
    ['P@ssw0rd', 'common'],
    ['qwertyuiop', 'common'],
    ['12345678', 'most used'],
  ])('refuses %j with weak_password and a reason', async (password, reason) => {
    const reply = await register(password);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('weak_password');
    expect(reply.body.error.message).toContain(reason);
  });

  it('refuses a password made of the account’s own email or name', async () => {
    const reply = await register('gracehopper', 'gracehopper@example.test', 'Grace Hopper');
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('weak_password');
  });

  it('counts characters, not UTF-16 units: four emoji are too short, eight are enough', async () => {
    const reply = await register('🔑🔒🚪🔥');
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('at least 8 characters');
    expect((await register('🔑🔒🚪🔥🌊🍄🎲🧭')).status).toBe(202);
  });

  it('accepts long passphrases with spaces and any script, up to 1,024 characters', async () => {
    expect((await register('correct horse battery staple')).status).toBe(202);
    expect((await register('пароль из нескольких слов')).status).toBe(202);
    expect((await register(`${'sixty-four '.repeat(6)}chars and more`)).status).toBe(202);
    expect((await register('x7#kq2!mz9'.repeat(100))).status).toBe(202);
  });
});
