import { z } from 'zod';
import { api } from './http';

export const ZUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullish(),
    isAdmin: z.boolean().optional(),
  })
  .passthrough();
export type User = z.infer<typeof ZUser>;

/** The server may answer `{user}` or the user itself; both mean the same account. */
function userOf(body: unknown): User {
  const candidate = (body as { user?: unknown } | null)?.user ?? body;
  return ZUser.parse(candidate);
}

export interface Credentials {
  email: string;
  password: string;
  name?: string;
  /** An invitation link's secret: the new account joins its model. */
  invitation?: string;
}

/**
 * What a registration answered: the instance's first account is signed in
 * (`user`); any later one gets the same answer whether or not the address
 * has an account: `sign_in` (sign in with the password next) or
 * `confirm_email` (the server mailed a link that finishes signing up).
 */
export type Registration = { user: User } | { user: null; status: 'sign_in' | 'confirm_email' };

/** The signed-in user, or null when signed out (the server answers `{ user: null }`) or unreachable. */
export async function fetchMe(): Promise<User | null> {
  try {
    const body = (await api('GET', '/api/auth/me')) as { user?: unknown } | null;
    return body?.user ? userOf(body) : null;
  } catch {
    return null;
  }
}

export async function register(c: Credentials): Promise<Registration> {
  const body = (await api('POST', '/api/auth/register', c)) as {
    user?: unknown;
    status?: string;
  } | null;
  if (body?.user) return { user: userOf(body) };
  return { user: null, status: body?.status === 'confirm_email' ? 'confirm_email' : 'sign_in' };
}

/** Follows an e-mail confirmation link: the account is created and signed in. */
export async function confirmRegistration(
  token: string,
): Promise<{ user: User; invitation?: { modelId: string } }> {
  const body = (await api('POST', '/api/auth/confirm', { token })) as {
    invitation?: { modelId: string };
  };
  return { user: userOf(body), invitation: body.invitation };
}

export async function login(c: Credentials): Promise<User> {
  return userOf(await api('POST', '/api/auth/login', { email: c.email, password: c.password }));
}

export async function logout(): Promise<void> {
  await api('POST', '/api/auth/logout');
}

/** Display name for a user: the name, else the part of the email before the @. */
export function displayName(u: { name?: string | null; email?: string }): string {
  return u.name?.trim() || u.email?.split('@')[0] || 'Someone';
}
