import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  decideCommit,
  type CommitOutcome,
  type DecideCommitOptions,
  type PriorCommit,
  ZRole,
  type CommitDecision,
  type ModelRecord,
  type Op,
  type OpError,
  type Role,
  type WriteOrigin,
} from '@threatloom/core';
import type { Db } from '../../db/open-database';
import { AppError, type AppErrorCode } from '../app-error';
import { loadState, ModelStateCache, type ModelState } from './state-cache';
import { writeCommit, type OpLogRow } from './write-rows';

/** One submitted op. `actor` overrides the batch's actor, so one transaction can carry several clients' ops (group commit). */
export interface SubmittedOp {
  opId: string;
  op: unknown;
  actor?: string;
}

/** One op's outcome: core's commit decision. */
export type OpResult = CommitDecision;

export interface CommitOpsOptions {
  db: Db;
  modelId: string;
  /** User id of the submitter (recorded in the op log). */
  actor: string;
  /**
   * The ops, or a function that plans them from the model's current state
   * under the row lock (for writes that depend on what is there, such as
   * merging generated threats: no concurrent writer can slip in between).
   */
  ops: SubmittedOp[] | ((state: ReadonlyMap<string, ModelRecord>) => SubmittedOp[]);
  /** All or nothing: the first rejected op rolls everything back with an `AppError` (`forbidden` or `invalid_op`) (REST, imports). */
  atomic?: boolean;
  /**
   * `document` when the ops build a new model from a file or a copy: comments
   * keep their names and times but lose `authorId` (core's `stampOp`).
   * Default `edit`: the server stamps authorship and sign-off from the actor.
   */
  origin?: WriteOrigin;
  /**
   * Announces the committed ops to the model's live sockets after the commit
   * (realtime's broadcast, the one socket ops use). Every write to an existing
   * model passes it; creating a new model needs none, nobody has joined it yet.
   */
  publish?: PublishCommit;
  /** Defaults to the process-wide cache. */
  cache?: ModelStateCache;
}

/** Broadcasts a transaction's results to the model's room (ops already committed). */
export type PublishCommit = (modelId: string, results: OpResult[]) => void;

export interface CommitOpsResult {
  /** The model's seq after the commit. */
  seq: number;
  /** One result per submitted op, in order. */
  results: OpResult[];
}

export const defaultStateCache = new ModelStateCache();

/**
 * The one write path for model records (REST, import, threat generation and
 * the real-time socket all call it). In one transaction: lock the model row
 * (its `seq` orders writers across processes), skip ops whose opId is already
 * in the op log (a retry gets its original seq back and changes nothing),
 * validate each op against the current state and the actor's role, write the
 * changed rows and one op-log row per accepted op, advance `seq`, commit.
 * A rejected op does not sink the others unless `atomic` is set. Throws a `not_found`
 * `AppError` when the model does not exist.
 */
