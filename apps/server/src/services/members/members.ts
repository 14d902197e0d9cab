import type { Role } from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db/open-database';
import type { NotifyAccess } from '../access/access-change';
import { AppError } from '../app-error';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

const toMember = (m: {
  userId: string;
  role: string;
  user: { email: string; name: string };
}): Member => ({
  userId: m.userId,
  email: m.user.email,
  name: m.user.name,
  role: m.role as Role,
});

export async function listMembers(options: { db: Db; modelId: string }): Promise<Member[]> {
  const rows = await options.db.membership.findMany({
    where: { modelId: options.modelId },
    include: { user: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(toMember);
}

/**
 * Grants the account registered under `email` a role directly, or changes that
 * member's role; the member's open sockets and dashboards learn it at once.
 * For seeding and scripts that know the account: the REST route invites
 * instead (`invitations/invite-to-model.ts`), so it never reveals which
 * addresses have accounts.
 */
export async function shareModel(options: {
  db: Db;
  modelId: string;
  email: string;
  role: Role;
  notify: NotifyAccess;
}): Promise<{ member: Member; created: boolean }> {
  const { db, modelId, role, notify } = options;
  const user = await db.user.findUnique({ where: { email: options.email.toLowerCase() } });
  if (!user) throw new AppError('user_not_found', `no account uses ${options.email}`);
  const existing = await db.membership.findUnique({
    where: { modelId_userId: { modelId, userId: user.id } },
  });
  if (existing)
    return {
      member: await setMemberRole({ db, modelId, userId: user.id, role, notify }),
      created: false,
    };
  const row = await db.membership.create({
    data: { modelId, userId: user.id, role },
    include: { user: true },
  });
  notify({ type: 'membership', modelId, userId: user.id, role });
  return { member: toMember(row), created: true };
}

/** Changes a member's role (their open sockets follow at once); the last owner cannot be demoted. */
export async function setMemberRole(options: {
  db: Db;
  modelId: string;
  userId: string;
  role: Role;
  notify: NotifyAccess;
}): Promise<Member> {
  const { db, modelId, userId, role, notify } = options;
  const member = await db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({
      where: { modelId_userId: { modelId, userId } },
    });
    if (!existing) throw new AppError('not_found', 'member not found');
    if (existing.role === 'owner' && role !== 'owner')
      await assertAnotherOwner(tx, modelId, userId);
    const row = await tx.membership.update({
      where: { modelId_userId: { modelId, userId } },
      data: { role },
      include: { user: true },
    });
    return toMember(row);
  });
  notify({ type: 'membership', modelId, userId, role });
  return member;
}

/** Removes a member, whose open sockets lose the model at once; the last owner cannot be removed. */
export async function removeMember(options: {
  db: Db;
  modelId: string;
  userId: string;
  notify: NotifyAccess;
}): Promise<void> {
  const { db, modelId, userId, notify } = options;
  await db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({
      where: { modelId_userId: { modelId, userId } },
    });
    if (!existing) throw new AppError('not_found', 'member not found');
    if (existing.role === 'owner') await assertAnotherOwner(tx, modelId, userId);
    await tx.membership.delete({ where: { modelId_userId: { modelId, userId } } });
  });
  notify({ type: 'membership', modelId, userId, role: null });
}

async function assertAnotherOwner(
  tx: Prisma.TransactionClient,
  modelId: string,
  userId: string,
): Promise<void> {
  // Lock the model row so two owners demoting each other at once cannot both succeed.
  await tx.$queryRaw`SELECT id FROM models WHERE id = ${modelId} FOR UPDATE`;
  const others = await tx.membership.count({
    where: { modelId, role: 'owner', userId: { not: userId } },
  });
  if (others === 0) throw new AppError('last_owner', 'a model needs at least one owner');
}
