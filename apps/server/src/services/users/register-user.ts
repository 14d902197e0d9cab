import { newId } from '@threatloom/core';
import { checkPasswordPolicy } from './password-policy';
import { hashPassword } from '../../auth/passwords';
import { publicUser, type AuthUser } from '../../auth/types';
import type { Db } from '../../db/open-database';
import { AppError } from '../app-error';

/**
 * Creates an account. The first account of the instance becomes its admin.
 * When registration is closed only an admin (`byAdmin`) may create accounts.
 * A short or easily guessed password is refused (`weak_password`).
 */
export async function registerUser(options: {
  db: Db;
  email: string;
  password: string;
  name?: string;
  registrationOpen: boolean;
  byAdmin: boolean;
}): Promise<AuthUser> {
  const { db, registrationOpen, byAdmin } = options;
  const email = options.email.toLowerCase();
  await checkPasswordPolicy(options.password, { email, name: options.name });
  const passwordHash = await hashPassword(options.password);
  const isFirst = (await db.user.count()) === 0;
  if (!registrationOpen && !byAdmin && !isFirst)
    throw new AppError(
      'registration_closed',
      'registration is closed; ask an admin for an account',
    );
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError('email_taken', 'an account with this email exists');
  try {
    const user = await db.user.create({
      data: { id: newId(), email, name: options.name ?? '', passwordHash, isAdmin: isFirst },
    });
    return publicUser(user);
  } catch (err) {
    // Two registrations of one email racing: the unique index decides.
    if ((err as { code?: string }).code === 'P2002')
      throw new AppError('email_taken', 'an account with this email exists');
    throw err;
  }
}
