import express from 'express';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config';

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
    expect(c.smtp).toBeUndefined();
    expect(c.invitationTtlHours).toBe(168);
    expect(
      readConfig({
        SMTP_URL: 'smtps://u:p@mail.example.com:465',
        MAIL_FROM: 'Threatloom <noreply@example.com>',
        INVITATION_TTL_HOURS: '24',
      }),
    ).toMatchObject({
      smtp: { url: 'smtps://u:p@mail.example.com:465', from: 'Threatloom <noreply@example.com>' },
      invitationTtlHours: 24,
    });
    expect(
      readConfig({ LOGIN_ACCOUNT_LIMIT: '5', LOGIN_BACKOFF_SECONDS: '2' }).rateLimits?.loginAccount,
    ).toEqual({ limit: 5, backoffMs: 2_000 });
    expect(c.reports).toEqual({
      workers: 2,
      maxQueued: 8,
      timeoutMs: 60_000,
      maxMemoryMb: 512,
      perUser: 2,
      text: { maxFieldChars: 10_000, maxReportChars: 2_000_000 },
    });
  });

  it('reads the report limits', () => {
    const c = readConfig({
      REPORT_WORKERS: '4',
      REPORT_QUEUE: '0',
      REPORT_TIMEOUT_SECONDS: '5',
      REPORT_MEMORY_MB: '256',
      REPORT_PER_USER: '1',
      REPORT_MAX_FIELD_CHARS: '500',
      REPORT_MAX_TEXT_CHARS: '100000',
    });
    expect(c.reports).toEqual({
      workers: 4,
      maxQueued: 0,
      timeoutMs: 5_000,
      maxMemoryMb: 256,
      perUser: 1,
      text: { maxFieldChars: 500, maxReportChars: 100_000 },
    });
    expect(() => readConfig({ REPORT_TIMEOUT_SECONDS: '0' })).toThrow(/REPORT_TIMEOUT_SECONDS/);
    expect(() => readConfig({ REPORT_MEMORY_MB: 'lots' })).toThrow(/REPORT_MEMORY_MB/);
    expect(() => readConfig({ REPORT_PER_USER: '0' })).toThrow(/REPORT_PER_USER/);
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
    // One line naming the variable, never echoing the URL (it may hold a password).
    expect(() => readConfig({ SMTP_URL: 'http://u:secret@mail.example.com' })).toThrow(
      /^invalid configuration: SMTP_URL: must be a smtp: or smtps: URL such as smtp:\/\/user:pass@mail\.example\.com:587$/,
    );
    expect(() => readConfig({ SMTP_URL: 'smtp://mail.example.com:587' })).toThrow(
      /^invalid configuration: MAIL_FROM: required when SMTP_URL is set$/,
    );
    expect(() =>
      readConfig({ SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: 'not an address' }),
    ).toThrow(/MAIL_FROM: must be an address/);
    expect(() => readConfig({ INVITATION_TTL_HOURS: '0' })).toThrow(/INVITATION_TTL_HOURS/);
  });
});

describe('readConfig checks every setting at start-up', () => {
  const problem = (env: NodeJS.ProcessEnv) => {
    try {
      readConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('takes a hop count or trusted proxy addresses for TRUST_PROXY, and false as none', () => {
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8 ,fd00::/8' }).trustProxy).toBe(
      'loopback,10.0.0.0/8,fd00::/8',
    );
    expect(readConfig({ TRUST_PROXY: 'uniquelocal,linklocal,192.0.2.7' }).trustProxy).toBe(
      'uniquelocal,linklocal,192.0.2.7',
    );
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBeUndefined();
    expect(readConfig({}).trustProxy).toBeUndefined();
  });

  it('hands Express only trust proxy values it compiles', () => {
    for (const value of ['1', '0', 'loopback', '10.0.0.0/8, ::1', 'false']) {
      const { trustProxy } = readConfig({ TRUST_PROXY: value });
      expect(() => express().set('trust proxy', trustProxy), value).not.toThrow();
    }
  });

  it('refuses TRUST_PROXY=true, which lets clients choose their own address', () => {
    expect(problem({ TRUST_PROXY: 'true' })).toBe(
      'invalid configuration: TRUST_PROXY: true would believe any client-supplied X-Forwarded-For address; ' +
        'give the number of proxies in front of the server (1, 2…) or their addresses: ' +
        'IPs, CIDR subnets, loopback, linklocal, uniquelocal (comma-separated)',
    );
    expect(problem({ TRUST_PROXY: 'yes' })).toMatch(
      /^invalid configuration: TRUST_PROXY: yes is not a proxy address/,
    );
    expect(problem({ TRUST_PROXY: '10.0.0.0/33' })).toMatch(/TRUST_PROXY: 10\.0\.0\.0\/33 is not/);
    expect(problem({ TRUST_PROXY: ',' })).toMatch(/TRUST_PROXY: empty/);
  });

  it('checks URLs, origins, directories, levels and numbers, never echoing a URL', () => {
    expect(problem({ REDIS_URL: 'localhost:6379' })).toBe(
      'invalid configuration: REDIS_URL: must be a redis: or rediss: URL such as redis://127.0.0.1:6379',
    );
    expect(readConfig({ REDIS_URL: 'rediss://:pw@cache:6380' }).redisUrl).toBe(
      'rediss://:pw@cache:6380',
    );
    const db = problem({ DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(db).toMatch(
      /^invalid configuration: DATABASE_URL: must be a postgres: or postgresql: URL/,
    );
    expect(db).not.toContain('hunter2');
    expect(problem({ PUBLIC_ORIGIN: 'https://threats.example.com/app' })).toMatch(
      /PUBLIC_ORIGIN: must be an origin such as https:\/\/threats\.example\.com/,
    );
    expect(readConfig({ PUBLIC_ORIGIN: 'HTTPS://Threats.Example.com:443/' }).publicOrigin).toBe(
      'https://threats.example.com',
    );
    expect(problem({ WEB_DIST: '/nonexistent/web' })).toMatch(
      /WEB_DIST: must be an existing directory holding index\.html/,
    );
    expect(problem({ THREATLOOM_FONT_DIR: '/nonexistent/fonts' })).toMatch(/THREATLOOM_FONT_DIR/);
    expect(problem({ LOG_LEVEL: 'verbose' })).toMatch(/LOG_LEVEL: must be one of fatal/);
    expect(problem({ HOST: 'not a host' })).toMatch(/HOST: must be an IP address or a host name/);
    expect(problem({ PORT: '70000' })).toMatch(/PORT: must be a whole number from 0 to 65535/);
    expect(problem({ LOGIN_RATE_LIMIT: '0' })).toMatch(
      /LOGIN_RATE_LIMIT: must be a whole number from 1/,
    );
    expect(problem({ REGISTER_RATE_LIMIT: '2.5' })).toMatch(/REGISTER_RATE_LIMIT/);
  });

  it('names every bad setting on one line', () => {
    const message = problem({ TRUST_PROXY: 'true', REDIS_URL: 'nope', PORT: 'x' });
    expect(message).not.toContain('\n');
    for (const name of ['TRUST_PROXY', 'REDIS_URL', 'PORT']) expect(message).toContain(`${name}: `);
  });
});
