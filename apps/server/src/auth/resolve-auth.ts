import type { Db } from '../db/open-database';
import { sha256 } from './secrets';
import { publicUser, type AuthContext } from './types';

/**
 * Who a request (or a socket handshake) is: a personal API token from
 * `Authorization: Bearer …` wins over the session cookie. Returns undefined
 * for anonymous, expired, revoked or unknown credentials.
 */
export async function resolveAuth(options: {
  db: Db;
  bearer?: string;
  sessionSecret?: string;
}): Promise<AuthContext | undefined> {
  const { db, bearer, sessionSecret } = options;
  if (bearer) {
    const token = await db.apiToken.findUnique({
      where: { tokenHash: sha256(bearer) },
      include: { user: true },
    });
    if (!token || token.revokedAt) return undefined;
    // Last-use time is informational: at most one write a minute per token, and no request waits for it.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      void db.apiToken
        .update({ where: { id: token.id }, data: { lastUsedAt: new Date() } })
        .catch(() => {});
    }
    return { user: publicUser(token.user), via: 'token', tokenId: token.id };
  }
  if (sessionSecret) {
    const session = await db.session.findUnique({
      where: { tokenHash: sha256(sessionSecret) },
      include: { user: true },
    });
    if (!session || session.expiresAt.getTime() < Date.now()) return undefined;
    return {
      user: publicUser(session.user),
      via: 'session',
      sessionId: session.id,
      expiresAt: session.expiresAt,
    };
  }
  return undefined;
}
