/**
 * The only thing the sync engine needs from a socket. socket.io-client's
 * `Socket` fits it as is; tests plug an in-memory network or a real socket.
 * Besides protocol events, the engine listens to `connect` and `disconnect`.
 */
export interface SyncTransport {
  emit(event: string, payload: unknown, ack?: (response: unknown) => void): void;
  on(event: string, handler: (payload: unknown) => void): void;
  off?(event: string, handler: (payload: unknown) => void): void;
  /** Whether the transport is connected right now (socket.io's `socket.connected`). */
  readonly connected?: boolean;
}

/** Time source and timers, injected so tests can run on a virtual clock. */
export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface TimerGlobals {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Wall-clock timers of the browser or Node (typed here because core has neither's types). */
export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => (globalThis as unknown as TimerGlobals).setTimeout(fn, ms),
  clearTimeout: (handle) => (globalThis as unknown as TimerGlobals).clearTimeout(handle),
};
