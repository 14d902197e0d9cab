import { newId, type Role } from '@threatloom/core';
import { randomSecret, sha256 } from '../../auth/secrets';
import type { Db } from '../../db/open-database';
import type { NotifyAccess } from '../access/access-change';
import type { Mailer } from '../mail/mailer';
import { setMemberRole, type Member } from '../members/members';
import { invitationLink, toInvitationView, type InvitationView } from './invitation-view';

export type ShareResult =
  | { kind: 'member'; member: Member }
  | {
      kind: 'invitation';
      invitation: InvitationView;
      /** The single-use link, for the owner to pass on (shown once; only its hash is kept). */
      link: string;
      /** Whether the link went out by e-mail (SMTP configured and the server took it). */
      emailed: boolean;
    };

/**
 * Shares a model with an address. An address that is already a member (the
 * owner sees the members anyway) gets the new role at once; any other address
 * gets an invitation, whether or not an account uses it, so the answer tells
 * the owner nothing about which addresses have accounts. A newer invitation
 * to the same address replaces the older one. With a mailer the link is
 * mailed; either way it is returned for the owner to copy.
 */
export async function inviteToModel(options: {
  db: Db;
  modelId: string;
  inviterId: string;
  email: string;
  role: Role;
  ttlHours: number;
  /** Origin of the web app for the link (PUBLIC_ORIGIN or the request's own). */
  origin: string;
  mailer?: Mailer;
  notify: NotifyAccess;
  onMailError?: (err: unknown) => void;
}): Promise<ShareResult> {
  const { db, modelId, role } = options;
  const email = options.email.toLowerCase();
  const member = await db.membership.findFirst({
    where: { modelId, user: { email } },
    select: { userId: true },
  });
  if (member)
    return {
      kind: 'member',
      member: await setMemberRole({
        db,
        modelId,
        userId: member.userId,
        role,
        notify: options.notify,
      }),
    };

  const token = randomSecret();
  const expiresAt = new Date(Date.now() + options.ttlHours * 3600_000);
  const [, row, model, inviter] = await db.$transaction([
    db.invitation.deleteMany({ where: { modelId, email, acceptedAt: null } }),
    db.invitation.create({
      data: {
        id: newId(),
        modelId,
        email,
        role,
        tokenHash: sha256(token),
        invitedBy: options.inviterId,
        expiresAt,
      },
    }),
    db.model.findUniqueOrThrow({ where: { id: modelId }, select: { title: true } }),
    db.user.findUniqueOrThrow({
      where: { id: options.inviterId },
      select: { name: true, email: true },
    }),
  ]);
  const link = invitationLink(options.origin, token);
  let emailed = false;
  if (options.mailer) {
    const who = inviter.name || inviter.email;
    try {
      await options.mailer.send({
        to: email,
        subject: `${who} invited you to "${model.title}" on Threatloom`,
        text: [
          `${who} invited you to the threat model "${model.title}" as ${role}.`,
          '',
          `Open this link to sign up or sign in and join it:`,
          link,
          '',
          `The link works once and expires on ${expiresAt.toUTCString()}.`,
          'If you did not expect this, ignore this message.',
        ].join('\n'),
      });
      emailed = true;
    } catch (err) {
      options.onMailError?.(err);
    }
  }
  return { kind: 'invitation', invitation: toInvitationView(row), link, emailed };
}
