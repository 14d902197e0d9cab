import type { SyncErrorCode } from '@threatloom/core';
import type { AppErrorCode } from '../services/app-error';

/**
 * The one place a service's error code becomes a sync error code. Codes the
 * sync protocol has no word for are `internal` (the client retries).
 */
export function syncCodeOf(code: AppErrorCode): SyncErrorCode {
  switch (code) {
    case 'not_found':
    case 'forbidden':
    case 'invalid_op':
    case 'rate_limited':
    case 'model_too_large':
    case 'text_too_long':
      return code;
    case 'unauthenticated':
    case 'invalid_token':
      return 'unauthorized';
    default:
      return 'internal';
  }
}
