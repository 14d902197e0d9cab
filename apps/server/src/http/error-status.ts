import type { AppErrorCode } from '../services/app-error';

/** The HTTP status of each error code: the compiler fails when a new code has none. */
const STATUS: Record<AppErrorCode, number> = {
  validation_failed: 400,
  invalid_op: 400,
  invalid_json: 400,
  malformed_body: 400,
  malformed_url: 400,
  invalid_text: 400,
  too_deep: 400,
  unsupported_format: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_token: 401,
  forbidden: 403,
  csrf_failed: 403,
  registration_closed: 403,
  not_found: 404,
  user_not_found: 404,
  exists: 409,
  email_taken: 409,
  weak_password: 400,
  last_owner: 409,
  payload_too_large: 413,
  model_too_large: 422,
  text_too_long: 422,
  report_too_large: 422,
  report_timeout: 503,
  unsupported_encoding: 415,
  unsupported_charset: 415,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  busy: 503,
  not_ready: 503,
};

/** The one place an error code becomes an HTTP status. */
export const statusOf = (code: AppErrorCode): number => STATUS[code];
