import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface AccountBackoffOptions {
  /** Failed logins for one email, from any address, before each further attempt must wait. */
  limit: number;
  /** The first wait; it doubles with each further failure, up to 32 times this. */
  backoffMs: number;
}

interface Entry {
  failures: number;
  last: number;
}

/** Counters kept at most (oldest forgotten first), so a flood of made-up emails cannot fill memory. */
const MAX_ENTRIES = 100_000;
/** Doublings before the wait stops growing. */
const MAX_DOUBLINGS = 5;

/**
 * The per-account failed-login cap (ASVS V6.3): counts failures per email
 * across every client address, whether or not an account uses the email (so
 * it tells nobody which do). After `limit` failures each attempt must wait,
 * `backoffMs` then twice that and so on up to 32 times; an attempt inside the
 * wait is refused without checking the password. A quiet spell as long as
 * the longest wait plus 15 minutes, or a success outside a wait, forgets the failures.
 *
 * So that someone failing on purpose cannot keep the owner out, a browser
 * that signed in to the email before carries a device cookie (an HMAC of the
 * email with this process's key) and is not held back (ASVS: "device cookies").
 * Counters and key live in this process, like the other rate limits.
 */
export class AccountLoginBackoff {
  private readonly entries = new Map<string, Entry>();
  private readonly key = randomBytes(32);
  private readonly maxWaitMs: number;
  private readonly forgetMs: number;

  constructor(
    private readonly options: AccountBackoffOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.maxWaitMs = options.backoffMs * 2 ** MAX_DOUBLINGS;
    this.forgetMs = this.maxWaitMs + 15 * 60_000;
  }

  private entry(email: string): Entry | undefined {
    const e = this.entries.get(email);
    if (e && this.now() - e.last > this.forgetMs) {
      this.entries.delete(email);
      return undefined;
    }
    return e;
  }

  private waitAfter(failures: number): number {
    const over = failures - this.options.limit;
    if (over < 0) return 0;
    return Math.min(this.options.backoffMs * 2 ** over, this.maxWaitMs);
  }

  /** Milliseconds until `email` may try again (0: now). */
  retryAfterMs(email: string): number {
    const e = this.entry(email);
    if (!e) return 0;
    return Math.max(0, e.last + this.waitAfter(e.failures) - this.now());
  }

  failed(email: string): void {
    const e = this.entry(email) ?? { failures: 0, last: 0 };
    this.entries.delete(email);
    this.entries.set(email, { failures: e.failures + 1, last: this.now() });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A correct password; failures are forgotten unless it came in during a wait (a known device). */
  succeeded(email: string): void {
    if (this.retryAfterMs(email) === 0) this.entries.delete(email);
  }

  /** The device cookie's value for `email`. */
  deviceToken(email: string): string {
    return createHmac('sha256', this.key).update(email).digest('base64url');
  }

  isKnownDevice(email: string, token: string | undefined): boolean {
    if (!token) return false;
    const expected = Buffer.from(this.deviceToken(email));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
