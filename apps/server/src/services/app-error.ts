import type { Issue } from '@threatloom/core';

/**
 * Every error code a Threatloom client can see, over REST and the socket.
 * Stable: clients branch on them, so codes are extended, never renamed.
 * `http/error-status.ts` maps each to an HTTP status and
 * `realtime/sync-error-code.ts` to a sync code.
 */
export const APP_ERROR_CODES = [
  'validation_failed',
  'invalid_op',
  'invalid_json',
  'malformed_body',
  'malformed_url',
  'invalid_text',
  'too_deep',
  'unsupported_format',
  'unauthenticated',
  'invalid_credentials',
  'invalid_token',
  'forbidden',
  'csrf_failed',
  'registration_closed',
  'not_found',
  'user_not_found',
  'exists',
  'email_taken',
  'weak_password',
  'last_owner',
  'payload_too_large',
  'model_too_large',
  'text_too_long',
  'report_too_large',
  'report_timeout',
  'unsupported_encoding',
  'unsupported_charset',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'busy',
  'not_ready',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * The one error services, auth and transports throw on purpose: a stable
 * `code`, a message safe to show a client and optional structured details.
 * It knows nothing of HTTP or sockets; each transport maps the code itself.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'model') => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'your role does not allow this') =>
  new AppError('forbidden', message);
/** A validation failure naming each path and problem (`details.issues`). */
export const invalid = (issues: Issue[], message?: string) =>
  new AppError(
    'validation_failed',
    message ?? `${issues[0]?.path || '(body)'}: ${issues[0]?.message ?? 'invalid input'}`,
    { issues },
  );
