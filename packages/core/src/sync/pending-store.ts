import type { SubmittedOp } from './protocol';

/**
 * Where a client keeps the ops it has not yet seen committed, so they survive a
 * page reload. The web app plugs IndexedDB; tests and the CLI plug memory.
 * `save` replaces the whole list for the model; the engine calls it in order.
 */
export interface PendingStore {
  load(modelId: string): Promise<SubmittedOp[]>;
  save(modelId: string, ops: readonly SubmittedOp[]): Promise<void>;
}

/** A PendingStore in memory: one instance shared by two engines acts like one browser's storage across a reload. */
export class MemoryPendingStore implements PendingStore {
  private readonly byModel = new Map<string, SubmittedOp[]>();

  async load(modelId: string): Promise<SubmittedOp[]> {
    return copy(this.byModel.get(modelId) ?? []);
  }

  async save(modelId: string, ops: readonly SubmittedOp[]): Promise<void> {
    if (ops.length === 0) this.byModel.delete(modelId);
    else this.byModel.set(modelId, copy(ops));
  }
}

/** Deep copy through JSON, as a real store would serialise (ops are plain JSON). */
function copy(ops: readonly SubmittedOp[]): SubmittedOp[] {
  return JSON.parse(JSON.stringify(ops)) as SubmittedOp[];
}
