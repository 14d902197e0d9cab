import type { Db } from '../db/open-database';
import type { AuthContext } from './types';

/**
 * Whether the credential an open connection was authenticated with still
 * holds: the API token is not revoked, the session still exists and has not
 * expired. Long-lived sockets call it again, since the handshake ran once.
 */
export async function credentialStillValid(options: {
  db: Db;
  auth: Pick<AuthContext, 'via' | 'tokenId' | 'sessionId'>;
}): Promise<boolean> {
  const { db, auth } = options;
  if (auth.via === 'token') {
    if (!auth.tokenId) return false;
    const token = await db.apiToken.findUnique({
      where: { id: auth.tokenId },
      select: { revokedAt: true },
    });
    return token !== null && token.revokedAt === null;
  }
  if (!auth.sessionId) return false;
  const session = await db.session.findUnique({
    where: { id: auth.sessionId },
    select: { expiresAt: true },
  });
  return session !== null && session.expiresAt.getTime() > Date.now();
}
