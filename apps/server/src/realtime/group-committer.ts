import type { OpResult, SubmittedOp } from '../services/ops/commit-ops';

/** Commits one batch for one model (commitOps, bound to a database). */
export type CommitBatch = (modelId: string, ops: SubmittedOp[]) => Promise<{ results: OpResult[] }>;

interface Waiting {
  ops: SubmittedOp[];
  done: (results: OpResult[] | Error) => void;
}

/**
 * Group commit per model. While a transaction for a model is in flight, ops
 * that arrive for it wait; when it finishes, everything that waited goes in
 * the next transaction together (up to `maxOps`), so under load the database
 * sees one transaction (and one fsync) for many clients' ops. Batches of one
 * model run strictly one after another, in arrival order, so seq order is
 * arrival order. Each submitter's `done` is called with its own results, in
 * commit order, right after the commit; then `onCommitted` with all of them.
 */
export class GroupCommitter {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly commit: CommitBatch,
    private readonly options: {
      maxOps?: number;
      /** After a commit, once every submitter has its results (acks go out first): the whole batch's results, in seq order. */
      onCommitted?: (modelId: string, results: OpResult[]) => void;
    } = {},
  ) {}

  submit(modelId: string, ops: SubmittedOp[], done: Waiting['done']): void {
    let queue = this.queues.get(modelId);
    if (!queue) this.queues.set(modelId, (queue = []));
    queue.push({ ops, done });
    if (!this.busy.has(modelId)) void this.run(modelId);
  }

  /** Resolves once nothing is queued or in flight (shutdown). */
  async idle(): Promise<void> {
    while (this.busy.size > 0) await new Promise((r) => setTimeout(r, 5));
  }

  private async run(modelId: string): Promise<void> {
    this.busy.add(modelId);
    try {
      for (
        let queue = this.queues.get(modelId);
        queue && queue.length > 0;
        queue = this.queues.get(modelId)
      ) {
        const batch: Waiting[] = [];
        let size = 0;
        while (
          queue.length > 0 &&
          (batch.length === 0 || size + queue[0]!.ops.length <= (this.options.maxOps ?? 1000))
        ) {
          const next = queue.shift()!;
          batch.push(next);
          size += next.ops.length;
        }
        let outcome: OpResult[] | Error;
        try {
          outcome = (
            await this.commit(
              modelId,
              batch.flatMap((w) => w.ops),
            )
          ).results;
        } catch (err) {
          outcome = err instanceof Error ? err : new Error(String(err));
        }
        let offset = 0;
        for (const w of batch) {
          w.done(outcome instanceof Error ? outcome : outcome.slice(offset, offset + w.ops.length));
          offset += w.ops.length;
        }
        if (!(outcome instanceof Error)) this.options.onCommitted?.(modelId, outcome);
      }
    } finally {
      this.queues.delete(modelId);
      this.busy.delete(modelId);
    }
  }
}
