import type { Role } from '../model/keys';
import type { ModelRecord } from '../model/records';
import { zodIssues } from '../model/errors';
import { toRecordMap, type RecordMap } from '../ops/ops';
import { decideCommit, protocolRefusal, submitResultOf } from './commit';
import {
  ZJoin,
  ZSubmit,
  ZSubmitBatch,
  syncFailure,
  type JoinAck,
  type OpBroadcast,
  type SubmitAck,
  type SubmitBatchAck,
  type SubmittedOp,
} from './protocol';

/** Catch-up longer than this many ops is answered with a snapshot instead. */
const DEFAULT_SNAPSHOT_AFTER = 1000;

interface ReferenceModel {
  state: RecordMap;
  seq: number;
  log: OpBroadcast[];
  /** Committed ops by opId. */
  committed: Map<string, OpBroadcast>;
  members: Map<string, Role>;
}

/** What a submit produced: the answer for the sender and the ops to broadcast to the room. */
interface ReferenceCommit<A> {
  ack: A;
  broadcasts: OpBroadcast[];
}

/**
 * The server's ordering logic without sockets or a database: one seq per
 * model, every op validated and authorised against the state it lands on,
 * opIds idempotent, catch-up from the log or a snapshot when far behind. The
 * real server does the same in a PostgreSQL transaction; this reference lets
 * the client engine be fuzzed fast and pins down what "correct" means.
 */
export class ReferenceSyncServer {
  private readonly models = new Map<string, ReferenceModel>();
  private readonly snapshotAfter: number;

  constructor(options: { snapshotAfter?: number } = {}) {
    this.snapshotAfter = options.snapshotAfter ?? DEFAULT_SNAPSHOT_AFTER;
  }

  /** Creates a model from valid records and its members' roles. */
  createModel(
    modelId: string,
    records: Iterable<ModelRecord>,
    members: Record<string, Role>,
  ): void {
    this.models.set(modelId, {
      state: toRecordMap(records),
      seq: 0,
      log: [],
      committed: new Map(),
      members: new Map(Object.entries(members)),
    });
  }

  /** Current records of a model (for assertions). */
  records(modelId: string): ModelRecord[] {
    return [...this.model(modelId).state.values()];
  }

  seq(modelId: string): number {
    return this.model(modelId).seq;
  }

  /** Answers a `join` from `actorId`. */
  join(actorId: string, input: unknown): JoinAck {
    const refused = protocolRefusal(input);
    if (refused) return refused;
    const parsed = ZJoin.safeParse(input);
    if (!parsed.success)
      return syncFailure('invalid_message', 'malformed join', zodIssues(parsed.error));
    const model = this.models.get(parsed.data.modelId);
    if (!model || !model.members.has(actorId)) return syncFailure('not_found', 'model not found');
    const { lastSeq } = parsed.data;
    if (lastSeq === undefined || lastSeq > model.seq || model.seq - lastSeq > this.snapshotAfter) {
      return { ok: true, seq: model.seq, snapshot: { records: [...model.state.values()] } };
    }
    return { ok: true, seq: model.seq, ops: model.log.slice(lastSeq) };
  }

  /** Handles a `submit`. */
  submit(actorId: string, input: unknown): ReferenceCommit<SubmitAck> {
    const parsed = ZSubmit.safeParse(input);
    if (!parsed.success)
      return {
        ack: syncFailure('invalid_message', 'malformed submit', zodIssues(parsed.error)),
        broadcasts: [],
      };
    const { modelId, opId, op } = parsed.data;
    const { ack, broadcasts } = this.commit(actorId, modelId, [{ opId, op }]);
    return { ack: ack.ok ? ack.results[0]! : ack, broadcasts };
  }

  /** Handles a `submitBatch`: ops in order, one result each. */
  submitBatch(actorId: string, input: unknown): ReferenceCommit<SubmitBatchAck> {
    const parsed = ZSubmitBatch.safeParse(input);
    if (!parsed.success)
      return {
        ack: syncFailure('invalid_message', 'malformed submitBatch', zodIssues(parsed.error)),
        broadcasts: [],
      };
    return this.commit(actorId, parsed.data.modelId, parsed.data.ops);
  }

  private commit(
    actorId: string,
    modelId: string,
    entries: readonly SubmittedOp[],
  ): ReferenceCommit<SubmitBatchAck> {
    const model = this.models.get(modelId);
    const role = model?.members.get(actorId);
    if (!model || !role)
      return { ack: syncFailure('not_found', 'model not found'), broadcasts: [] };
    const outcome = decideCommit({
      state: model.state,
      seq: model.seq,
      ops: entries.map(({ opId, op }) => ({ opId, op, actor: actorId })),
      roleOf: () => role,
      priorOf: (opId) => model.committed.get(opId),
    });
    model.seq = outcome.seq;
    const broadcasts = outcome.accepted.map(({ seq, opId, actor, op }): OpBroadcast => ({
      modelId,
      seq,
      opId,
      actor,
      op,
    }));
    for (const b of broadcasts) {
      model.log.push(b);
      model.committed.set(b.opId, b);
    }
    const results = outcome.decisions.map(submitResultOf);
    return { ack: { ok: true, results }, broadcasts };
  }

  private model(modelId: string): ReferenceModel {
    const model = this.models.get(modelId);
    if (!model) throw new Error(`no model ${modelId}`);
    return model;
  }
}
