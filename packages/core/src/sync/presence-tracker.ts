import type { PresenceBroadcast, PresenceState } from './protocol';
import type { Scheduler } from './transport';

/** Another client in the model as last heard from. */
export interface Peer {
  clientId: string;
  user: { id: string; name: string };
  state: PresenceState;
  /** Scheduler time it was last heard from. */
  at: number;
}

export interface PresenceTrackerOptions {
  scheduler: Scheduler;
  intervalMs: number;
  heartbeatMs: number;
  expiryMs: number;
  /** Emits the state; returns false when it could not (offline), so it is sent again on `resend`. */
  send(state: PresenceState | null): boolean;
  onPeers(peers: ReadonlyMap<string, Peer>): void;
}

/**
 * Presence for one client: its own state throttled to one emit per interval
 * (latest wins, nothing queued) and repeated as a heartbeat; peers' states
 * kept until they say null or go silent for `expiryMs`.
 */
export class PresenceTracker {
  private readonly options: PresenceTrackerOptions;
  private mine: PresenceState | null = null;
  private dirty = false;
  private lastSent = -Infinity;
  private sendTimer: unknown = null;
  private heartbeatTimer: unknown = null;
  private sweepTimer: unknown = null;
  private readonly byClient = new Map<string, Peer>();

  constructor(options: PresenceTrackerOptions) {
    this.options = options;
  }

  get peers(): ReadonlyMap<string, Peer> {
    return this.byClient;
  }

  set(state: PresenceState | null): void {
    this.mine = state;
    this.dirty = true;
    this.schedule();
  }

  /** After a (re)join: announce the current state again. */
  resend(): void {
    if (this.mine !== null) this.dirty = true;
    this.schedule();
  }

  receive(broadcast: PresenceBroadcast): void {
    if (broadcast.state === null) this.byClient.delete(broadcast.clientId);
    else {
      const { clientId, user, state } = broadcast;
      this.byClient.set(clientId, { clientId, user, state, at: this.options.scheduler.now() });
      this.armSweep();
    }
    this.options.onPeers(this.byClient);
  }

  /** Forgets every peer (the connection dropped: nobody's presence is known any more). */
  clearPeers(): void {
    if (this.byClient.size === 0) return;
    this.byClient.clear();
    this.options.onPeers(this.byClient);
  }

  stop(): void {
    const { scheduler } = this.options;
    scheduler.clearTimeout(this.sendTimer);
    scheduler.clearTimeout(this.heartbeatTimer);
    scheduler.clearTimeout(this.sweepTimer);
    this.sendTimer = this.heartbeatTimer = this.sweepTimer = null;
    this.byClient.clear();
  }

  private schedule(): void {
    if (this.sendTimer !== null || !this.dirty) return;
    const { scheduler, intervalMs } = this.options;
    const wait = Math.max(0, this.lastSent + intervalMs - scheduler.now());
    if (wait === 0) this.flush();
    else
      this.sendTimer = scheduler.setTimeout(() => {
        this.sendTimer = null;
        this.flush();
      }, wait);
  }

  private flush(): void {
    const { scheduler, heartbeatMs } = this.options;
    if (!this.dirty || !this.options.send(this.mine)) return;
    this.dirty = false;
    this.lastSent = scheduler.now();
    scheduler.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
    if (this.mine !== null) {
      this.heartbeatTimer = scheduler.setTimeout(() => {
        this.heartbeatTimer = null;
        this.resend();
      }, heartbeatMs);
    }
  }

  private armSweep(): void {
    if (this.sweepTimer !== null) return;
    const { scheduler, expiryMs } = this.options;
    this.sweepTimer = scheduler.setTimeout(() => {
      this.sweepTimer = null;
      const cutoff = scheduler.now() - expiryMs;
      let removed = false;
      for (const [id, peer] of this.byClient) {
        if (peer.at <= cutoff) {
          this.byClient.delete(id);
          removed = true;
        }
      }
      if (removed) this.options.onPeers(this.byClient);
      if (this.byClient.size > 0) this.armSweep();
    }, expiryMs / 3);
  }
}
