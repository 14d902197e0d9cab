import type { Role } from '@threatloom/core';

/** An invitation as its model's owners see it (never the token: only its hash is kept). */
export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  /** `expired` ones stay listed until revoked, so the owner sees why nobody came. */
  state: 'pending' | 'expired';
}

export const toInvitationView = (
  row: {
    id: string;
    email: string;
    role: string;
    invitedBy: string;
    createdAt: Date;
    expiresAt: Date;
  },
  now = new Date(),
): InvitationView => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  invitedBy: row.invitedBy,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  state: row.expiresAt > now ? 'pending' : 'expired',
});

/** The link an invitee follows: the web app's invitation page. */
export const invitationLink = (origin: string, token: string) =>
  `${origin.replace(/\/$/, '')}/#/invite/${token}`;
