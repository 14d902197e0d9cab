import {
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
import type { Db } from '../db/open-database';
import { AppError } from '../services/app-error';
import { requireRole } from '../services/models/require-role';
import type { OpResult, SubmittedOp } from '../services/ops/commit-ops';
import type { SocketData } from './authenticate-socket';
import type { GroupCommitter } from './group-committer';
import { loadCatchUp } from './load-catch-up';
import { TokenBucket } from './rate-limiter';
import { syncCodeOf } from './sync-error-code';

export interface RealtimeLimits {
  /** Ops a socket may submit in a burst, and refill per second. */
  burstOps: number;
  opsPerSecond: number;
  /** Presence updates closer together than this are dropped (about 30 Hz). */
  presenceIntervalMs: number;
  /** A client's presence is cleared for the room after this long without an update (clients heartbeat every 10 s). */
  presenceExpiryMs: number;
  /** Catch-up longer than this many ops is a snapshot instead. */
  snapshotAfter: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  burstOps: 600,
  opsPerSecond: 200,
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
  return parsed.success
    ? { ok: true, data: parsed.data }
    : syncFailure('invalid_message', `malformed ${what}`, zodIssues(parsed.error).slice(0, 20));
}

/**
 * Wires one authenticated socket: join (membership, catch-up), submit and
 * submitBatch (rate limit, group commit through commitOps, ack after commit,
 * then broadcast to the room), presence (throttled, volatile) and leave.
 * Every payload is parsed; nothing a client sends can throw out of a handler.
 */
export function handleSocket(ctx: SessionContext, socket: Socket): void {
  const data = socket.data as SocketData;
  const user = data.user;
  const bucket = new TokenBucket(ctx.limits.burstOps, ctx.limits.opsPerSecond);
  const lastPresence = new Map<string, number>();
  const expiry = new Map<string, NodeJS.Timeout>();
  const clearPresence = (modelId: string) => {
    clearTimeout(expiry.get(modelId));
    expiry.delete(modelId);
    lastPresence.delete(modelId);
  };

  const presenceOf = (modelId: string, state: PresenceBroadcast['state']): PresenceBroadcast => ({
    modelId,
    clientId: socket.id,
    user: { id: user.id, name: user.name },
    state,
  });

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

  guard(SYNC_EVENTS.join, async (payload, reply) => {
    const refused = protocolRefusal(payload);
    if (refused) return reply(refused);
    const msg = parse(ZJoin, payload, 'join');
    if (!msg.ok) return reply(msg);
    const { modelId, lastSeq, batch } = msg.data;
    // A join reads the model (a snapshot can be large): it costs as much as JOIN_COST ops.
    if (!bucket.take(JOIN_COST))
      return reply(syncFailure('rate_limited', 'too many joins; slow down and retry'));
    try {
      await requireRole({ db: ctx.db, modelId, userId: user.id, min: 'viewer' });
    } catch (err) {
      if (err instanceof AppError) return reply(syncFailure(syncCodeOf(err.code), err.message));
      throw err;
    }
    // Join the room before reading the catch-up: an op committed in between arrives twice (the client drops the copy), never zero times.
    await socket.join([roomOf(modelId), batch ? batchRoomOf(modelId) : opRoomOf(modelId)]);
    await socket.leave(batch ? opRoomOf(modelId) : batchRoomOf(modelId));
    data.models.add(modelId);
    const catchUp = await loadCatchUp({
      db: ctx.db,
      modelId,
      lastSeq,
      snapshotAfter: ctx.limits.snapshotAfter,
    });
    reply({ ok: true, ...catchUp });
  });

  const submit = (
    modelId: string,
    ops: SubmittedOp[],
    answer: (
      results: SubmitResult[] | { ok: false; error: { code: SyncErrorCode; message: string } },
    ) => void,
  ) => {
    if (!data.models.has(modelId)) return answer(syncFailure('not_joined', 'join the model first'));
    if (!bucket.take(ops.length))
      return answer(syncFailure('rate_limited', 'too many ops; slow down and retry'));
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

  guard(SYNC_EVENTS.submit, (payload, reply) => {
    const msg = parse(ZSubmit, payload, 'submit');
    if (!msg.ok) return reply(msg);
    const { modelId, opId, op } = msg.data;
    submit(modelId, [{ opId, op, actor: user.id }], (answer) =>
      reply(Array.isArray(answer) ? answer[0] : answer),
    );
  });

  guard(SYNC_EVENTS.submitBatch, (payload, reply) => {
    const msg = parse(ZSubmitBatch, payload, 'submitBatch');
    if (!msg.ok) return reply(msg);
    const { modelId, ops } = msg.data;
    submit(
      modelId,
      ops.map(({ opId, op }) => ({ opId, op, actor: user.id })),
      (answer) => reply(Array.isArray(answer) ? { ok: true, results: answer } : answer),
    );
  });

  guard(SYNC_EVENTS.presence, (payload) => {
    const msg = ZPresenceUpdate.safeParse(payload);
    if (!msg.success || !data.models.has(msg.data.modelId)) return;
    const { modelId, state } = msg.data;
    const now = Date.now();
    // Over the rate, updates are dropped rather than queued: presence is latest-wins anyway.
    if (
      state !== null &&
      now - (lastPresence.get(modelId) ?? -Infinity) < ctx.limits.presenceIntervalMs
    )
      return;
    lastPresence.set(modelId, now);
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
  });

  guard(SYNC_EVENTS.leave, async (payload, reply) => {
    const msg = parse(ZLeave, payload, 'leave');
    if (!msg.ok) return reply(msg);
    const { modelId } = msg.data;
    if (data.models.delete(modelId)) {
      clearPresence(modelId);
      for (const room of [roomOf(modelId), opRoomOf(modelId), batchRoomOf(modelId)])
        await socket.leave(room);
      socket.to(roomOf(modelId)).emit(SYNC_EVENTS.presence, presenceOf(modelId, null));
    }
    reply({ ok: true });
  });

  socket.on('disconnect', () => {
    for (const modelId of expiry.keys()) clearPresence(modelId);
    for (const modelId of data.models)
      ctx.io.to(roomOf(modelId)).emit(SYNC_EVENTS.presence, presenceOf(modelId, null));
    data.models.clear();
  });
}
