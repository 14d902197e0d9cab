import type { Db } from '../../db/open-database';
import type { NotifyAccess } from '../access/access-change';

/** Signs a session out (logout): the row goes, and the sockets it opened end at once. */
export async function endSession(options: {
  db: Db;
  userId: string;
  sessionId: string;
  notify: NotifyAccess;
}): Promise<void> {
  const { db, userId, sessionId, notify } = options;
  await db.session.deleteMany({ where: { id: sessionId, userId } });
  notify({ type: 'session-ended', userId, sessionId });
}
