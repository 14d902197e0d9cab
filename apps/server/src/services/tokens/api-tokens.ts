import { newId } from '@threatloom/core';
import { randomSecret, sha256 } from '../../auth/secrets';
import type { Db } from '../../db/open-database';
import type { NotifyAccess } from '../access/access-change';
import { AppError } from '../app-error';

export interface ApiTokenInfo {
  id: string;
  name: string;
  /** First characters of the secret, to tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const info = (t: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}): ApiTokenInfo => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** Issues a personal API token. The secret is returned once; only its hash is stored. */
export async function createApiToken(options: {
  db: Db;
  userId: string;
  name: string;
}): Promise<ApiTokenInfo & { token: string }> {
  const token = `tl_${randomSecret()}`;
  const row = await options.db.apiToken.create({
    data: {
      id: newId(),
      userId: options.userId,
      name: options.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
    },
  });
  return { ...info(row), token };
}

/** The user's tokens that are not revoked. */
export async function listApiTokens(options: { db: Db; userId: string }): Promise<ApiTokenInfo[]> {
  const rows = await options.db.apiToken.findMany({
    where: { userId: options.userId, revokedAt: null },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(info);
}

/** Revokes one of the user's tokens, ending the sockets opened with it; another user's token id is a 404. */
export async function revokeApiToken(options: {
  db: Db;
  userId: string;
  tokenId: string;
  notify: NotifyAccess;
}): Promise<void> {
  const { count } = await options.db.apiToken.updateMany({
    where: { id: options.tokenId, userId: options.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError('not_found', 'token not found');
  options.notify({ type: 'token-revoked', userId: options.userId, tokenId: options.tokenId });
}
