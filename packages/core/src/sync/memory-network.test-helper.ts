import type { Role } from '../model/keys';
import { ReferenceSyncServer } from './reference-server';
import { SYNC_EVENTS, type OpBroadcast } from './protocol';
import type { Scheduler, SyncTransport } from './transport';

/**
 * Test harness: a virtual clock and an in-memory network between SyncClients
 * and the ReferenceSyncServer, with seeded random delays, optional reordering
 * of server → client messages (as relays between server processes can cause),
 * disconnects that lose in-flight messages, and JSON round trips like a real
 * wire. Everything is driven by the seed, so a failing run replays exactly.
 */

/** mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Timer {
  at: number;
  order: number;
  fn: () => void;
}

/** A virtual clock: timers fire only when the test advances time. */
export class ManualScheduler implements Scheduler {
  private time = 0;
  private order = 0;
  private readonly timers = new Set<Timer>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer: Timer = { at: this.time + Math.max(0, ms), order: this.order++, fn };
    this.timers.add(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as Timer);
  }

  get idle(): boolean {
    return this.timers.size === 0;
  }

  /** Fires, in time order, every timer due within `ms` from now (including ones they schedule). */
  advance(ms: number): void {
    const until = this.time + ms;
    for (let next = this.next(); next && next.at <= until; next = this.next()) this.fire(next);
    this.time = until;
  }

  /** Fires timers until none is left (or `limit` fired, which means something loops). */
  runUntilIdle(limit = 1_000_000): void {
    for (let i = 0, next = this.next(); next; next = this.next(), i++) {
      if (i >= limit) throw new Error('scheduler did not go idle');
      this.fire(next);
    }
  }

  private fire(timer: Timer): void {
    this.timers.delete(timer);
    this.time = Math.max(this.time, timer.at);
    timer.fn();
  }

  private next(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers)
      if (!best || t.at < best.at || (t.at === best.at && t.order < best.order)) best = t;
    return best;
  }
}

export interface NetworkOptions {
  random: () => number;
  /** Largest one-way delay in ms. */
  maxDelayMs: number;
  /** Whether server → client messages may overtake each other. */
  reorder: boolean;
}

type Handler = (payload: unknown) => void;
const wire = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

/** One simulated socket; `connect()` / `disconnect()` are the harness's to call. */
export class MemoryTransport implements SyncTransport {
  connected = false;
  /** Bumped on every disconnect: messages of an older epoch are lost. */
  epoch = 0;
  private readonly handlers = new Map<string, Set<Handler>>();
  private lastUp = 0;
  private lastDown = 0;
  readonly joined = new Set<string>();
  /** Joined with `batch: true`: gets one `ops` message per commit. */
  batch = false;

  constructor(
    private readonly network: MemoryNetwork,
    readonly actorId: string,
  ) {}

  on(event: string, handler: Handler): void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler);
  }

  off(event: string, handler: Handler): void {
    this.handlers.get(event)?.delete(handler);
  }

  emit(event: string, payload: unknown, ack?: (response: unknown) => void): void {
    if (!this.connected) return;
    const epoch = this.epoch;
    const at = (this.lastUp = Math.max(
      this.lastUp,
      this.network.scheduler.now() + this.network.delay(),
    ));
    const message = wire(payload);
    this.network.scheduler.setTimeout(() => {
      // A message still on the wire when the socket dropped may or may not have reached the server; its answer is lost.
      if (epoch !== this.epoch && this.network.options.random() < 0.5) return;
      const response = this.network.handle(this, event, message);
      if (ack && response !== undefined) this.deliver(epoch, () => ack(wire(response)), true);
    }, at - this.network.scheduler.now());
  }

  /** Schedules a server → client delivery on this connection. */
  deliver(epoch: number, fn: () => void, fifo: boolean): void {
    const now = this.network.scheduler.now();
    let at = now + this.network.delay();
    if (fifo || !this.network.options.reorder) at = this.lastDown = Math.max(this.lastDown, at);
    this.network.scheduler.setTimeout(() => {
      if (epoch === this.epoch && this.connected) fn();
    }, at - now);
  }

  push(event: string, payload: unknown): void {
    this.deliver(this.epoch, () => this.fire(event, wire(payload)), false);
  }

  connect(): void {
    if (this.connected) return;
    this.connected = true;
    this.network.scheduler.setTimeout(() => this.fire('connect', undefined), this.network.delay());
  }

  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    this.epoch += 1;
    this.joined.clear();
    this.fire('disconnect', 'transport close');
  }

  private fire(event: string, payload: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(payload);
  }
}

/** The reference server behind simulated sockets. */
export class MemoryNetwork {
  readonly server: ReferenceSyncServer;
  readonly transports = new Set<MemoryTransport>();

  constructor(
    readonly scheduler: ManualScheduler,
    readonly options: NetworkOptions,
    serverOptions: { snapshotAfter?: number } = {},
  ) {
    this.server = new ReferenceSyncServer(serverOptions);
  }

  delay(): number {
    return Math.floor(this.options.random() * (this.options.maxDelayMs + 1));
  }

  /** A new socket for `actorId` (not yet connected). */
  transport(actorId: string): MemoryTransport {
    const t = new MemoryTransport(this, actorId);
    this.transports.add(t);
    return t;
  }

  createModel(
    modelId: string,
    records: Parameters<ReferenceSyncServer['createModel']>[1],
    members: Record<string, Role>,
  ): void {
    this.server.createModel(modelId, records, members);
  }

  /** Server side of one message: returns the ack payload and broadcasts committed ops to the room. */
  handle(from: MemoryTransport, event: string, payload: unknown): unknown {
    switch (event) {
      case SYNC_EVENTS.join: {
        const ack = this.server.join(from.actorId, payload);
        if (ack.ok) {
          from.joined.add((payload as { modelId: string }).modelId);
          from.batch = (payload as { batch?: boolean }).batch === true;
        }
        return ack;
      }
      case SYNC_EVENTS.submit: {
        const { ack, broadcasts } = this.server.submit(from.actorId, payload);
        return this.afterCommit(ack, broadcasts);
      }
      case SYNC_EVENTS.submitBatch: {
        const { ack, broadcasts } = this.server.submitBatch(from.actorId, payload);
        return this.afterCommit(ack, broadcasts);
      }
      default:
        return undefined;
    }
  }

  private afterCommit(ack: unknown, broadcasts: OpBroadcast[]): unknown {
    // The whole room hears every committed op, the sender included: batch clients one message per commit.
    const modelId = broadcasts[0]?.modelId;
    if (!modelId) return ack;
    for (const t of this.transports) {
      if (!t.connected || !t.joined.has(modelId)) continue;
      if (t.batch) t.push(SYNC_EVENTS.ops, { modelId, ops: broadcasts });
      else for (const b of broadcasts) t.push(SYNC_EVENTS.op, b);
    }
    return ack;
  }
}
