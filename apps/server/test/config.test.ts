import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('readConfig', () => {
  it('defaults to PGlite in ./data on port 3000 with open registration', () => {
    const c = readConfig({ INIT_CWD: '/srv/threatloom' });
    expect(c).toMatchObject({
      port: 3000,
      dataDir: '/srv/threatloom/data',
      databaseUrl: undefined,
      registrationOpen: true,
      logLevel: 'info',
    });
    expect(readConfig({ DATA_DIR: '/var/lib/tl' }).dataDir).toBe('/var/lib/tl');
    expect(c.rateLimits?.login?.limit).toBe(10);
    expect(c.rateLimits?.loginAccount).toEqual({ limit: 20, backoffMs: 30_000 });
    expect(
      readConfig({ LOGIN_ACCOUNT_LIMIT: '5', LOGIN_BACKOFF_SECONDS: '2' }).rateLimits?.loginAccount,
    ).toEqual({ limit: 5, backoffMs: 2_000 });
  });

  it('reads every variable', () => {
    const c = readConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db/x',
      REGISTRATION_OPEN: 'false',
      PUBLIC_ORIGIN: 'https://threats.example.com',
      TRUST_PROXY: '1',
      LOGIN_RATE_LIMIT: '3',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db/x',
      registrationOpen: false,
      publicOrigin: 'https://threats.example.com',
      trustProxy: 1,
    });
    expect(c.rateLimits?.login?.limit).toBe(3);
  });

  it('refuses bad values naming the variable', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ REGISTRATION_OPEN: 'maybe' })).toThrow(/REGISTRATION_OPEN/);
    expect(() => readConfig({ PUBLIC_ORIGIN: 'not a url' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => readConfig({ LOGIN_ACCOUNT_LIMIT: '0' })).toThrow(/LOGIN_ACCOUNT_LIMIT/);
    expect(() => readConfig({ LOGIN_BACKOFF_SECONDS: 'soon' })).toThrow(/LOGIN_BACKOFF_SECONDS/);
  });
});
