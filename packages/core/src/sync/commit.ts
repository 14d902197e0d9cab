import type { Role } from '../model/keys';
import type { ModelRecord } from '../model/records';
import { cascadeOf } from '../model/integrity';
import {
  DEFAULT_MODEL_LIMITS,
  ELEMENT_KIND_SET,
  modelTooLargeMessage,
  type ModelLimits,
} from '../model/limits';
import { applyOp } from '../ops/apply';
import type { Op, RecordMap } from '../ops/ops';
import { validateOp, type OpError } from '../ops/validate';
import { authorizeOp } from './authorize';
import { stampOp, type WriteOrigin } from './stamp';
import { PROTOCOL_VERSION, syncFailure, type SubmitResult, type SyncError } from './protocol';

/** Longest opId a client may send. */
export const MAX_OP_ID = 200;

/** One submitted op with the user it is submitted for. */
export interface CommitCandidate {
  /** Untrusted: checked here. */
  opId: unknown;
  /** Untrusted: validated against the state here. */
  op: unknown;
  actor: string;
}

/** What happened to one submitted op. */
export type CommitDecision =
  | {
      ok: true;
      opId: string;
      seq: number;
      op: Op;
      actor: string;
      /** The opId was committed before: its original seq, op and actor; nothing changed. */
      duplicate: boolean;
      /** The record after a put or patch (not for duplicates). */
      record?: ModelRecord;
    }
  | { ok: false; opId: string; error: OpError };

/** An op committed earlier, found by its opId. */
export interface PriorCommit {
  seq: number;
  op: Op;
  actor: string;
}

export interface DecideCommitOptions {
  /** The model's records; accepted ops are applied to it in place. */
  state: RecordMap;
  /** The model's seq before these ops. */
  seq: number;
  ops: readonly CommitCandidate[];
  /** The actor's role on the model; `undefined` for a user who is not a member. */
  roleOf: (actor: string) => Role | undefined;
  /** The earlier commit of an opId, if any (the op log). */
  priorOf: (opId: string) => PriorCommit | undefined;
  /** A further refusal of a valid op, checked before the role (e.g. what storage cannot hold). */
  refuse?: (op: Op) => OpError | undefined;
  /**
   * Counts the model may not pass (default `DEFAULT_MODEL_LIMITS`): a put
   * creating a record beyond them is refused with `model_too_large`.
   */
  limits?: ModelLimits;
  /** Stop at the first refused op (all-or-nothing writes); its decision is the last one. */
  stopAtRefusal?: boolean;
  /**
   * Server-owned fields (comment authorship, who signed off and when) are set
   * by `stampOp` from the actor's name and this clock, before authorisation.
   */
  stamp?: { nameOf: (actor: string) => string; now: string; origin?: WriteOrigin };
}

export interface CommitOutcome {
  /** The seq after the accepted ops. */
  seq: number;
  /** One decision per submitted op, in order (fewer when `stopAtRefusal` stopped early). */
  decisions: CommitDecision[];
  /** Ids of the records accepted ops created, changed or removed (cascades included). */
  touched: Set<string>;
  /** Accepted, non-duplicate decisions in seq order. */
  accepted: Extract<CommitDecision, { ok: true }>[];
}

/**
 * The one commit algorithm, shared by the server (inside its PostgreSQL
 * transaction) and `ReferenceSyncServer`: for each op in order, return the
 * original result of an opId seen before, else validate it against the
 * current state, stamp the server-owned fields, authorise it for its actor's role, apply it and advance the
 * seq by one. A refused op changes nothing and does not stop the others
 * unless `stopAtRefusal` is set. Pure apart from updating `state`.
 */
