import { z } from 'zod';
import { ZRole } from '../model/keys';
import { ZId, ZModelRecord, ZPoint } from '../model/records';
import { ZOp } from '../ops/ops';

/**
 * The real-time wire protocol, shared by the browser, the server and tests.
 * Every message crossing the socket has a schema here; both ends parse what
 * they receive. Bump PROTOCOL_VERSION on any incompatible change: a client of
 * another version is answered `version_mismatch` and must reload.
 */
export const PROTOCOL_VERSION = 1;

/** Socket.io event names (the wire contract: extend, never rename). */
export const SYNC_EVENTS = {
  join: 'join',
  leave: 'leave',
  submit: 'submit',
  submitBatch: 'submitBatch',
  op: 'op',
  ops: 'ops',
  presence: 'presence',
  membership: 'membership',
  snapshotPage: 'snapshotPage',
} as const;

/** Most ops one `submitBatch` may carry. */
export const MAX_BATCH_OPS = 500;

/**
 * Why a message was refused. Op-level codes (`invalid_op`, `not_found`,
 * `type_mismatch`, `invariant`, `immutable_field`, `forbidden`,
 * `model_too_large`, `text_too_long`) match core's `OpErrorCode`; the rest
 * are about the session.
 */
export const SYNC_ERROR_CODES = [
  'version_mismatch',
  'unauthorized',
  'not_found',
  'forbidden',
  'invalid_message',
  'invalid_op',
  'type_mismatch',
  'invariant',
  'immutable_field',
  'model_too_large',
  'text_too_long',
  'not_joined',
  'rate_limited',
  'internal',
] as const;
export const ZSyncErrorCode = z.enum(SYNC_ERROR_CODES);
export type SyncErrorCode = z.infer<typeof ZSyncErrorCode>;

export const ZSyncError = z
  .object({
    code: ZSyncErrorCode,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .strict();
export type SyncError = z.infer<typeof ZSyncError>;

/** Error codes after which re-sending the same op later may succeed; every other refusal is final. */
export const TRANSIENT_ERROR_CODES: ReadonlySet<SyncErrorCode> = new Set([
  'rate_limited',
  'internal',
  'not_joined',
]);

const ZSeq = z.number().int().min(0);
const ZOpId = ZId;

/** A committed op as the server broadcasts it, and as catch-up replays it. */
export const ZOpBroadcast = z
  .object({
    modelId: ZId,
    seq: ZSeq.min(1),
    opId: ZOpId,
    /** Id of the user who made the edit. */
    actor: z.string().max(200),
    op: ZOp,
  })
  .strict();
export type OpBroadcast = z.infer<typeof ZOpBroadcast>;

/** server → room `ops`: the ops one transaction committed, in seq order (clients that joined with `batch: true`). */
export const ZOpsBroadcast = z.object({ modelId: ZId, ops: z.array(ZOpBroadcast).min(1) }).strict();
export type OpsBroadcast = z.infer<typeof ZOpsBroadcast>;

/** client → server `join`: subscribe to a model, catching up from `lastSeq` when given. */
export const ZJoin = z
  .object({
    modelId: ZId,
    lastSeq: ZSeq.optional(),
    /** The client's `PROTOCOL_VERSION`; a join without it is version 1. */
    protocolVersion: z.number().int().optional(),
    /**
     * Receive committed ops as `ops` batches (one message per transaction)
     * instead of one `op` message each: far fewer frames under load.
     */
    batch: z.boolean().optional(),
    /**
     * Receive a large snapshot as `snapshotPage` messages followed by the ack,
     * instead of all in the ack: the server serialises it page by page and
     * stays responsive meanwhile. Clients that leave it out get one ack.
     */
    snapshotPages: z.boolean().optional(),
  })
  .strict();
export type Join = z.infer<typeof ZJoin>;

/**
 * server → client `snapshotPage`: part of the snapshot of a join that asked
 * for `snapshotPages`. Pages arrive in order before that join's ack, whose
 * `snapshot.pages` says how many came; their records come before the ack's.
 */
export const ZSnapshotPage = z.object({ modelId: ZId, records: z.array(ZModelRecord) }).strict();
export type SnapshotPage = z.infer<typeof ZSnapshotPage>;

const ZFail = z.object({ ok: z.literal(false), error: ZSyncError }).strict();

/**
 * Answer to `join`: the model's current `seq`, and either a full `snapshot`
 * (no lastSeq given, or too far behind) or the `ops` after lastSeq.
 */
export const ZJoinAck = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      seq: ZSeq,
      snapshot: z
        .object({
          records: z.array(ZModelRecord),
          /** `snapshotPage` messages sent before this ack (absent: none). */
          pages: z.number().int().nonnegative().optional(),
        })
        .strict()
        .optional(),
      ops: z.array(ZOpBroadcast).optional(),
    })
    .strict(),
  ZFail,
]);
export type JoinAck = z.infer<typeof ZJoinAck>;

