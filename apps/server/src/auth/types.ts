/** The signed-in user as routes and services see it. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

export interface AuthContext {
  user: AuthUser;
  /** Cookie sessions need CSRF proof on writes; Bearer tokens do not. */
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  /** When the session ends by itself (sessions only; tokens live until revoked). */
  expiresAt?: Date;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      auth?: AuthContext;
    }
  }
}

export const publicUser = (u: {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}): AuthUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
});
