import {
  hasTooLongText,
  protocolRefusal,
  submitResultOf,
  SYNC_EVENTS,
  ZJoin,
  ZLeave,
  ZPresenceUpdate,
  ZSubmit,
  ZSubmitBatch,
  syncFailure,
  zodIssues,
  type OpBroadcast,
  type OpsBroadcast,
  type PresenceBroadcast,
  type SubmitResult,
  type SyncErrorCode,
} from '@threatloom/core';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { credentialStillValid } from '../auth/check-credential';
import type { Db } from '../db/open-database';
import { AppError } from '../services/app-error';
import { requireRole } from '../services/models/require-role';
import type { OpResult, SubmittedOp } from '../services/ops/commit-ops';
import type { SocketData } from './authenticate-socket';
import type { GroupCommitter } from './group-committer';
import { loadCatchUp } from './load-catch-up';
import { TokenBucket } from './rate-limiter';
import { sendSnapshotPages } from './send-snapshot-pages';
import type { SocketRegistry, UserLimits } from './socket-registry';
import { syncCodeOf } from './sync-error-code';

export interface RealtimeLimits extends UserLimits {
  /** Ops a socket may submit in a burst, and refill per second. */
  burstOps: number;
  opsPerSecond: number;
  /**
   * At most one presence update per socket and model is relayed per interval
   * (about 30 Hz), `state: null` included; within it the latest one waits
   * for the interval's end (nothing else is queued).
   */
  presenceIntervalMs: number;
  /** A client's presence is cleared for the room after this long without an update (clients heartbeat every 10 s). */
  presenceExpiryMs: number;
  /** Catch-up longer than this many ops is a snapshot instead. */
  snapshotAfter: number;
  /**
   * How long a socket's credential check may be reused by `submit` and
   * `presence` (`join` always checks afresh). Revocations reach sockets at
   * once through access changes; this bounds the rest (a lost message).
   */
  credentialCacheMs: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  burstOps: 600,
  opsPerSecond: 200,
  maxSocketsPerUser: 20,
  userBurstOps: 1000,
  userOpsPerSecond: 300,
  credentialCacheMs: 1000,
  presenceIntervalMs: 30,
  presenceExpiryMs: 30_000,
  snapshotAfter: 1000,
};

export interface SessionContext {
  io: Server;
  db: Db;
  logger: Logger | undefined;
  committer: GroupCommitter;
  limits: RealtimeLimits;
  registry: SocketRegistry;
}

type Ack = (response: unknown) => void;

/** Token-bucket cost of one `join`. */
const JOIN_COST = 20;

/** socket.io room of a model: everyone who joined it (presence). */
export const roomOf = (modelId: string) => `model:${modelId}`;
/** Sub-rooms by how committed ops are delivered: one `op` message each, or one `ops` message per transaction. */
export const opRoomOf = (modelId: string) => `model:${modelId}:op`;
export const batchRoomOf = (modelId: string) => `model:${modelId}:ops`;

/** Announces a transaction's committed ops to the model's room (acks were sent before). */
export function broadcastCommitted(io: Server, modelId: string, results: OpResult[]): void {
  const ops: OpBroadcast[] = [];
  for (const r of results)
    if (r.ok && !r.duplicate)
      ops.push({ modelId, seq: r.seq, opId: r.opId, actor: r.actor, op: r.op });
  if (ops.length === 0) return;
  for (const b of ops) io.to(opRoomOf(modelId)).emit(SYNC_EVENTS.op, b);
  io.to(batchRoomOf(modelId)).emit(SYNC_EVENTS.ops, { modelId, ops } satisfies OpsBroadcast);
}

/** The client may emit without an ack callback, or pass anything as the last argument: never call a non-function. */
const ackOf = (ack: unknown): Ack => (typeof ack === 'function' ? (ack as Ack) : () => {});

