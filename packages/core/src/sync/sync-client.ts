import { newId } from '../model/ids';
import type { Role } from '../model/keys';
import type { ModelRecord } from '../model/records';
import { applyOp } from '../ops/apply';
import { toRecordMap, type Op, type RecordMap } from '../ops/ops';
import { validateOp, type OpError } from '../ops/validate';
import type { PendingStore } from './pending-store';
import { PresenceTracker, type Peer } from './presence-tracker';
import {
  MAX_BATCH_OPS,
  PROTOCOL_VERSION,
  SYNC_EVENTS,
  TRANSIENT_ERROR_CODES,
  ZJoinAck,
  ZMembershipChange,
  ZOpBroadcast,
  ZOpsBroadcast,
  ZPresenceBroadcast,
  ZPresenceState,
  ZSubmitBatchAck,
  ZSnapshotPage,
  ZSubmitResult,
  type Join,
  type OpBroadcast,
  type PresenceState,
  type SubmitResult,
  type SubmittedOp,
  type SyncError,
} from './protocol';
import { realScheduler, type Scheduler, type SyncTransport } from './transport';
import { resolveUndo, undoEntryFor, type UndoEntry } from './undo';
import { applyTracked, replayView } from './view';

/** Where the engine stands with the server. */
export type SyncStatus = 'loading' | 'offline' | 'joining' | 'synced' | 'failed';

/** Why the view changed. */
export type UpdateCause = 'local' | 'remote' | 'rejected' | 'resync' | 'undo' | 'redo';

/**
 * One change of the view: the ids of records created, changed or removed.
 * Also emitted with an empty set when only the pending count changed.
 */
export interface SyncUpdate {
  changed: ReadonlySet<string>;
  cause: UpdateCause;
}

/** A local op the server refused: it is gone from the view; the UI can say why. */
export interface Rejection {
  opId: string;
  op: Op;
  error: SyncError;
}

export interface SyncClientEvents {
  update: SyncUpdate;
  rejected: Rejection;
  status: SyncStatus;
  /** The session cannot go on: `version_mismatch` (reload the page), `not_found`, `unauthorized`… */
  fatal: SyncError;
  presence: ReadonlyMap<string, Peer>;
  /** The server says the user's role on this model changed (SYNC-AUTH-5); removal is `fatal` `not_found` instead. */
  role: Role;
}

export interface SyncClientOptions {
  modelId: string;
  transport: SyncTransport;
  /** Keeps pending ops across reloads; none: they live in memory only. */
  store?: PendingStore;
  scheduler?: Scheduler;
  newOpId?: () => string;
  /** How long a hole in the seq stream may last before the client re-joins to catch up (ms). */
  gapTimeoutMs?: number;
  /** Delay before re-sending ops refused for a transient reason such as `rate_limited` (ms). */
  retryMs?: number;
  /** Minimum interval between two presence emits: 33 ms is about 30 Hz. */
  presenceIntervalMs?: number;
  /** Presence is re-sent this often while set, so peers can expire silent clients. */
  presenceHeartbeatMs?: number;
  /** A peer silent this long is dropped. */
  presenceExpiryMs?: number;
  /** Depth of the undo history. */
  maxUndo?: number;
}

/** Result of a local edit: refused edits change nothing and name the op and problem. */
export type ApplyResult =
  { ok: true; opIds: string[] } | { ok: false; index: number; error: OpError };

interface PendingEntry extends SubmittedOp {
  /** Emitted on the current connection and not answered yet. */
  sent: boolean;
  /** Seq the server acknowledged; the entry stays until that seq is applied to confirmed state. */
  seq?: number;
}

type Listener<T> = (value: T) => void;

/**
 * The client half of sync, framework-free. Confirmed state follows the
 * server's seq order; local edits are applied at once and queued as pending;
 * the view is confirmed state with the pending ops replayed on top, so a field
 * with a pending local change is not overwritten on screen by a remote op.
 * Pending ops are persisted, re-sent after every (re)join and dropped when the
 * server commits (their seq reaches confirmed state) or refuses them.
 */
export class SyncClient {
  readonly modelId: string;
  private readonly transport: SyncTransport;
  private readonly store: PendingStore | undefined;
  private readonly scheduler: Scheduler;
  private readonly newOpId: () => string;
  private readonly gapTimeoutMs: number;
  private readonly retryMs: number;
  private readonly maxUndo: number;
  private readonly presence: PresenceTracker;

