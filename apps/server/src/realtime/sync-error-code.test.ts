import { SYNC_ERROR_CODES } from '@threatloom/core';
import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../services/app-error';
import { syncCodeOf } from './sync-error-code';

describe('syncCodeOf', () => {
  it('keeps the codes the sync protocol shares and calls the rest internal', () => {
    expect(syncCodeOf('not_found')).toBe('not_found');
    expect(syncCodeOf('forbidden')).toBe('forbidden');
    expect(syncCodeOf('invalid_token')).toBe('unauthorized');
    expect(syncCodeOf('email_taken')).toBe('internal');
  });

  it('answers only codes of the wire contract', () => {
    for (const code of APP_ERROR_CODES) expect(SYNC_ERROR_CODES).toContain(syncCodeOf(code));
  });
});