/** One op with the client-generated id that makes re-sending it safe. */
export const ZSubmittedOp = z.object({ opId: ZOpId, op: ZOp }).strict();
export type SubmittedOp = z.infer<typeof ZSubmittedOp>;

/** client → server `submit`. */
export const ZSubmit = z.object({ modelId: ZId, opId: ZOpId, op: ZOp }).strict();
export type Submit = z.infer<typeof ZSubmit>;

/** client → server `submitBatch`: ops committed in order, each with its own result. */
export const ZSubmitBatch = z
  .object({ modelId: ZId, ops: z.array(ZSubmittedOp).min(1).max(MAX_BATCH_OPS) })
  .strict();
export type SubmitBatch = z.infer<typeof ZSubmitBatch>;

/** Outcome of one submitted op: its seq once committed, or why it was refused (nothing changed). */
export const ZSubmitResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), seq: ZSeq.min(1) }).strict(),
  ZFail,
]);
export type SubmitResult = z.infer<typeof ZSubmitResult>;

/** Answer to `submit`. */
export const ZSubmitAck = ZSubmitResult;
export type SubmitAck = SubmitResult;

/** Answer to `submitBatch`: one result per op, in order, or a refusal of the whole batch. */
export const ZSubmitBatchAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), results: z.array(ZSubmitResult) }).strict(),
  ZFail,
]);
export type SubmitBatchAck = z.infer<typeof ZSubmitBatchAck>;

/** client → server `leave`. */
export const ZLeave = z.object({ modelId: ZId }).strict();
export type Leave = z.infer<typeof ZLeave>;

/**
 * What one client shows the others, never persisted: pointer, selection, the
 * field being edited, live drag positions (committed as ops on drag end).
 */
export const ZPresenceState = z
  .object({
    diagramId: ZId.nullable().default(null),
    cursor: ZPoint.nullable().default(null),
    selection: z.array(ZId).max(500).default([]),
    editing: z
      .object({ id: ZId, field: z.string().max(100) })
      .strict()
      .nullable()
      .default(null),
    drag: z
      .array(z.object({ id: ZId, x: z.number().finite(), y: z.number().finite() }).strict())
      .max(200)
      .default([]),
  })
  .strict();
export type PresenceState = z.infer<typeof ZPresenceState>;

/** client → server `presence`. */
export const ZPresenceUpdate = z
  .object({ modelId: ZId, state: ZPresenceState.nullable() })
  .strict();
export type PresenceUpdate = z.infer<typeof ZPresenceUpdate>;

/** server → room `presence`: one client's state, `null` when it left, disconnected or went silent. */
export const ZPresenceBroadcast = z
  .object({
    modelId: ZId,
    /** One connection (a user may have several tabs). */
    clientId: z.string().max(200),
    user: z.object({ id: z.string().max(200), name: z.string().max(500) }).strict(),
    state: ZPresenceState.nullable(),
  })
  .strict();
export type PresenceBroadcast = z.infer<typeof ZPresenceBroadcast>;

/**
 * server → every socket of one user `membership`: the user's role on a model
 * changed (shared, role changed, accepted invitation) or ended (`role: null`:
 * removed, left, model deleted). A socket joined to that model has already
 * left its room when `role` is null; dashboards refresh their model list.
 */
export const ZMembershipChange = z.object({ modelId: ZId, role: ZRole.nullable() }).strict();
export type MembershipChange = z.infer<typeof ZMembershipChange>;

/** Builds a refusal. */
export function syncFailure(
  code: SyncErrorCode,
  message: string,
  issues?: SyncError['issues'],
): { ok: false; error: SyncError } {
  return {
    ok: false,
    error: issues && issues.length > 0 ? { code, message, issues } : { code, message },
  };
}
