/**
 * A token bucket: `capacity` ops at once, refilled at `perSecond`. One per
 * socket and one per user bound how fast a client, or one account with many
 * sockets, can push ops (floods are answered `rate_limited` instead of
 * queueing up work for the database).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `n` tokens if available. */
  take(n: number): boolean {
    return TokenBucket.takeAll([this], n);
  }

  /** Takes `n` tokens from every bucket if each has them, else from none (a refusal costs nothing). */
  static takeAll(buckets: readonly TokenBucket[], n: number): boolean {
    for (const b of buckets) b.refill();
    if (buckets.some((b) => b.tokens < n)) return false;
    for (const b of buckets) b.tokens -= n;
    return true;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }
}
