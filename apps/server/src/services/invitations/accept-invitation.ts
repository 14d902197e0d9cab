import { ZRole, type Role } from '@threatloom/core';
import { sha256 } from '../../auth/secrets';
import type { Db } from '../../db/open-database';
import type { Prisma } from '../../db/generated/client';
import type { NotifyAccess } from '../access/access-change';
import { AppError } from '../app-error';

const RANK: Record<Role, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

const gone = () =>
  new AppError('not_found', 'this invitation does not exist, was used, revoked or has expired');

/** What an invitation link shows before anyone signs in: the model's title, the role and who invited. Nothing else. */
export interface InvitationPreview {
  modelTitle: string;
  role: Role;
  inviterName: string;
}

export async function previewInvitation(options: {
  db: Db;
  token: string;
}): Promise<InvitationPreview> {
  const row = await options.db.invitation.findUnique({
    where: { tokenHash: sha256(options.token) },
    include: {
      model: { select: { title: true } },
      inviter: { select: { name: true, email: true } },
    },
  });
  if (!row || row.acceptedAt || row.expiresAt <= new Date()) throw gone();
  return {
    modelTitle: row.model.title,
    role: ZRole.parse(row.role),
    inviterName: row.inviter.name || row.inviter.email.split('@')[0]!,
  };
}

/**
 * Uses an invitation for the signed-in account `userId`, with whatever
 * address that account has (the link is the proof the owner handed out).
 * Single use: the first account to accept consumes it; the same account
 * accepting again gets the same answer. An invitation never lowers a role the
 * account already has. The account's open dashboards learn it at once.
 */
export async function acceptInvitation(options: {
  db: Db;
  userId: string;
  notify: NotifyAccess;
  /** The link's secret, or (after an e-mail confirmation) the invitation's id. */
  token?: string;
  invitationId?: string;
}): Promise<{ modelId: string; role: Role }> {
  const { db, userId } = options;
  const where = options.token
    ? { tokenHash: sha256(options.token) }
    : { id: options.invitationId ?? '' };
  const result = await db.$transaction(async (tx) => {
    const row = await tx.invitation.findUnique({ where });
    if (!row) throw gone();
    if (row.acceptedAt) {
      if (row.acceptedBy !== userId) throw gone();
      return {
        modelId: row.modelId,
        role: await currentRole(tx, row.modelId, userId),
        changed: false,
      };
    }
    if (row.expiresAt <= new Date()) throw gone();
    const claimed = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null },
      data: { acceptedAt: new Date(), acceptedBy: userId },
    });
    if (claimed.count === 0) throw gone();
    const invited = ZRole.parse(row.role);
    const existing = await tx.membership.findUnique({
      where: { modelId_userId: { modelId: row.modelId, userId } },
    });
    if (!existing) {
      await tx.membership.create({ data: { modelId: row.modelId, userId, role: invited } });
      return { modelId: row.modelId, role: invited, changed: true };
    }
    const had = ZRole.parse(existing.role);
    if (RANK[invited] <= RANK[had]) return { modelId: row.modelId, role: had, changed: false };
    await tx.membership.update({
      where: { modelId_userId: { modelId: row.modelId, userId } },
      data: { role: invited },
    });
    return { modelId: row.modelId, role: invited, changed: true };
  });
  if (result.changed)
    options.notify({ type: 'membership', modelId: result.modelId, userId, role: result.role });
  return { modelId: result.modelId, role: result.role };
}

async function currentRole(
  tx: Prisma.TransactionClient,
  modelId: string,
  userId: string,
): Promise<Role> {
  const m = await tx.membership.findUnique({ where: { modelId_userId: { modelId, userId } } });
  // Accepted, then removed by an owner: the link does not bring them back.
  if (!m) throw gone();
  return ZRole.parse(m.role);
}
