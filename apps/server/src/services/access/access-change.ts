import type { Role } from '@threatloom/core';

/**
 * A change of who may do what, which open sockets must follow at once
 * (services report it after their write commits; realtime/ ends, downgrades
 * or informs the affected sockets on every server process).
 */
export type AccessChange =
  /** A personal API token was revoked: sockets opened with it end. */
  | { type: 'token-revoked'; userId: string; tokenId: string }
  /** A session ended (logout, rotation at login): sockets opened with it end. */
  | { type: 'session-ended'; userId: string; sessionId: string }
  /**
   * The user's role on a model is now `role` (shared, role changed, an
   * invitation accepted), or `null` (removed, left, the model deleted).
   */
  | { type: 'membership'; modelId: string; userId: string; role: Role | null };

/** Reports an access change; never throws and never waits (delivery is best effort, each join and submit re-checks). */
export type NotifyAccess = (change: AccessChange) => void;

/** For callers outside a running server (scripts, test seeding): nobody is connected. */
export const ignoreAccessChanges: NotifyAccess = () => {};
