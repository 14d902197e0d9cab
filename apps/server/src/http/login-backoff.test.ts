import { describe, expect, it } from 'vitest';
import { AccountLoginBackoff } from './login-backoff';

describe('AccountLoginBackoff', () => {
  const make = () => {
    let now = 1_000_000;
    const b = new AccountLoginBackoff({ limit: 3, backoffMs: 1_000 }, () => now);
    return { b, tick: (ms: number) => (now += ms) };
  };

  it('lets `limit` failures through, then doubles the wait up to 32 times the first', () => {
    const { b, tick } = make();
    for (let i = 0; i < 2; i++) b.failed('a@x');
    expect(b.retryAfterMs('a@x')).toBe(0);
    b.failed('a@x');
    expect(b.retryAfterMs('a@x')).toBe(1_000);
    tick(1_000);
    b.failed('a@x');
    expect(b.retryAfterMs('a@x')).toBe(2_000);
    for (let i = 0; i < 10; i++) {
      tick(b.retryAfterMs('a@x'));
      b.failed('a@x');
    }
    expect(b.retryAfterMs('a@x')).toBe(32_000);
    expect(b.retryAfterMs('other@x')).toBe(0);
  });

  it('forgets after a quiet spell and after a success outside a wait', () => {
    const { b, tick } = make();
    for (let i = 0; i < 3; i++) b.failed('a@x');
    tick(32_000 + 15 * 60_000 + 1);
    expect(b.retryAfterMs('a@x')).toBe(0);
    for (let i = 0; i < 3; i++) b.failed('a@x');
    b.succeeded('a@x');
    expect(b.retryAfterMs('a@x')).toBe(1_000);
    tick(1_000);
    b.succeeded('a@x');
    b.failed('a@x');
    expect(b.retryAfterMs('a@x')).toBe(0);
  });

  it('knows a device only by the token issued for that email', () => {
    const { b } = make();
    const token = b.deviceToken('a@x');
    expect(b.isKnownDevice('a@x', token)).toBe(true);
    expect(b.isKnownDevice('b@x', token)).toBe(false);
    expect(b.isKnownDevice('a@x', undefined)).toBe(false);
    expect(b.isKnownDevice('a@x', `${token.slice(0, -1)}A`)).toBe(token.endsWith('A'));
  });
});
