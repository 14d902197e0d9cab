import { newId } from '@threatloom/core';
import { SESSION_TTL_MS } from '../../auth/cookies';
import { verifyPassword } from '../../auth/passwords';
import { randomSecret, sha256 } from '../../auth/secrets';
import { publicUser, type AuthUser } from '../../auth/types';
import type { Db } from '../../db/open-database';
import type { NotifyAccess } from '../access/access-change';
import { AppError } from '../app-error';

/** Checks a password and returns the user, or a 401 that does not say which part was wrong. */
export async function verifyLogin(options: {
  db: Db;
  email: string;
  password: string;
}): Promise<AuthUser> {
  const user = await options.db.user.findUnique({ where: { email: options.email.toLowerCase() } });
  const ok = await verifyPassword(user?.passwordHash, options.password);
  if (!user || !ok) throw new AppError('invalid_credentials', 'email or password is wrong');
  return publicUser(user);
}

/**
 * Starts a session for `userId` and ends `previousSessionId` (rotation at
 * login: a session id planted before login is worthless after it, and the
 * sockets it opened end). Returns the secret for the cookie; the database
 * keeps only its hash.
 */
export async function createSession(options: {
  db: Db;
  userId: string;
  previousSessionId?: string;
  notify: NotifyAccess;
}): Promise<{ secret: string; expiresAt: Date }> {
  const { db, userId, previousSessionId, notify } = options;
  const previous = previousSessionId
    ? await db.session.findUnique({ where: { id: previousSessionId }, select: { userId: true } })
    : null;
  const secret = randomSecret();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.$transaction([
    ...(previousSessionId ? [db.session.deleteMany({ where: { id: previousSessionId } })] : []),
    // Expired sessions are useless; sweep the user's own at each login.
    db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } }),
    db.session.create({ data: { id: newId(), tokenHash: sha256(secret), userId, expiresAt } }),
  ]);
  if (previous && previousSessionId)
    notify({ type: 'session-ended', userId: previous.userId, sessionId: previousSessionId });
  return { secret, expiresAt };
}