  private confirmed: RecordMap = new Map();
  private view: RecordMap = new Map();
  private seq = 0;
  private hasState = false;
  private pending: PendingEntry[] = [];
  /** Broadcasts that arrived ahead of a missing seq, or while joining. */
  private readonly future = new Map<number, OpBroadcast>();
  private undoStack: UndoEntry[] = [];
  private redoStack: UndoEntry[] = [];
  private currentStatus: SyncStatus = 'loading';
  private joined = false;
  private joinAttempt = 0;
  /** Records of the `snapshotPage` messages of the join under way, page by page. */
  private snapshotPages: ModelRecord[][] = [];
  private gapTimer: unknown = null;
  private readonly retryTimers = new Map<'join' | 'send', unknown>();
  private saving: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly listeners = new Map<keyof SyncClientEvents, Set<Listener<never>>>();
  private readonly handlers: [string, (payload: unknown) => void][] = [];

  constructor(options: SyncClientOptions) {
    this.modelId = options.modelId;
    this.transport = options.transport;
    this.store = options.store;
    this.scheduler = options.scheduler ?? realScheduler;
    this.newOpId = options.newOpId ?? newId;
    this.gapTimeoutMs = options.gapTimeoutMs ?? 1000;
    this.retryMs = options.retryMs ?? 500;
    this.maxUndo = options.maxUndo ?? 200;
    this.presence = new PresenceTracker({
      scheduler: this.scheduler,
      intervalMs: options.presenceIntervalMs ?? 33,
      heartbeatMs: options.presenceHeartbeatMs ?? 10_000,
      expiryMs: options.presenceExpiryMs ?? 30_000,
      send: (state) => {
        if (this.joined)
          this.transport.emit(SYNC_EVENTS.presence, { modelId: this.modelId, state });
        return this.joined;
      },
      onPeers: (peers) => this.emit('presence', peers),
    });
  }

  /** Loads persisted pending ops, then joins as soon as the transport is connected. */
  async start(): Promise<void> {
    const stored = this.store ? await this.store.load(this.modelId) : [];
    for (const { opId, op } of stored) this.pending.push({ opId, op, sent: false });
    if (this.stopped) return;
    this.listen('connect', () => this.join());
    this.listen('disconnect', () => this.onDisconnect());
    this.listen(SYNC_EVENTS.op, (raw) => this.onOp(raw));
    this.listen(SYNC_EVENTS.ops, (raw) => this.onOps(raw));
    this.listen(SYNC_EVENTS.presence, (raw) => this.onPresence(raw));
    this.listen(SYNC_EVENTS.membership, (raw) => this.onMembership(raw));
    this.listen(SYNC_EVENTS.snapshotPage, (raw) => this.onSnapshotPage(raw));
    this.setStatus('offline');
    if (this.pending.length > 0) this.refreshView('resync');
    if (this.transport.connected) this.join();
  }

  /** Leaves the model and stops every timer; the engine cannot be restarted. */
  stop(): void {
    if (this.joined) this.transport.emit(SYNC_EVENTS.leave, { modelId: this.modelId });
    this.stopped = true;
    this.joined = false;
    for (const [event, handler] of this.handlers) this.transport.off?.(event, handler);
    this.scheduler.clearTimeout(this.gapTimer);
    for (const timer of this.retryTimers.values()) this.scheduler.clearTimeout(timer);
    this.presence.stop();
  }

  /** The records the user sees (confirmed + pending). Do not mutate. */
  get records(): ReadonlyMap<string, ModelRecord> {
    return this.view;
  }

  /** The state the server has confirmed, up to `confirmedSeq`. Do not mutate. */
  get confirmedRecords(): ReadonlyMap<string, ModelRecord> {
    return this.confirmed;
  }

