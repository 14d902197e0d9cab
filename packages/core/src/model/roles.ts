import { ROLES, type Role } from './keys';

/**
 * Whether `role` grants at least what `min` grants: owner > editor > commenter > viewer
 * (`ROLES` lists them strongest first); no role grants nothing. The one role comparison
 * of the server's `requireRole`, core's `authorizeOp` and what the web app offers.
 */
export function roleAtLeast(role: Role | undefined, min: Role): boolean {
  return role !== undefined && ROLES.indexOf(role) <= ROLES.indexOf(min);
}
