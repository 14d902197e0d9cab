import { newId } from '@threatloom/core';
import { hashPassword } from '../../auth/passwords';
import { randomSecret, sha256 } from '../../auth/secrets';
import { publicUser, type AuthUser } from '../../auth/types';
import type { Db } from '../../db/open-database';
import type { NotifyAccess } from '../access/access-change';
import { AppError } from '../app-error';
import { acceptInvitation, previewInvitation } from '../invitations/accept-invitation';
import type { Mailer } from '../mail/mailer';
import { checkPasswordPolicy } from './password-policy';
import { registerUser } from './register-user';

/** How long an e-mail confirmation link works. */
export const CONFIRMATION_TTL_MS = 24 * 3600_000;

export type SignUpResult =
  /** The instance's first account (its admin): created and to be signed in at once. */
  | { kind: 'created'; user: AuthUser }
  /**
   * The same answer whether or not the address had an account: `sign_in` (no
   * mail: the account exists now, sign in with the password) or
   * `confirm_email` (a link went to the address).
   */
  | { kind: 'pending'; next: 'sign_in' | 'confirm_email' };

/**
 * Self-service registration that never tells whether an address has an
 * account. Password policy, closed registration and a bad invitation are
 * refused alike for every address. Then:
 * - without a mailer, a free address gets its account (and the invitation is
 *   accepted for it); a taken one is left alone;
 * - with a mailer, a free address gets a confirmation link (the account is
 *   made when it is followed, see `confirmRegistration`); a taken one gets a
 *   note that someone tried to sign up with it.
 * Both paths hash the password and make one insert before answering; mail
 * is sent and an invitation accepted after the answer, so they take as long.
 */
export async function signUpUser(options: {
  db: Db;
  email: string;
  password: string;
  name?: string;
  invitation?: string;
  registrationOpen: boolean;
  mailer?: Mailer;
  origin: string;
  notify: NotifyAccess;
  onMailError?: (err: unknown) => void;
}): Promise<SignUpResult> {
  const { db, mailer, origin } = options;
  const email = options.email.toLowerCase();
  if ((await db.user.count()) === 0)
    return { kind: 'created', user: await registerUser({ ...options, byAdmin: false }) };
  await checkPasswordPolicy(options.password, { email, name: options.name });
  if (!options.registrationOpen)
    throw new AppError(
      'registration_closed',
      'registration is closed; ask an admin for an account',
    );
  // An invitation that does not work is refused before the address is looked at.
  if (options.invitation) await previewInvitation({ db, token: options.invitation });
  const invitation = options.invitation
    ? await db.invitation.findUnique({
        where: { tokenHash: sha256(options.invitation) },
        select: { id: true },
      })
    : null;
  const passwordHash = await hashPassword(options.password);
  const base = origin.replace(/\/$/, '');
  // Both paths below do the same database work before answering, and mail goes out
  // after the answer, so neither the answer nor its timing depends on the address.
  if (mailer) {
    const token = randomSecret();
    // A row for a taken address too (it can never be confirmed: its link is never sent).
    await db.pendingRegistration.create({
      data: {
        id: newId(),
        email,
        name: options.name ?? '',
        passwordHash,
        tokenHash: sha256(token),
        invitationId: invitation?.id ?? null,
        expiresAt: new Date(Date.now() + CONFIRMATION_TTL_MS),
      },
    });
    const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
    const mail = taken
      ? {
          to: email,
          subject: 'Someone tried to sign up to Threatloom with your address',
          text: [
            'Someone (perhaps you) tried to create a Threatloom account with this address,',
            'which already has one. Nothing was changed.',
            '',
            `Sign in here: ${base}/#/signin`,
            ...(options.invitation
              ? ['', `Then open the invitation again: ${base}/#/invite/${options.invitation}`]
              : []),
            '',
            'If it was not you, you can ignore this message.',
          ].join('\n'),
        }
      : {
          to: email,
          subject: 'Confirm your Threatloom account',
          text: [
            'Open this link to confirm your address and finish creating your account:',
            `${base}/#/confirm/${token}`,
            '',
            'The link works once, for 24 hours. If you did not sign up, ignore this message.',
          ].join('\n'),
        };
    void mailer.send(mail).catch((err: unknown) => options.onMailError?.(err));
    return { kind: 'pending', next: 'confirm_email' };
  }

  // One insert attempt either way: a taken address fails on the unique index.
  const user = await createAccount(db, { email, name: options.name ?? '', passwordHash });
  if (user && invitation)
    void acceptInvitation({
      db,
      userId: user.id,
      invitationId: invitation.id,
      notify: options.notify,
    }).catch(() => undefined);
  return { kind: 'pending', next: 'sign_in' };
}

/**
 * Follows a confirmation link: creates the account (and accepts the
 * invitation it was made with). Returns the user to sign in.
 */
export async function confirmRegistration(options: {
  db: Db;
  token: string;
  notify: NotifyAccess;
}): Promise<{ user: AuthUser; invitation?: { modelId: string; role: string } }> {
  const { db } = options;
  const pending = await db.pendingRegistration.findUnique({
    where: { tokenHash: sha256(options.token) },
  });
  if (!pending || pending.expiresAt <= new Date())
    throw new AppError('not_found', 'this confirmation link was used or has expired');
  await db.pendingRegistration.deleteMany({
    where: { OR: [{ id: pending.id }, { expiresAt: { lt: new Date() } }] },
  });
  const user = await createAccount(db, pending);
  // The mailbox owner confirmed: they may learn that the address is taken.
  if (!user) throw new AppError('email_taken', 'this address has an account already; sign in');
  await db.pendingRegistration.deleteMany({ where: { email: pending.email } });
  let invitation: { modelId: string; role: string } | undefined;
  if (pending.invitationId)
    invitation = await acceptInvitation({
      db,
      userId: user.id,
      invitationId: pending.invitationId,
      notify: options.notify,
    }).catch(() => undefined);
  return { user, invitation };
}

/** Creates an account from an already-hashed password; null when the address was taken meanwhile. */
async function createAccount(
  db: Db,
  data: { email: string; name: string; passwordHash: string },
): Promise<AuthUser | null> {
  try {
    const user = await db.user.create({
      data: {
        id: newId(),
        email: data.email,
        name: data.name,
        passwordHash: data.passwordHash,
      },
    });
    return publicUser(user);
  } catch (err) {
    // Two registrations of one address racing: the unique index decides.
    if ((err as { code?: string }).code === 'P2002') return null;
    throw err;
  }
}
