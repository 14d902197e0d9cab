import { newId } from '@threatloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/open-database';
import { createModel } from '../src/services/models/create-model';
import { commitOps } from '../src/services/ops/commit-ops';
import { ModelStateCache } from '../src/services/ops/state-cache';
import { DB_KINDS, freshPostgres, type DbKind } from './helpers/test-server';

const actor = (id: string) => ({ id, email: `${id}@example.test`, name: id, passwordHash: 'x' });

describe.each(DB_KINDS)('commitOps on %s', (kind: DbKind) => {
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') {
      const pg = await freshPostgres();
      url = pg.url;
      drop = pg.drop;
      database = await openDatabase({ databaseUrl: url });
    } else database = await openDatabase({ dataDir: 'memory://' });
    await database.db.user.createMany({ data: ['owner', 'viewer', 'commenter'].map(actor) });
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  async function newModel() {
    const { db } = database;
    const model = await createModel({ db, userId: 'owner', title: 'M' });
    await db.membership.createMany({
      data: [
        { modelId: model.id, userId: 'viewer', role: 'viewer' },
        { modelId: model.id, userId: 'commenter', role: 'commenter' },
      ],
    });
    const diagram = await db.record.findFirstOrThrow({
      where: { modelId: model.id, typeName: 'diagram' },
    });
    return { modelId: model.id, diagramId: diagram.id, seq: model.seq };
  }
  const actorOp = (diagramId: string, id = newId(), name = 'A') => ({
    type: 'put',
    record: { id, typeName: 'actor', diagramId, name },
  });

  it('is idempotent per opId: a retry gets the original seq and changes nothing', async () => {
    const { db } = database;
    const { modelId, diagramId, seq } = await newModel();
    const opId = newId();
    const op = actorOp(diagramId);
    const first = await commitOps({ db, modelId, actor: 'owner', ops: [{ opId, op }] });
    expect(first.results[0]).toMatchObject({ ok: true, seq: seq + 1, duplicate: false });
    const retry = await commitOps({
      db,
      modelId,
      actor: 'owner',
      ops: [{ opId, op: { ...op, record: { ...op.record, name: 'changed' } } }],
    });
    expect(retry.results[0]).toMatchObject({ ok: true, seq: seq + 1, duplicate: true });
    expect(retry.seq).toBe(seq + 1);
    expect(await db.opLog.count({ where: { modelId, opId } })).toBe(1);
    const row = await db.record.findUniqueOrThrow({
      where: { modelId_id: { modelId, id: op.record.id } },
    });
    expect((row.data as { name: string }).name).toBe('A');
  });

  it('commits a batch with per-op results: a rejected op does not sink the others', async () => {
    const { db } = database;
    const { modelId, diagramId, seq } = await newModel();
    const a = actorOp(diagramId);
    const { results, seq: after } = await commitOps({
      db,
      modelId,
      actor: 'owner',
      ops: [
        { opId: newId(), op: a },
        { opId: newId(), op: { type: 'patch', id: 'missing', fields: { name: 'x' } } },
        { opId: newId(), op: { type: 'patch', id: a.record.id, fields: { name: 'B' } } },
        {
          opId: newId(),
          op: {
            type: 'put',
            record: {
              id: 'f1',
              typeName: 'flow',
              diagramId,
              sourceId: 'ghost',
              targetId: a.record.id,
            },
          },
        },
      ],
    });
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
    expect(results.map((r) => (r.ok ? r.seq : r.error.code))).toEqual([
      seq + 1,
      'not_found',
      seq + 2,
      'invariant',
    ]);
    expect(after).toBe(seq + 2);
    expect((await db.model.findUniqueOrThrow({ where: { id: modelId } })).seq).toBe(seq + 2);
    expect(await db.record.findUnique({ where: { modelId_id: { modelId, id: 'f1' } } })).toBeNull();
  });

  it('rolls an atomic batch back entirely on one bad op', async () => {
    const { db } = database;
    const { modelId, diagramId, seq } = await newModel();
    const a = actorOp(diagramId);
    await expect(
      commitOps({
        db,
        modelId,
        actor: 'owner',
        atomic: true,
        ops: [
          { opId: newId(), op: a },
          { opId: newId(), op: { type: 'remove', id: 'ghost' } },
        ],
      }),
    ).rejects.toMatchObject({ name: 'AppError', code: 'invalid_op' });
    expect(
      await db.record.findUnique({ where: { modelId_id: { modelId, id: a.record.id } } }),
    ).toBeNull();
    expect((await db.model.findUniqueOrThrow({ where: { id: modelId } })).seq).toBe(seq);
    // The cache did not keep the rolled-back put: the same op now commits at seq + 1.
    const ok = await commitOps({ db, modelId, actor: 'owner', ops: [{ opId: newId(), op: a }] });
    expect(ok.results[0]).toMatchObject({ ok: true, seq: seq + 1 });
  });

  it('applies role rules per actor inside one group commit', async () => {
    const { db } = database;
    const { modelId, diagramId } = await newModel();
    const a = actorOp(diagramId);
    const comment = (authorId: string) => ({
      type: 'put',
      record: { id: newId(), typeName: 'comment', targetId: a.record.id, body: 'hm', authorId },
    });
    const { results } = await commitOps({
      db,
      modelId,
      actor: 'owner',
      ops: [
        { opId: newId(), op: a },
        { opId: newId(), op: actorOp(diagramId), actor: 'viewer' },
        { opId: newId(), op: comment('viewer'), actor: 'viewer' },
        { opId: newId(), op: actorOp(diagramId), actor: 'commenter' },
        { opId: newId(), op: comment('commenter'), actor: 'commenter' },
        { opId: newId(), op: comment('owner'), actor: 'commenter' },
        { opId: newId(), op: actorOp(diagramId), actor: 'stranger' },
      ],
    });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'forbidden',
      'forbidden',
      'forbidden',
      'ok',
      'forbidden',
      'forbidden',
    ]);
    const log = await db.opLog.findMany({ where: { modelId }, orderBy: { seq: 'desc' }, take: 2 });
    expect(log.map((l) => l.actor)).toEqual(['commenter', 'owner']);
  });

  it('catches a stale cache up from the op log when another process advanced the model', async () => {
    const { db } = database;
    const { modelId, diagramId } = await newModel();
    // Two caches stand for two server processes; on PostgreSQL the second also has its own connection pool.
    const other =
      kind === 'postgres' ? await openDatabase({ databaseUrl: url!, migrate: false }) : database;
    const cacheA = new ModelStateCache();
    const cacheB = new ModelStateCache();
    try {
      const a = actorOp(diagramId);
      await commitOps({
        db,
        modelId,
        actor: 'owner',
        cache: cacheA,
        ops: [{ opId: newId(), op: a }],
      });
      const b = actorOp(diagramId);
      await commitOps({
        db: other.db,
        modelId,
        actor: 'owner',
        cache: cacheB,
        ops: [{ opId: newId(), op: b }],
      });
      // Process A has not seen b; the flow a -> b validates only if A caught up.
      const flow = {
        type: 'put',
        record: {
          id: newId(),
          typeName: 'flow',
          diagramId,
          sourceId: a.record.id,
          targetId: b.record.id,
        },
      };
      const { results } = await commitOps({
        db,
        modelId,
        actor: 'owner',
        cache: cacheA,
        ops: [{ opId: newId(), op: flow }],
      });
      expect(results[0]).toMatchObject({ ok: true });
      // And B sees A's flow: removing b cascades to it.
      await commitOps({
        db: other.db,
        modelId,
        actor: 'owner',
        cache: cacheB,
        ops: [{ opId: newId(), op: { type: 'remove', id: b.record.id } }],
      });
      expect(await db.record.count({ where: { modelId, typeName: 'flow' } })).toBe(0);
    } finally {
      if (other !== database) await other.close();
    }
  });

  it('orders concurrent writers: seqs are unique and the op log has no gaps', async () => {
    const { db } = database;
    const { modelId, diagramId, seq } = await newModel();
    const n = 24;
    const outcomes = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        commitOps({
          db,
          modelId,
          actor: 'owner',
          cache: new ModelStateCache(),
          ops: [{ opId: `c${i}`, op: actorOp(diagramId) }],
        }),
      ),
    );
    const seqs = outcomes
      .map((o) => (o.results[0]!.ok ? o.results[0]!.seq : -1))
      .sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: n }, (_, i) => seq + 1 + i));
    const log = await db.opLog.findMany({
      where: { modelId },
      orderBy: { seq: 'asc' },
      select: { seq: true },
    });
    expect(log.map((l) => l.seq)).toEqual(Array.from({ length: seq + n }, (_, i) => i + 1));
  });

  it('rejects an op holding text PostgreSQL cannot store without failing the batch', async () => {
    const { db } = database;
    const { modelId, diagramId, seq } = await newModel();
    const { results } = await commitOps({
      db,
      modelId,
      actor: 'owner',
      ops: [
        { opId: newId(), op: actorOp(diagramId, newId(), 'a\u0000b') },
        { opId: newId(), op: actorOp(diagramId, newId(), 'lone \ud800 surrogate') },
        { opId: newId(), op: actorOp(diagramId, newId(), 'pair \ud83d\ude00 ok') },
      ],
    });
    expect(results.map((r) => (r.ok ? r.seq : r.error.code))).toEqual([
      'invalid_op',
      'invalid_op',
      seq + 1,
    ]);
  });

  it('throws not_found for a model that does not exist', async () => {
    await expect(
      commitOps({ db: database.db, modelId: 'nope', actor: 'owner', ops: [] }),
    ).rejects.toMatchObject({ name: 'AppError', code: 'not_found' });
  });
});
