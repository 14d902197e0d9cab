import { describe, expect, it } from 'vitest';
import type { OpResult, SubmittedOp } from '../services/ops/commit-ops';
import { GroupCommitter } from './group-committer';
import { TokenBucket } from './rate-limiter';

/** A commit function that records each batch and finishes when the test says so. */
function controllable() {
  const batches: {
    modelId: string;
    ops: SubmittedOp[];
    finish: () => void;
    fail: (e: Error) => void;
  }[] = [];
  const commit = (modelId: string, ops: SubmittedOp[]) =>
    new Promise<{ results: OpResult[] }>((resolve, reject) => {
      batches.push({
        modelId,
        ops,
        finish: () =>
          resolve({
            results: ops.map((o, i) => ({
              ok: true,
              opId: o.opId,
              seq: i + 1,
              op: o.op as never,
              actor: o.actor ?? '',
              duplicate: false,
            })),
          }),
        fail: reject,
      });
    });
  return { batches, commit };
}
const op = (opId: string): SubmittedOp => ({ opId, op: { type: 'remove', id: opId }, actor: 'u' });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('SYNC-GROUP-1: GroupCommitter', () => {
  it('commits what arrived while a transaction was in flight as one batch, and hands each submitter its own results in order', async () => {
    const { batches, commit } = controllable();
    const got: string[][] = [];
    const g = new GroupCommitter(commit, {
      onCommitted: (_m, results) => got.push(['committed', ...results.map((x) => x.opId)]),
    });
    const done = (r: OpResult[] | Error) =>
      got.push(r instanceof Error ? ['error'] : r.map((x) => x.opId));
    g.submit('m', [op('a')], done);
    g.submit('m', [op('b'), op('c')], done);
    g.submit('m', [op('d')], done);
    expect(batches.map((b) => b.ops.map((o) => o.opId))).toEqual([['a']]);
    batches[0]!.finish();
    await tick();
    expect(batches.map((b) => b.ops.map((o) => o.opId))).toEqual([['a'], ['b', 'c', 'd']]);
    batches[1]!.finish();
    await tick();
    // Each submitter gets its own results (the acks), then the batch is announced once, in order.
    expect(got).toEqual([
      ['a'],
      ['committed', 'a'],
      ['b', 'c'],
      ['d'],
      ['committed', 'b', 'c', 'd'],
    ]);
  });

  it('runs models independently and reports a failed transaction to every submitter of that batch', async () => {
    const { batches, commit } = controllable();
    const g = new GroupCommitter(commit);
    const got: string[] = [];
    g.submit('m1', [op('a')], (r) => got.push(r instanceof Error ? `m1:${r.message}` : 'm1:ok'));
    g.submit('m2', [op('b')], (r) => got.push(r instanceof Error ? `m2:${r.message}` : 'm2:ok'));
    expect(batches.map((b) => b.modelId)).toEqual(['m1', 'm2']);
    batches[1]!.fail(new Error('deadlock'));
    batches[0]!.finish();
    await tick();
    expect(got.sort()).toEqual(['m1:ok', 'm2:deadlock']);
    await g.idle();
  });

  it('caps a batch at maxOps', async () => {
    const { batches, commit } = controllable();
    const g = new GroupCommitter(commit, { maxOps: 3 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) g.submit('m', [op(id)], () => {});
    batches[0]!.finish();
    await tick();
    batches[1]!.finish();
    await tick();
    expect(batches.map((b) => b.ops.length)).toEqual([1, 3, 1]);
  });
});

describe('SYNC-LIMIT-2: TokenBucket', () => {
  it('allows a burst, refuses beyond it, and refills with time', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    expect(bucket.take(10)).toBe(true);
    expect(bucket.take(1)).toBe(false);
    now = 1000;
    expect(bucket.take(5)).toBe(true);
    expect(bucket.take(1)).toBe(false);
  });
});
