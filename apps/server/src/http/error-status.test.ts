import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../services/app-error';
import { statusOf } from './error-status';

describe('statusOf', () => {
  it('gives the statuses docs/api.md lists', () => {
    expect(statusOf('validation_failed')).toBe(400);
    expect(statusOf('unauthenticated')).toBe(401);
    expect(statusOf('forbidden')).toBe(403);
    expect(statusOf('not_found')).toBe(404);
    expect(statusOf('email_taken')).toBe(409);
    expect(statusOf('payload_too_large')).toBe(413);
    expect(statusOf('unsupported_encoding')).toBe(415);
    expect(statusOf('rate_limited')).toBe(429);
    expect(statusOf('internal')).toBe(500);
    expect(statusOf('busy')).toBe(503);
  });

  it('gives every code a client or server error status', () => {
    expect(APP_ERROR_CODES.length).toBeGreaterThan(20);
    for (const code of APP_ERROR_CODES) expect(statusOf(code), code).toBeGreaterThanOrEqual(400);
  });
});
