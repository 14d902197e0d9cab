import { applyOp, toRecordMap, type Op, type RecordMap } from '@threatloom/core';
import type { Prisma } from '../../db/generated/client';
import { readModelRecords } from './read-records';

type Tx = Prisma.TransactionClient;

/** A model's records as of op-log position `seq`. */
export interface ModelState {
  seq: number;
  state: RecordMap;
}

/** Beyond this many ops behind, reloading the rows is cheaper than replaying the log. */
const MAX_REPLAY = 500;

/**
 * Per-process cache of model states, so validating an op does not reload the
 * whole model. Each entry is tagged with its seq; when another process has
 * advanced the model, the entry is caught up from the op log. An entry is
 * taken out while a transaction works on it and put back only after commit,
 * so a rolled-back transaction can never leave a half-applied state behind.
 */
export class ModelStateCache {
  private readonly entries = new Map<string, ModelState>();
  constructor(private readonly capacity = 256) {}

  /** Removes and returns the entry (the caller owns it until `release`). */
  take(modelId: string): ModelState | undefined {
    const entry = this.entries.get(modelId);
    this.entries.delete(modelId);
    return entry;
  }

  /** Puts a committed state back unless a newer one got there first. */
  release(modelId: string, entry: ModelState): void {
    const current = this.entries.get(modelId);
    if (current && current.seq >= entry.seq) return;
    this.entries.delete(modelId);
    this.entries.set(modelId, entry);
    // Map iteration order is insertion order: the first key is the least recently committed.
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  drop(modelId: string): void {
    this.entries.delete(modelId);
  }
}

/**
 * The model's state at `seq` (the seq read under the model's row lock): the
 * cached entry as is, the cached entry caught up from the op log, or the rows.
 */
export async function loadState(
  tx: Tx,
  modelId: string,
  seq: number,
  cached: ModelState | undefined,
): Promise<ModelState> {
  if (cached && cached.seq === seq) return cached;
  if (cached && cached.seq < seq && seq - cached.seq <= MAX_REPLAY) {
    const rows = await tx.opLog.findMany({
      where: { modelId, seq: { gt: cached.seq } },
      orderBy: { seq: 'asc' },
      select: { op: true },
    });
    for (const row of rows) applyOp(cached.state, row.op as unknown as Op);
    return { seq, state: cached.state };
  }
  return { seq, state: toRecordMap(await readModelRecords(tx, modelId)) };
}