export function decideCommit(options: DecideCommitOptions): CommitOutcome {
  const { state, roleOf, priorOf, refuse } = options;
  let seq = options.seq;
  const decisions: CommitDecision[] = [];
  const accepted: Extract<CommitDecision, { ok: true }>[] = [];
  const touched = new Set<string>();
  const now = new Map<string, PriorCommit>();
  const sizeCheck = modelSizeCheck(state, options.limits ?? DEFAULT_MODEL_LIMITS);
  for (const { opId, op: input, actor } of options.ops) {
    const refusal = (error: OpError) => {
      decisions.push({ ok: false, opId: String(opId), error });
      return options.stopAtRefusal === true;
    };
    if (typeof opId !== 'string' || opId.length === 0 || opId.length > MAX_OP_ID) {
      const message = `opId must be a string of 1 to ${MAX_OP_ID} characters`;
      if (refusal({ code: 'invalid_op', message })) break;
      continue;
    }
    const prior = now.get(opId) ?? priorOf(opId);
    if (prior) {
      decisions.push({ ok: true, opId, ...prior, duplicate: true });
      continue;
    }
    const check = validateOp(state, input);
    if (!check.ok) {
      if (refusal(check.error)) break;
      continue;
    }
    const op = options.stamp
      ? stampOp({
          op: check.op,
          state,
          actor: { id: actor, name: options.stamp.nameOf(actor) },
          now: options.stamp.now,
          origin: options.stamp.origin,
        })
      : check.op;
    const denied =
      refuse?.(op) ?? forbiddenFor(roleOf(actor), actor, op, state) ?? sizeCheck.refusal(op);
    if (denied) {
      if (refusal(denied)) break;
      continue;
    }
    const id = op.type === 'put' ? op.record.id : op.id;
    if (op.type === 'remove') for (const r of cascadeOf(op.id, state.values())) touched.add(r.id);
    touched.add(id);
    sizeCheck.before(op);
    applyOp(state, op);
    seq += 1;
    now.set(opId, { seq, op, actor });
    const record = op.type === 'remove' ? undefined : state.get(id);
    const decision = {
      ok: true as const,
      opId,
      seq,
      op,
      actor,
      duplicate: false,
      ...(record ? { record } : {}),
    };
    decisions.push(decision);
    accepted.push(decision);
  }
  return { seq, decisions, touched, accepted };
}

/**
 * The records limit costs nothing (the state's size); elements are counted
 * only once the model holds as many records as it may hold elements, and the
 * count is then kept up to date op by op (a remove's cascade recounts).
 */
function modelSizeCheck(state: RecordMap, limits: ModelLimits) {
  let elements: number | undefined;
  const countElements = () => {
    if (elements === undefined) {
      elements = 0;
      for (const r of state.values()) if (ELEMENT_KIND_SET.has(r.typeName)) elements += 1;
    }
    return elements;
  };
  const creates = (op: Op) => op.type === 'put' && !state.has(op.record.id);
  return {
    refusal(op: Op): OpError | undefined {
      if (!creates(op) || op.type !== 'put') return undefined;
      if (state.size >= limits.maxRecords)
        return { code: 'model_too_large', message: modelTooLargeMessage(limits, 'records') };
      if (
        ELEMENT_KIND_SET.has(op.record.typeName) &&
        state.size >= limits.maxElements &&
        countElements() >= limits.maxElements
      )
        return { code: 'model_too_large', message: modelTooLargeMessage(limits, 'elements') };
      return undefined;
    },
    /** Keeps the element count (when there is one) right across the op about to be applied. */
    before(op: Op): void {
      if (elements === undefined) return;
      if (op.type === 'remove') elements = undefined;
      else if (creates(op) && op.type === 'put' && ELEMENT_KIND_SET.has(op.record.typeName))
        elements += 1;
    },
  };
}

function forbiddenFor(
  role: Role | undefined,
  actorId: string,
  op: Op,
  state: RecordMap,
): OpError | undefined {
  if (!role) return { code: 'forbidden', message: 'not a member of this model' };
  return authorizeOp({ role, actorId, op, state }) ?? undefined;
}

/** Most issues one refusal carries over the wire. */
const MAX_WIRE_ISSUES = 20;

/** A decision as the submitter's ack carries it. */
export function submitResultOf(decision: CommitDecision): SubmitResult {
  return decision.ok
    ? { ok: true, seq: decision.seq }
    : syncFailure(
        decision.error.code,
        decision.error.message,
        decision.error.issues?.slice(0, MAX_WIRE_ISSUES),
      );
}

/**
 * The refusal of a `join` whose client speaks another protocol version, or
 * undefined when it may proceed. A join without `protocolVersion` is
 * version 1, as the wire contract in docs/collaboration.md was first written.
 */
export function protocolRefusal(join: unknown): { ok: false; error: SyncError } | undefined {
  const raw = (join as { protocolVersion?: unknown } | null)?.protocolVersion;
  const version = raw === undefined ? 1 : raw;
  if (version === PROTOCOL_VERSION) return undefined;
  return syncFailure(
    'version_mismatch',
    `this server speaks sync protocol ${PROTOCOL_VERSION}; reload the page`,
  );
}
