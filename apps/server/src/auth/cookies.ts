/** Session cookie: httpOnly, holds the session secret. */
export const SESSION_COOKIE = 'tl_session';
/** Double-submit CSRF cookie: readable by the page, echoed in the `X-CSRF-Token` header. */
export const CSRF_COOKIE = 'tl_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
