import type { Db } from '../../db/open-database';
import { notFound } from '../app-error';
import { toInvitationView, type InvitationView } from './invitation-view';

/** The model's invitations nobody has used yet, newest first (expired ones marked). */
export async function listInvitations(options: {
  db: Db;
  modelId: string;
}): Promise<InvitationView[]> {
  const rows = await options.db.invitation.findMany({
    where: { modelId: options.modelId, acceptedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  const now = new Date();
  return rows.map((row) => toInvitationView(row, now));
}

/** Revokes an unused invitation: its link stops working at once. */
export async function revokeInvitation(options: {
  db: Db;
  modelId: string;
  invitationId: string;
}): Promise<void> {
  const { count } = await options.db.invitation.deleteMany({
    where: { id: options.invitationId, modelId: options.modelId, acceptedAt: null },
  });
  if (count === 0) throw notFound('invitation');
}
