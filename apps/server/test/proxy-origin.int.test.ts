import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import type { ServerOptions } from '../src/create-server';
import { Client, signedIn } from './helpers/client';
import { DB_KINDS, startTestServer, type TestServer } from './helpers/test-server';

type Verdict = 'allowed' | 'refused';

/** 10.5: rate limits that hold behind proxies, and one origin rule for REST and sockets. */
describe.each(DB_KINDS)('proxies, client addresses and origins on %s', (kind) => {
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });

  describe('rate limits count the address the trusted proxy saw, not one the client wrote', () => {
    for (const trust of ['1', 'loopback, 10.0.0.0/8']) {
      it(`TRUST_PROXY=${trust}: 25 wrong passwords from "different" addresses hit the limit`, async () => {
        const config = readConfig({ TRUST_PROXY: trust, LOGIN_RATE_LIMIT: '10' });
        const t = await startTestServer(kind, {
          trustProxy: config.trustProxy,
          rateLimits: config.rateLimits,
        });
        try {
          const victim = await signedIn(t.base);
          const attacker = new Client(t.base);
          const statuses: number[] = [];
          for (let i = 0; i < 25; i++) {
            const res = await attacker.post(
              '/api/auth/login',
              { email: victim.user!.email, password: `guess-${i}` },
              // The client invents the first entry; the proxy appends the address it saw.
              { headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` } },
            );
            statuses.push(res.status);
          }
          expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
          expect(statuses.slice(10)).toEqual(Array(15).fill(429));
        } finally {
          await t.stop();
        }
      });
    }

    it('refuses TRUST_PROXY=true at start, and starts with TRUST_PROXY=false', async () => {
      expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(
        /^invalid configuration: TRUST_PROXY: true would believe any client-supplied X-Forwarded-For address/,
      );
      const config = readConfig({ TRUST_PROXY: 'false' });
      const t = await startTestServer(kind, { trustProxy: config.trustProxy });
      try {
        expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
      } finally {
        await t.stop();
      }
    });
  });

  describe('REST writes and socket handshakes agree on the origin', () => {
    async function probe(
      t: TestServer,
      c: Client,
      origin: string,
      headers: Record<string, string> = {},
    ): Promise<{ rest: Verdict; socket: Verdict; message?: string }> {
      const res = await c.post(
        '/api/models',
        { title: 'origin' },
        { headers: { ...headers, origin } },
      );
      expect([201, 403]).toContain(res.status);
      if (res.status === 403) expect(res.body.error.code).toBe('csrf_failed');
      const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const socket = await new Promise<Verdict>((resolve, reject) => {
        const s = io(t.base, {
          transports: ['websocket'],
          reconnection: false,
          extraHeaders: { ...headers, cookie, origin },
        });
        sockets.push(s);
        s.once('connect', () => resolve('allowed'));
        s.once('connect_error', (err: Error & { data?: { code?: string } }) =>
          err.data?.code === 'forbidden' ? resolve('refused') : reject(err),
        );
      });
      return {
        rest: res.status === 201 ? 'allowed' : 'refused',
        socket,
        ...(res.status === 403 ? { message: res.body.error.message as string } : {}),
      };
    }

    async function withServer(
      options: ServerOptions,
      check: (t: TestServer, c: Client, host: string) => Promise<void>,
    ) {
      const t = await startTestServer(kind, options);
      try {
        await check(t, await signedIn(t.base), new URL(t.base).host);
      } finally {
        await t.stop();
      }
    }

    it('no proxy settings: http://Host only; a TLS proxy page (https) is refused by both', async () => {
      await withServer({}, async (t, c, host) => {
        expect(await probe(t, c, `http://${host}`)).toEqual({ rest: 'allowed', socket: 'allowed' });
        // Behind a TLS-terminating proxy without TRUST_PROXY or PUBLIC_ORIGIN: the browser is on https.
        const tls = await probe(t, c, `https://${host}`, { 'x-forwarded-proto': 'https' });
        expect(tls).toMatchObject({ rest: 'refused', socket: 'refused' });
        expect(tls.message).toBe(
          `origin https://${host} is not allowed: this server expects http://${host}; behind a proxy set PUBLIC_ORIGIN`,
        );
        expect(await probe(t, c, 'https://evil.example')).toMatchObject({
          rest: 'refused',
          socket: 'refused',
        });
        expect(await probe(t, c, 'null')).toMatchObject({ rest: 'refused', socket: 'refused' });
      });
    });

    it('TRUST_PROXY: the scheme comes from X-Forwarded-Proto, for both', async () => {
      await withServer({ trustProxy: 'loopback' }, async (t, c, host) => {
        const viaTls = { 'x-forwarded-proto': 'https' };
        expect(await probe(t, c, `https://${host}`, viaTls)).toEqual({
          rest: 'allowed',
          socket: 'allowed',
        });
        expect(await probe(t, c, `http://${host}`, viaTls)).toMatchObject({
          rest: 'refused',
          socket: 'refused',
        });
      });
    });

    it('PUBLIC_ORIGIN: that origin only, for both', async () => {
      const publicOrigin = 'https://threats.example.com';
      await withServer({ publicOrigin }, async (t, c, host) => {
        expect(await probe(t, c, publicOrigin)).toEqual({ rest: 'allowed', socket: 'allowed' });
        const direct = await probe(t, c, `http://${host}`);
        expect(direct).toMatchObject({ rest: 'refused', socket: 'refused' });
        expect(direct.message).toBe(
          `origin http://${host} is not allowed: this server expects ${publicOrigin} (PUBLIC_ORIGIN)`,
        );
        expect(t.server.origins.description).toBe(
          `browsers must use ${publicOrigin} (PUBLIC_ORIGIN)`,
        );
      });
    });
  });
});