export async function commitOps(options: CommitOpsOptions): Promise<CommitOpsResult> {
  const { db, modelId, actor, atomic = false } = options;
  const cache = options.cache ?? defaultStateCache;
  const cached = cache.take(modelId);
  let committed: ModelState | undefined;
  try {
    const outcome = await db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<
          { seq: number }[]
        >`SELECT seq FROM models WHERE id = ${modelId} FOR UPDATE`;
        if (locked.length === 0) throw new AppError('not_found', 'model not found');
        const base = Number(locked[0]!.seq);
        const current = await loadState(tx, modelId, base, cached);
        const state = current.state;
        const ops = typeof options.ops === 'function' ? options.ops(state) : options.ops;

        const actors = [...new Set(ops.map((o) => o.actor ?? actor))];
        const members = await tx.membership.findMany({
          where: { modelId, userId: { in: actors } },
          select: { userId: true, role: true, user: { select: { name: true, email: true } } },
        });
        const roles = new Map(members.map((m) => [m.userId, ZRole.parse(m.role) as Role]));
        // What authorship and sign-off show: the account's name, else its email.
        const names = new Map(members.map((m) => [m.userId, m.user.name || m.user.email]));
        const now = new Date().toISOString();
        // A model at seq 0 has no op log to find retries in (a new model's import or copy).
        const known =
          base === 0
            ? []
            : await tx.opLog.findMany({
                where: {
                  modelId,
                  opId: { in: ops.map((o) => o.opId).filter((id) => typeof id === 'string') },
                },
                select: { opId: true, seq: true, op: true, actor: true },
              });
        const seen = new Map(
          known.map((k) => [k.opId, { seq: k.seq, op: k.op as unknown as Op, actor: k.actor }]),
        );

        const outcome = await decideInSlices({
          state,
          seq: base,
          ops: ops.map((o) => ({ opId: o.opId, op: o.op, actor: o.actor ?? actor })),
          roleOf: (who) => roles.get(who),
          priorOf: (opId) => seen.get(opId),
          refuse: (op) => (hasUnstorableText(op) ? UNSTORABLE_REFUSAL : undefined),
          stopAtRefusal: atomic,
          // Authorship and sign-off come from the authenticated actor and the server's clock, never the client.
          stamp: { nameOf: (who) => names.get(who) ?? '', now, origin: options.origin },
        });
        const refused = outcome.decisions.find((d) => !d.ok);
        if (atomic && refused && !refused.ok) {
          const { opId, error } = refused;
          throw new AppError(
            APP_CODE_OF_REFUSAL[error.code] ?? 'invalid_op',
            error.message,
            error.issues ? { opId, issues: error.issues } : { opId },
          );
        }
        const { seq, touched } = outcome;
        const results = outcome.decisions;
        const logRows: OpLogRow[] = outcome.accepted.map(({ seq, opId, actor, op }) => ({
          seq,
          opId,
          actor,
          op,
        }));

        if (seq > base) {
          const present = [...touched].flatMap((id) => {
            const r = state.get(id);
            return r ? [r] : [];
          });
          const modelRecord = present.find((r) => r.typeName === 'model');
          const title = modelRecord?.typeName === 'model' ? { title: modelRecord.title } : {};
          const deletedIds = [...touched].filter((id) => !state.has(id));
          // One statement per WRITE_SLICE rows, with a turn of the event loop between them.
          const slices = Math.max(
            1,
            Math.ceil(Math.max(present.length, logRows.length) / WRITE_SLICE),
          );
          for (let i = 0; i < slices; i++) {
            if (i > 0) await yieldToLoop();
            await writeCommit(tx, {
              modelId,
              deletedIds: i === 0 ? deletedIds : [],
              records: present.slice(i * WRITE_SLICE, (i + 1) * WRITE_SLICE),
              log: logRows.slice(i * WRITE_SLICE, (i + 1) * WRITE_SLICE),
              seq,
              ...title,
            });
          }
        }
        committed = { seq, state };
        return { seq, results };
      },
      // A large write yields between slices, so it may take longer than an edit; the lock is held meanwhile.
      {
        maxWait: 20_000,
        timeout: 60_000 + (Array.isArray(options.ops) ? options.ops.length * 2 : 0),
      },
    );
    if (committed) cache.release(modelId, committed);
    if (outcome.seq > 0 && outcome.results.some((r) => r.ok && !r.duplicate))
      options.publish?.(modelId, outcome.results);
    return outcome;
  } catch (err) {
    // The entry may hold ops of the rolled-back transaction: forget it; the next commit reloads.
    cache.drop(modelId);
    throw err;
  }
}

/**
 * Ops validated, and rows written per statement, between two turns of the
 * event loop. A commit of 100,000 records (a large import) otherwise held the
 * process for seconds: health checks, sockets and every other request waited.
 * Sized so one slice takes a few tens of milliseconds (docs/benchmarks.md).
 */
export const DECIDE_SLICE = 200;
export const WRITE_SLICE = 250;

/**
 * `decideCommit` over the ops `DECIDE_SLICE` at a time, yielding to the event
 * loop between slices. The same decisions as one call: each slice starts from
 * the state and seq the previous one left, and an opId accepted in an earlier
 * slice is a duplicate in a later one.
 */
async function decideInSlices(options: DecideCommitOptions): Promise<CommitOutcome> {
  if (options.ops.length <= DECIDE_SLICE) return decideCommit(options);
  const all: CommitOutcome = { seq: options.seq, decisions: [], touched: new Set(), accepted: [] };
  const earlier = new Map<string, PriorCommit>();
  for (let i = 0; i < options.ops.length; i += DECIDE_SLICE) {
    if (i > 0) await yieldToLoop();
    const part = decideCommit({
      ...options,
      seq: all.seq,
      ops: options.ops.slice(i, i + DECIDE_SLICE),
      priorOf: (opId) => earlier.get(opId) ?? options.priorOf(opId),
    });
    all.seq = part.seq;
    all.decisions.push(...part.decisions);
    for (const d of part.accepted) {
      all.accepted.push(d);
      earlier.set(d.opId, { seq: d.seq, op: d.op, actor: d.actor });
    }
    for (const id of part.touched) all.touched.add(id);
    if (options.stopAtRefusal && part.decisions.some((d) => !d.ok)) break;
  }
  return all;
}

/** The AppError of an atomic write's first refusal; other op codes are `invalid_op`. */
const APP_CODE_OF_REFUSAL: Partial<Record<OpError['code'], AppErrorCode>> = {
  forbidden: 'forbidden',
  model_too_large: 'model_too_large',
  text_too_long: 'text_too_long',
};

// PostgreSQL's jsonb cannot store NUL or unpaired surrogates: refuse them up front rather than fail the whole transaction.
const UNSTORABLE_REFUSAL: OpError = {
  code: 'invalid_op',
  message: 'text must not contain NUL characters or unpaired surrogates',
};
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string (or key) inside `value` holds a NUL character or an unpaired surrogate. */
function hasUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => UNSTORABLE.test(k) || hasUnstorableText(v));
  return false;
}
