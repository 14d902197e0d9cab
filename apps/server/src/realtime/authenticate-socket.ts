import { parseCookie } from 'cookie';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from '../auth/cookies';
import type { OriginPolicy } from '../auth/origin-policy';
import { resolveAuth } from '../auth/resolve-auth';
import type { AuthContext, AuthUser } from '../auth/types';
import type { Db } from '../db/open-database';
import type { SocketRegistry } from './socket-registry';

/** What the session handler lets access changes do to a socket (realtime/apply-access-change.ts). */
export interface SocketControl {
  /** Takes the socket out of a model it may no longer see: rooms, presence, joined set. */
  dropModel(modelId: string): Promise<void>;
  /** Ends the socket (its credential is gone). */
  end(): void;
}

/** What a socket carries once authenticated. */
export interface SocketData {
  user: AuthUser;
  /** The credential of the handshake (token or session id), re-checked while the socket lives. */
  auth: AuthContext;
  /** Models this socket has joined. */
  models: Set<string>;
  /** Set once the connection handler has wired the socket. */
  control?: SocketControl;
}

/** Error handed to socket.io's `connect_error` on the client; `data.code` is machine-readable. */
class HandshakeError extends Error {
  readonly data: { code: string };
  constructor(code: string, message: string) {
    super(message);
    this.data = { code };
  }
}

/**
 * socket.io middleware: the handshake is authenticated by a personal API token
 * (`auth: { token }`) or the session cookie. A cookie-authenticated handshake
 * from a foreign Origin is refused (cross-site WebSocket hijacking: another
 * site could make the browser open a socket with our cookie), by the same
 * origin policy as REST writes (auth/origin-policy.ts). A user already
 * holding the most sockets allowed is refused `rate_limited`.
 */
export function authenticateSocket(options: {
  db: Db;
  origins: OriginPolicy;
  registry: SocketRegistry;
}) {
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    try {
      const { handshake } = socket;
      const token = (handshake.auth as { token?: unknown } | undefined)?.token;
      if (token !== undefined && typeof token !== 'string')
        return next(new HandshakeError('unauthorized', 'auth.token must be a string'));
      let auth;
      if (token) auth = await resolveAuth({ db: options.db, bearer: token });
      else {
        const refusal = options.origins.refusal(handshake.headers.origin, socket.request);
        if (refusal) return next(new HandshakeError('forbidden', refusal));
        const secret = parseCookie(handshake.headers.cookie ?? '')[SESSION_COOKIE];
        auth = secret ? await resolveAuth({ db: options.db, sessionSecret: secret }) : undefined;
      }
      if (!auth) return next(new HandshakeError('unauthorized', 'sign in or pass auth.token'));
      // No await from here on: checking the cap and taking a place is one step.
      const userId = auth.user.id;
      if (!options.registry.add(userId, socket))
        return next(new HandshakeError('rate_limited', 'too many open connections for this user'));
      const release = () => options.registry.remove(userId, socket);
      socket.once('disconnect', release);
      socket.conn.once('close', release);
      // The client may have gone while we read the database: then no close event will come.
      if (socket.conn.readyState !== 'open') release();
      const data: SocketData = { user: auth.user, auth, models: new Set() };
      socket.data = data;
      next();
    } catch {
      next(new HandshakeError('internal', 'authentication failed'));
    }
  };
}
