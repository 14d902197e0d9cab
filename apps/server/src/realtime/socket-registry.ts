import type { Socket } from 'socket.io';
import { TokenBucket } from './rate-limiter';

export interface UserLimits {
  /** Sockets one user may hold open on one server process. */
  maxSocketsPerUser: number;
  /** Ops one user may submit in a burst across all their sockets, and refill per second. */
  userBurstOps: number;
  userOpsPerSecond: number;
}

interface UserEntry {
  sockets: Set<Socket>;
  bucket: TokenBucket;
  /** Set while the user has no socket: the entry (and its drained bucket) outlives them until the bucket is full again. */
  idle?: NodeJS.Timeout;
}

/**
 * This process's open sockets by user: what access changes act on (a revoked
 * token, a removed member), what the per-user socket cap counts, and the
 * token bucket all of one user's sockets share. A socket is added during its
 * handshake (so concurrent handshakes cannot all slip under the cap) and
 * removed when it or its connection closes. The bucket stays until it would
 * have refilled, so reconnecting does not buy a fresh burst.
 */
export class SocketRegistry {
  private readonly users = new Map<string, UserEntry>();

  constructor(private readonly limits: UserLimits) {}

  /** Adds the socket unless its user already holds the most allowed; false when refused. */
  add(userId: string, socket: Socket): boolean {
    let entry = this.users.get(userId);
    if (entry && entry.sockets.size >= this.limits.maxSocketsPerUser) return false;
    if (!entry) {
      entry = {
        sockets: new Set(),
        bucket: new TokenBucket(this.limits.userBurstOps, this.limits.userOpsPerSecond),
      };
      this.users.set(userId, entry);
    }
    clearTimeout(entry.idle);
    entry.idle = undefined;
    entry.sockets.add(socket);
    return true;
  }

  /** Idempotent. */
  remove(userId: string, socket: Socket): void {
    const entry = this.users.get(userId);
    if (!entry?.sockets.delete(socket) || entry.sockets.size > 0) return;
    const refillMs = (this.limits.userBurstOps / this.limits.userOpsPerSecond) * 1000;
    entry.idle = setTimeout(() => {
      if (entry.sockets.size === 0) this.users.delete(userId);
    }, refillMs);
    entry.idle.unref();
  }

  /** The user's sockets on this process (a copy: handlers may remove sockets while iterating). */
  socketsOf(userId: string): Socket[] {
    return [...(this.users.get(userId)?.sockets ?? [])];
  }

  /** The bucket shared by the user's sockets (undefined for a user with no socket here). */
  bucketOf(userId: string): TokenBucket | undefined {
    return this.users.get(userId)?.bucket;
  }

  /** Stops the idle timers (shutdown). */
  close(): void {
    for (const entry of this.users.values()) clearTimeout(entry.idle);
    this.users.clear();
  }
}