  get confirmedSeq(): number {
    return this.seq;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  get status(): SyncStatus {
    return this.currentStatus;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Other clients in the model, by connection id. */
  get peers(): ReadonlyMap<string, Peer> {
    return this.presence.peers;
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof SyncClientEvents>(
    event: K,
    listener: Listener<SyncClientEvents[K]>,
  ): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Shorthand for `on('update', …)`: called with the changed ids after every view change. */
  subscribe(listener: Listener<SyncUpdate>): () => void {
    return this.on('update', listener);
  }

  /**
   * A local edit: validated against the view, applied at once, queued and
   * sent. One call is one undo step. Invalid ops change nothing.
   */
  apply(ops: Op | readonly Op[], options: { undoable?: boolean } = {}): ApplyResult {
    const list = Array.isArray(ops) ? (ops as readonly Op[]) : [ops as Op];
    if (list.length === 0) return { ok: true, opIds: [] };
    const checked: Op[] = [];
    // A single op validates against the view itself; several need a scratch copy to see each other.
    const scratch = list.length > 1 ? new Map(this.view) : this.view;
    for (const [index, op] of list.entries()) {
      const check = validateOp(scratch, op);
      if (!check.ok) return { ok: false, index, error: check.error };
      checked.push(check.op);
      if (list.length > 1) applyOp(scratch, check.op);
    }
    const opIds = this.commitLocal(checked, options.undoable === false ? null : 'local');
    return { ok: true, opIds };
  }

  /** Reverts the user's last own edit that still has an effect; false when there is none. */
  undo(): boolean {
    return this.step(this.undoStack, 'undo');
  }

  /** Re-applies the last undone edit; false when there is none. */
  redo(): boolean {
    return this.step(this.redoStack, 'redo');
  }

  /** Shows the others where this user is and what they do; null hides it. Throttled and re-sent as a heartbeat. */
  setPresence(state: Partial<PresenceState> | null): void {
    this.presence.set(state === null ? null : ZPresenceState.parse(state));
  }

  private step(stack: UndoEntry[], cause: 'undo' | 'redo'): boolean {
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const ops = resolveUndo(entry, this.view);
      if (ops.length > 0) {
        this.commitLocal(ops, cause);
        return true;
      }
    }
    return false;
  }

  /** Applies validated ops to the view, records history, queues, persists and sends them. */
  private commitLocal(ops: Op[], history: 'local' | 'undo' | 'redo' | null): string[] {
    const before = history ? new Map(this.view) : null;
    const changed = new Set<string>();
    for (const op of ops) applyTracked(this.view, op, changed);
    if (before && history) {
      const entry = undoEntryFor(before, ops, this.view, changed);
      const target = history === 'undo' ? this.redoStack : this.undoStack;
      target.push(entry);
      if (target.length > this.maxUndo) target.shift();
      if (history === 'local') this.redoStack = [];
    }
    const entries: PendingEntry[] = ops.map((op) => ({ opId: this.newOpId(), op, sent: false }));
    this.pending.push(...entries);
    this.persist();
    this.send(entries);
    this.emit('update', {
      changed,
      cause: history === 'undo' || history === 'redo' ? history : 'local',
    });
    return entries.map((e) => e.opId);
  }

  private listen(event: string, handler: (payload: unknown) => void): void {
    this.transport.on(event, handler);
    this.handlers.push([event, handler]);
  }

  private join(): void {
    if (this.stopped) return;
    this.joined = false;
    this.setStatus('joining');
    const attempt = ++this.joinAttempt;
    this.snapshotPages = [];
    const message: Join = {
      modelId: this.modelId,
      protocolVersion: PROTOCOL_VERSION,
      batch: true,
      snapshotPages: true,
      ...(this.hasState ? { lastSeq: this.seq } : {}),
    };
    this.transport.emit(SYNC_EVENTS.join, message, (raw) => {
      if (attempt === this.joinAttempt && !this.stopped) this.onJoinAck(raw);
    });
  }

  private onSnapshotPage(raw: unknown): void {
    const page = ZSnapshotPage.safeParse(raw);
    // Pages only belong to a join under way; a malformed one shows as a missing page at the ack.
    if (page.success && page.data.modelId === this.modelId && !this.joined)
      this.snapshotPages.push(page.data.records);
  }

  private onJoinAck(raw: unknown): void {
    const parsed = ZJoinAck.safeParse(raw);
    if (!parsed.success) return this.retryLater('join');
    const ack = parsed.data;
    if (!ack.ok) {
      if (TRANSIENT_ERROR_CODES.has(ack.error.code)) return this.retryLater('join');
      this.setStatus('failed');
      this.emit('fatal', ack.error);
      return;
    }
    if (ack.snapshot) {
      const pages = this.snapshotPages;
      this.snapshotPages = [];
      // A page lost with an earlier connection, or one too many: the snapshot is not whole.
      if ((ack.snapshot.pages ?? 0) !== pages.length) return this.retryLater('join');
      this.confirmed = toRecordMap([...pages.flat(), ...ack.snapshot.records]);
      this.seq = ack.seq;
      for (const [seq] of this.future) if (seq <= this.seq) this.future.delete(seq);
    }
    for (const broadcast of ack.ops ?? [])
      if (broadcast.seq > this.seq) this.future.set(broadcast.seq, broadcast);
    this.hasState = true;
    this.joined = true;
    this.drain('resync', true);
    this.setStatus('synced');
    for (const entry of this.pending) entry.sent = false;
    this.send(this.pending);
    this.presence.resend();
  }

  private onDisconnect(): void {
    this.joined = false;
    this.joinAttempt += 1;
    for (const entry of this.pending) entry.sent = false;
    this.presence.clearPeers();
    if (!this.stopped && this.currentStatus !== 'failed') this.setStatus('offline');
  }

  private onOp(raw: unknown): void {
    const parsed = ZOpBroadcast.safeParse(raw);
    if (!parsed.success || parsed.data.modelId !== this.modelId) return;
    this.receive([parsed.data]);
  }

  private onOps(raw: unknown): void {
    const parsed = ZOpsBroadcast.safeParse(raw);
    if (!parsed.success || parsed.data.modelId !== this.modelId) return;
    this.receive(parsed.data.ops.filter((b) => b.modelId === this.modelId));
  }

  private receive(broadcasts: OpBroadcast[]): void {
    for (const b of broadcasts) if (b.seq > this.seq) this.future.set(b.seq, b);
    if (this.joined) this.drain('remote', false);
  }

  /**
   * Applies buffered broadcasts in seq order as far as they are contiguous,
   * retires the pending ops they confirm, and updates the view: directly when
   * nothing is pending, by replay otherwise.
   */
  private drain(cause: UpdateCause, forceReplay: boolean): void {
    const changed = new Set<string>();
    const pendingBefore = this.pending.length;
    let replay = forceReplay;
    for (let next = this.future.get(this.seq + 1); next; next = this.future.get(this.seq + 1)) {
      this.future.delete(next.seq);
      applyOp(this.confirmed, next.op);
      this.seq = next.seq;
      const mine = this.pending.findIndex((e) => e.opId === next.opId);
      if (mine >= 0) {
        this.pending.splice(mine, 1);
        replay = true;
      }
      if (!replay && this.pending.length === 0) applyTracked(this.view, next.op, changed);
      else replay = true;
    }
    this.pending = this.pending.filter((e) => e.seq === undefined || e.seq > this.seq);
    const pendingChanged = this.pending.length !== pendingBefore;
    if (pendingChanged) replay = true;
    if (replay) {
      this.view = replayView(
        this.confirmed,
        this.pending.map((e) => e.op),
        this.view,
        changed,
      );
      this.persist();
    }
    this.watchGap();
    // Also when only the pending count moved (an own op confirmed unchanged): the UI shows it.
    if (changed.size > 0 || pendingChanged) this.emit('update', { changed, cause });
  }

  /** A hole in the seq stream that outlives gapTimeoutMs means a lost broadcast: re-join to catch up. */
  private watchGap(): void {
    if (this.future.size === 0) {
      this.scheduler.clearTimeout(this.gapTimer);
      this.gapTimer = null;
      return;
    }
    if (this.gapTimer !== null) return;
    this.gapTimer = this.scheduler.setTimeout(() => {
      this.gapTimer = null;
      if (this.future.size > 0 && this.joined) this.join();
    }, this.gapTimeoutMs);
  }

  private send(entries: readonly PendingEntry[]): void {
    if (!this.joined) return;
    const due = entries.filter((e) => !e.sent && e.seq === undefined);
    for (let i = 0; i < due.length; i += MAX_BATCH_OPS) {
      const chunk = due.slice(i, i + MAX_BATCH_OPS);
      for (const e of chunk) e.sent = true;
      if (chunk.length === 1) {
        const [entry] = chunk as [PendingEntry];
        this.transport.emit(
          SYNC_EVENTS.submit,
          { modelId: this.modelId, opId: entry.opId, op: entry.op },
          (raw) => {
            const result = ZSubmitResult.safeParse(raw);
            this.onResult(entry, result.success ? result.data : malformedAnswer);
          },
        );
      } else {
        const ops = chunk.map(({ opId, op }) => ({ opId, op }));
        this.transport.emit(SYNC_EVENTS.submitBatch, { modelId: this.modelId, ops }, (raw) => {
          const ack = ZSubmitBatchAck.safeParse(raw);
          chunk.forEach((entry, i) => {
            if (!ack.success) this.onResult(entry, malformedAnswer);
            else
              this.onResult(
                entry,
                ack.data.ok ? (ack.data.results[i] ?? malformedAnswer) : ack.data,
              );
          });
        });
      }
    }
  }

  private onResult(entry: PendingEntry, result: SubmitResult): void {
    if (this.stopped || !this.pending.includes(entry)) return;
    if (result.ok) {
      entry.seq = result.seq;
      if (result.seq <= this.seq) this.drain('remote', false);
      return;
    }
    entry.sent = false;
    const { code } = result.error;
    if (code === 'not_joined') return this.retryLater('join');
    if (TRANSIENT_ERROR_CODES.has(code)) return this.retryLater('send');
    if (code === 'version_mismatch') {
      this.setStatus('failed');
      this.emit('fatal', result.error);
      return;
    }
    this.pending.splice(this.pending.indexOf(entry), 1);
    const changed = new Set<string>();
    this.view = replayView(
      this.confirmed,
      this.pending.map((e) => e.op),
      this.view,
      changed,
    );
    this.persist();
    this.emit('rejected', { opId: entry.opId, op: entry.op, error: result.error });
    this.emit('update', { changed, cause: 'rejected' });
  }

  private onPresence(raw: unknown): void {
    const parsed = ZPresenceBroadcast.safeParse(raw);
    if (parsed.success && parsed.data.modelId === this.modelId) this.presence.receive(parsed.data);
  }

  /** SYNC-AUTH-5: the server took this socket out of the model (removed member, deleted model) or changed the role. */
  private onMembership(raw: unknown): void {
    const parsed = ZMembershipChange.safeParse(raw);
    if (!parsed.success || parsed.data.modelId !== this.modelId || this.stopped) return;
    const { role } = parsed.data;
    if (role) return this.emit('role', role);
    this.joined = false;
    this.joinAttempt += 1;
    this.presence.clearPeers();
    this.setStatus('failed');
    this.emit('fatal', { code: 'not_found', message: 'you no longer have access to this model' });
  }

  private retryLater(kind: 'join' | 'send'): void {
    if (this.retryTimers.has(kind) || this.stopped) return;
    const timer = this.scheduler.setTimeout(() => {
      this.retryTimers.delete(kind);
      if (this.stopped) return;
      if (kind === 'join') this.join();
      else this.send(this.pending);
    }, this.retryMs);
    this.retryTimers.set(kind, timer);
  }

  private refreshView(cause: UpdateCause): void {
    const changed = new Set<string>();
    this.view = replayView(
      this.confirmed,
      this.pending.map((e) => e.op),
      this.view,
      changed,
    );
    if (changed.size > 0) this.emit('update', { changed, cause });
  }

  /** Saves the pending list; saves are chained so the store sees them in order. */
  private persist(): void {
    const store = this.store;
    if (!store) return;
    const snapshot = this.pending.map(({ opId, op }) => ({ opId, op }));
    this.saving = this.saving.then(() => store.save(this.modelId, snapshot)).catch(() => undefined);
  }

  /** Resolves when every pending-list save issued so far has finished (tests, page unload). */
  flush(): Promise<void> {
    return this.saving;
  }

  private setStatus(status: SyncStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.emit('status', status);
  }

  private emit<K extends keyof SyncClientEvents>(event: K, value: SyncClientEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as Listener<SyncClientEvents[K]>)(value);
  }
}

const malformedAnswer: SubmitResult = {
  ok: false,
  error: { code: 'internal', message: 'malformed answer from the server' },
};