function parse<T extends z.ZodType>(
  schema: T,
  payload: unknown,
  what: string,
): { ok: true; data: z.infer<T> } | ReturnType<typeof syncFailure> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = zodIssues(parsed.error).slice(0, 20);
  // An op with text longer than its field is refused as it would be by the commit (model/limits.ts).
  return hasTooLongText(parsed.error)
    ? syncFailure('text_too_long', `a text field in the ${what} is longer than it may be`, issues)
    : syncFailure('invalid_message', `malformed ${what}`, issues);
}

/** setTimeout's longest delay; a session expiring later is re-checked then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Wires one authenticated socket: join (credential and membership checked
 * afresh, catch-up), submit and submitBatch (credential re-checked, rate
 * limits per socket and per user, group commit through commitOps, ack after
 * commit, then broadcast to the room), presence (throttled, volatile) and
 * leave. Access changes act on it through `data.control`; a session's expiry
 * ends it. Every payload is parsed; nothing a client sends can throw out of
 * a handler.
 */
export function handleSocket(ctx: SessionContext, socket: Socket): void {
  const data = socket.data as SocketData;
  const user = data.user;
  const bucket = new TokenBucket(ctx.limits.burstOps, ctx.limits.opsPerSecond);
  const lastPresence = new Map<string, number>();
  /** A presence update that arrived within the interval, sent at its end (latest wins). */
  const trailing = new Map<string, { state: PresenceBroadcast['state']; timer: NodeJS.Timeout }>();
  const expiry = new Map<string, NodeJS.Timeout>();
  /** Bumped by every membership change of a model, so a join racing a removal notices it. */
  const accessEpoch = new Map<string, number>();
  let credentialCheckedAt = Date.now();
  let ended = false;
  let sessionTimer: NodeJS.Timeout | undefined;

  const clearPresence = (modelId: string) => {
    clearTimeout(expiry.get(modelId));
    expiry.delete(modelId);
    clearTimeout(trailing.get(modelId)?.timer);
    trailing.delete(modelId);
    lastPresence.delete(modelId);
  };

  const presenceOf = (modelId: string, state: PresenceBroadcast['state']): PresenceBroadcast => ({
    modelId,
    clientId: socket.id,
    user: { id: user.id, name: user.name },
    state,
  });

  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(sessionTimer);
    socket.disconnect(true);
  };

  let checking: Promise<boolean> | undefined;
  /**
   * Whether the handshake's token or session still holds, asking the database
   * when the last answer is older than `maxAgeMs` (0: always); ends the
   * socket when not. Callers share one check in flight, so ops submitted in
   * order still reach the committer in order.
   */
  const credentialHolds = (maxAgeMs: number): Promise<boolean> => {
    if (ended) return Promise.resolve(false);
    if (checking) return checking;
    if (maxAgeMs > 0 && Date.now() - credentialCheckedAt < maxAgeMs) return Promise.resolve(true);
    const startedAt = Date.now();
    checking = credentialStillValid({ db: ctx.db, auth: data.auth })
      .then((valid) => {
        if (!valid) end();
        else credentialCheckedAt = startedAt;
        return valid && !ended;
      })
      .finally(() => {
        checking = undefined;
      });
    return checking;
  };

  // A session ends by itself at its expiry: end the socket then too.
  const watchSession = () => {
    const expiresAt = data.auth.expiresAt;
    if (!expiresAt || ended) return;
    sessionTimer = setTimeout(
      () => void credentialHolds(0).then((ok) => ok && watchSession()),
      Math.min(Math.max(0, expiresAt.getTime() - Date.now()), MAX_TIMER_MS),
    );
    sessionTimer.unref();
  };
  watchSession();

  const leaveModel = async (modelId: string) => {
    if (!data.models.delete(modelId)) return;
    clearPresence(modelId);
    for (const room of [roomOf(modelId), opRoomOf(modelId), batchRoomOf(modelId)])
      await socket.leave(room);
    socket.to(roomOf(modelId)).emit(SYNC_EVENTS.presence, presenceOf(modelId, null));
  };

  data.control = {
    dropModel: async (modelId) => {
      accessEpoch.set(modelId, (accessEpoch.get(modelId) ?? 0) + 1);
      await leaveModel(modelId);
    },
    end,
  };

  const guard = (name: string, handler: (payload: unknown, reply: Ack) => Promise<void> | void) => {
    socket.on(name, async (payload: unknown, ack: unknown) => {
      const reply = ackOf(ack);
      try {
        await handler(payload, reply);
      } catch (err) {
        ctx.logger?.error({ err, event: name }, 'realtime handler failed');
        reply(syncFailure('internal', 'internal server error'));
      }
    });
  };

  /** Takes `n` from this socket's bucket and the user's shared one, or from neither. */
  const takeOps = (n: number) => {
    const shared = ctx.registry.bucketOf(user.id);
    return TokenBucket.takeAll(shared ? [bucket, shared] : [bucket], n);
  };

  /** The user's current role on the model, or a refusal: not a member, or the credential is gone. */
  const checkMember = async (modelId: string) => {
    if (!(await credentialHolds(0)))
      return syncFailure('unauthorized', 'your sign-in ended; sign in again');
    try {
      await requireRole({ db: ctx.db, modelId, userId: user.id, min: 'viewer' });
    } catch (err) {
      if (err instanceof AppError) return syncFailure(syncCodeOf(err.code), err.message);
      throw err;
    }
    return undefined;
  };

  guard(SYNC_EVENTS.join, async (payload, reply) => {
    const mismatch = protocolRefusal(payload);
    if (mismatch) return reply(mismatch);
    const msg = parse(ZJoin, payload, 'join');
    if (!msg.ok) return reply(msg);
    const { modelId, lastSeq, batch, snapshotPages } = msg.data;
    // A join reads the model (a snapshot can be large): it costs as much as JOIN_COST ops.
    if (!takeOps(JOIN_COST))
      return reply(syncFailure('rate_limited', 'too many joins; slow down and retry'));
    const epoch = accessEpoch.get(modelId) ?? 0;
    const refused = await checkMember(modelId);
    if (refused) return reply(refused);
    // Join the room before reading the catch-up: an op committed in between arrives twice (the client drops the copy), never zero times.
    await socket.join([roomOf(modelId), batch ? batchRoomOf(modelId) : opRoomOf(modelId)]);
    await socket.leave(batch ? opRoomOf(modelId) : batchRoomOf(modelId));
    data.models.add(modelId);
    // Removed while this join was under way: the removal found nothing to take away, so check again.
    if ((accessEpoch.get(modelId) ?? 0) !== epoch) {
      const again = await checkMember(modelId);
      if (again) {
        await leaveModel(modelId);
        return reply(again);
      }
    }
    const catchUp = await loadCatchUp({
      db: ctx.db,
      modelId,
      lastSeq,
      snapshotAfter: ctx.limits.snapshotAfter,
    });
    if (snapshotPages && catchUp.snapshot) {
      const { pages, rest } = await sendSnapshotPages(socket, modelId, catchUp.snapshot.records);
      return reply({
        ok: true,
        seq: catchUp.seq,
        snapshot: pages > 0 ? { records: rest, pages } : { records: rest },
      });
    }
    reply({ ok: true, ...catchUp });
  });

  const submit = async (
    modelId: string,
    ops: SubmittedOp[],
    answer: (
      results: SubmitResult[] | { ok: false; error: { code: SyncErrorCode; message: string } },
    ) => void,
  ) => {
    if (!data.models.has(modelId)) return answer(syncFailure('not_joined', 'join the model first'));
    if (!takeOps(ops.length))
      return answer(syncFailure('rate_limited', 'too many ops; slow down and retry'));
    if (!(await credentialHolds(ctx.limits.credentialCacheMs)))
      return answer(syncFailure('unauthorized', 'your sign-in ended; sign in again'));
    ctx.committer.submit(modelId, ops, (outcome) => {
      if (outcome instanceof Error) {
        if (outcome instanceof AppError && syncCodeOf(outcome.code) !== 'internal')
          return answer(syncFailure(syncCodeOf(outcome.code), outcome.message));
        ctx.logger?.error({ err: outcome, modelId }, 'commit failed');
        return answer(syncFailure('internal', 'the edit could not be saved; it will be retried'));
      }
      // The ack; the committer then broadcasts the whole transaction (broadcastCommitted).
      answer(outcome.map(submitResultOf));
    });
  };

  guard(SYNC_EVENTS.submit, async (payload, reply) => {
    const msg = parse(ZSubmit, payload, 'submit');
    if (!msg.ok) return reply(msg);
    const { modelId, opId, op } = msg.data;
    await submit(modelId, [{ opId, op, actor: user.id }], (answer) =>
      reply(Array.isArray(answer) ? answer[0] : answer),
    );
  });

  guard(SYNC_EVENTS.submitBatch, async (payload, reply) => {
    const msg = parse(ZSubmitBatch, payload, 'submitBatch');
    if (!msg.ok) return reply(msg);
    const { modelId, ops } = msg.data;
    await submit(
      modelId,
      ops.map(({ opId, op }) => ({ opId, op, actor: user.id })),
      (answer) => reply(Array.isArray(answer) ? { ok: true, results: answer } : answer),
    );
  });

  const relayPresence = (modelId: string, state: PresenceBroadcast['state']) => {
    lastPresence.set(modelId, Date.now());
    socket.to(roomOf(modelId)).volatile.emit(SYNC_EVENTS.presence, presenceOf(modelId, state));
    clearTimeout(expiry.get(modelId));
    if (state === null) expiry.delete(modelId);
    else {
      // A client that goes silent (a frozen tab) disappears for the others.
      const timer = setTimeout(() => {
        clearPresence(modelId);
        socket.to(roomOf(modelId)).emit(SYNC_EVENTS.presence, presenceOf(modelId, null));
      }, ctx.limits.presenceExpiryMs);
      timer.unref();
      expiry.set(modelId, timer);
    }
  };

  guard(SYNC_EVENTS.presence, async (payload) => {
    const msg = ZPresenceUpdate.safeParse(payload);
    if (!msg.success || !data.models.has(msg.data.modelId)) return;
    if (!(await credentialHolds(ctx.limits.credentialCacheMs))) return;
    const { modelId, state } = msg.data;
    if (!data.models.has(modelId)) return;
    const wait =
      (lastPresence.get(modelId) ?? -Infinity) + ctx.limits.presenceIntervalMs - Date.now();
    if (wait <= 0) return relayPresence(modelId, state);
    // Over the rate (hiding included), the latest update waits for the interval's end; the rest are dropped, since presence is latest-wins.
    const pending = trailing.get(modelId);
    if (pending) pending.state = state;
    else {
      const timer = setTimeout(() => {
        const latest = trailing.get(modelId);
        trailing.delete(modelId);
        if (latest && data.models.has(modelId)) relayPresence(modelId, latest.state);
      }, wait);
      timer.unref();
      trailing.set(modelId, { state, timer });
    }
  });

  guard(SYNC_EVENTS.leave, async (payload, reply) => {
    const msg = parse(ZLeave, payload, 'leave');
    if (!msg.ok) return reply(msg);
    await leaveModel(msg.data.modelId);
    reply({ ok: true });
  });

  socket.on('disconnect', () => {
    ended = true;
    clearTimeout(sessionTimer);
    for (const modelId of [...expiry.keys(), ...trailing.keys()]) clearPresence(modelId);
    for (const modelId of data.models)
      ctx.io.to(roomOf(modelId)).emit(SYNC_EVENTS.presence, presenceOf(modelId, null));
    data.models.clear();
  });
}
