import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../model/records';
import { ManualScheduler, MemoryNetwork, seededRandom } from './memory-network.test-helper';
import { MemoryPendingStore } from './pending-store';
import { PROTOCOL_VERSION, type SyncError } from './protocol';
import { SyncClient, type SyncUpdate } from './sync-client';
import type { SyncTransport } from './transport';

const MODEL = 'm1';
const D = 'd1';
const records = (): ModelRecord[] =>
  [
    { id: MODEL, typeName: 'model', title: 'T' },
    { id: D, typeName: 'diagram' },
    { id: 'p1', typeName: 'process', diagramId: D, name: 'API' },
    { id: 's1', typeName: 'store', diagramId: D, name: 'DB' },
  ].map((r) => r as unknown as ModelRecord);
const nameOf = (c: SyncClient, id: string) =>
  (c.records.get(id) as { name?: string } | undefined)?.name;

/** Two editors and a viewer on a reference server; the network delivers instantly unless told otherwise. */
async function setup(
  options: { maxDelayMs?: number; snapshotAfter?: number; reorder?: boolean } = {},
) {
  const scheduler = new ManualScheduler();
  const network = new MemoryNetwork(
    scheduler,
    {
      random: seededRandom(1),
      maxDelayMs: options.maxDelayMs ?? 0,
      reorder: options.reorder ?? false,
    },
    { snapshotAfter: options.snapshotAfter ?? 1000 },
  );
  // The reference server fills defaults the way validateOp does; the seed goes through it too.
  network.createModel(MODEL, [], { alice: 'editor', bob: 'editor', val: 'viewer' });
  const seed = network.server.submitBatch('alice', {
    modelId: MODEL,
    ops: records().map((record, i) => ({ opId: `seed${i}`, op: { type: 'put', record } })),
  });
  expect(seed.ack.ok).toBe(true);
  let n = 0;
  const client = async (actor: string, store = new MemoryPendingStore()) => {
    const transport = network.transport(actor);
    const c = new SyncClient({
      modelId: MODEL,
      transport,
      store,
      scheduler,
      newOpId: () => `${actor}-${n++}`,
      gapTimeoutMs: 100,
      retryMs: 50,
    });
    await c.start();
    transport.connect();
    scheduler.advance(10);
    return { c, transport, store };
  };
  return { scheduler, network, client };
}

describe('SyncClient', () => {
  it('SYNC-VIEW-1: a local edit shows at once, and a remote op does not overwrite a field with a pending local change', async () => {
    const { scheduler, client } = await setup({ maxDelayMs: 20 });
    const a = await client('alice');
    const b = await client('bob');
    scheduler.advance(100);
    a.c.apply({ type: 'patch', id: 'p1', fields: { name: 'alice name' } });
    expect(nameOf(a.c, 'p1')).toBe('alice name');
    expect(a.c.pendingCount).toBe(1);
    // Bob's edit of the same field reaches the server first (Alice's submit is still on the wire).
    b.c.apply({ type: 'patch', id: 'p1', fields: { name: 'bob name', x: 5 } });
    const updates: SyncUpdate[] = [];
    a.c.subscribe((u) => updates.push(u));
    scheduler.runUntilIdle();
    // Server order decides: whichever committed last wins everywhere; every replica agrees.
    expect(nameOf(a.c, 'p1')).toBe(nameOf(b.c, 'p1'));
    expect((a.c.records.get('p1') as { x: number }).x).toBe(5);
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => [...u.changed].every((id) => id === 'p1'))).toBe(true);
  });

  it('SYNC-VIEW-1: while the local op is pending, the view keeps the local value over a newer remote one', async () => {
    const { scheduler, network, client } = await setup();
    const a = await client('alice');
    a.transport.disconnect();
    a.c.apply({ type: 'patch', id: 'p1', fields: { name: 'mine' } });
    // Someone else commits a different name and a different field.
    network.server.submit('bob', {
      modelId: MODEL,
      opId: 'x1',
      op: { type: 'patch', id: 'p1', fields: { name: 'theirs', x: 7 } },
    });
    a.transport.connect();
    // Joining replays the remote op into confirmed state; the pending op stays on top until it is committed after it.
    let sawTheirs = false;
    a.c.subscribe(() => {
      if (nameOf(a.c, 'p1') === 'theirs' && a.c.pendingCount > 0) sawTheirs = true;
    });
    scheduler.runUntilIdle();
    expect(sawTheirs).toBe(false);
    expect(nameOf(a.c, 'p1')).toBe('mine');
    expect((a.c.records.get('p1') as { x: number }).x).toBe(7);
    expect(a.c.pendingCount).toBe(0);
  });

  it('SYNC-VIEW-1: confirming an own op emits an update even when nothing on screen changes (the pending count does)', async () => {
    const { scheduler, client } = await setup({ maxDelayMs: 5 });
    const a = await client('alice');
    scheduler.runUntilIdle();
    a.c.apply({ type: 'patch', id: 'p1', fields: { name: 'x' } });
    const updates: SyncUpdate[] = [];
    a.c.subscribe((u) => updates.push(u));
    scheduler.runUntilIdle();
    expect(a.c.pendingCount).toBe(0);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.changed.size).toBe(0);
  });

  it('SYNC-REJECT-1: a refused op is dropped, the view recomputed and a rejection event names the code', async () => {
    const { scheduler, client } = await setup();
    const v = await client('val');
    const rejections: SyncError[] = [];
    v.c.on('rejected', (r) => rejections.push(r.error));
    v.c.apply({ type: 'patch', id: 'p1', fields: { name: 'viewer edit' } });
    expect(nameOf(v.c, 'p1')).toBe('viewer edit');
    scheduler.runUntilIdle();
    expect(nameOf(v.c, 'p1')).toBe('API');
    expect(v.c.pendingCount).toBe(0);
    expect(rejections).toEqual([{ code: 'forbidden', message: 'viewers cannot change the model' }]);
  });

  it('SYNC-LOCAL-1: an invalid local edit changes nothing and names the op and problem', async () => {
    const { client } = await setup();
    const a = await client('alice');
    const result = a.c.apply([
      { type: 'patch', id: 'p1', fields: { name: 'ok' } },
      { type: 'patch', id: 'nope', fields: { name: 'x' } },
    ]);
    expect(result).toMatchObject({ ok: false, index: 1, error: { code: 'not_found' } });
    expect(nameOf(a.c, 'p1')).toBe('API');
    expect(a.c.pendingCount).toBe(0);
  });

  it('SYNC-PERSIST-1: pending ops survive a reload and are applied exactly once', async () => {
    const { scheduler, network, client } = await setup();
    const a = await client('alice');
    a.transport.disconnect();
    a.c.apply({
      type: 'put',
      record: {
        id: 'n1',
        typeName: 'actor',
        diagramId: D,
        name: 'offline actor',
      } as unknown as ModelRecord,
    });
    a.c.apply({ type: 'patch', id: 'n1', fields: { name: 'renamed offline' } });
    await a.c.flush();
    a.c.stop();
    expect(await a.store.load(MODEL)).toHaveLength(2);
    const reloaded = await client('alice', a.store);
    expect(nameOf(reloaded.c, 'n1')).toBe('renamed offline');
    scheduler.runUntilIdle();
    await reloaded.c.flush();
    expect(network.server.records(MODEL).find((r) => r.id === 'n1')).toMatchObject({
      name: 'renamed offline',
    });
    expect(network.server.seq(MODEL)).toBe(records().length + 2);
    expect(await reloaded.store.load(MODEL)).toEqual([]);
  });

  it('SYNC-RECONNECT-3: an op committed whose ack was lost is re-sent after reconnect and applied once', async () => {
    const { scheduler, network, client } = await setup({ maxDelayMs: 10 });
    const a = await client('alice');
    scheduler.runUntilIdle();
    const seqBefore = network.server.seq(MODEL);
    a.c.apply({ type: 'patch', id: 's1', fields: { name: 'once' } });
    // Let the submit reach the server, then drop the socket before the ack comes back.
    for (let i = 0; i < 20 && network.server.seq(MODEL) === seqBefore; i++) scheduler.advance(1);
    expect(network.server.seq(MODEL)).toBe(seqBefore + 1);
    a.transport.disconnect();
    expect(a.c.pendingCount).toBe(1);
    a.transport.connect();
    scheduler.runUntilIdle();
    expect(network.server.seq(MODEL)).toBe(seqBefore + 1);
    expect(a.c.pendingCount).toBe(0);
    expect(a.c.confirmedSeq).toBe(seqBefore + 1);
  });

  it('SYNC-RECONNECT-2: far behind, a rejoin gets a snapshot and still converges', async () => {
    const { scheduler, network, client } = await setup({ snapshotAfter: 3 });
    const a = await client('alice');
    a.transport.disconnect();
    for (let i = 0; i < 10; i++)
      network.server.submit('bob', {
        modelId: MODEL,
        opId: `b${i}`,
        op: { type: 'patch', id: 'p1', fields: { x: i } },
      });
    const join = network.server.join('alice', {
      modelId: MODEL,
      lastSeq: a.c.confirmedSeq,
      protocolVersion: PROTOCOL_VERSION,
    });
    expect(join).toMatchObject({ ok: true, snapshot: {} });
    a.transport.connect();
    scheduler.runUntilIdle();
    expect(a.c.confirmedSeq).toBe(network.server.seq(MODEL));
    expect((a.c.records.get('p1') as { x: number }).x).toBe(9);
  });

  it('SYNC-REORDER-1: broadcasts that arrive out of order are applied in seq order; a lasting gap triggers a catch-up', async () => {
    const scheduler = new ManualScheduler();
    const handlers = new Map<string, (p: unknown) => void>();
    const emitted: string[] = [];
    const transport: SyncTransport = {
      connected: true,
      on: (e, h) => void handlers.set(e, h),
      emit: (event, _payload, ack) => {
        emitted.push(event);
        if (event === 'join') ack?.({ ok: true, seq: 0, snapshot: { records: records() } });
      },
    };
    const c = new SyncClient({ modelId: MODEL, transport, scheduler, gapTimeoutMs: 100 });
    await c.start();
    const op = (seq: number, name: string) => ({
      modelId: MODEL,
      seq,
      opId: `o${seq}`,
      actor: 'bob',
      op: { type: 'patch', id: 'p1', fields: { name } },
    });
    handlers.get('op')!(op(2, 'second'));
    expect(nameOf(c, 'p1')).toBe('API');
    handlers.get('op')!(op(1, 'first'));
    expect(nameOf(c, 'p1')).toBe('second');
    expect(c.confirmedSeq).toBe(2);
    handlers.get('op')!(op(4, 'fourth'));
    expect(c.confirmedSeq).toBe(2);
    scheduler.advance(150);
    expect(emitted.filter((e) => e === 'join')).toHaveLength(2);
  });

  it('SYNC-UNDO-1: undo reverts only the user own edits, as new ops; redo re-applies them', async () => {
    const { scheduler, client } = await setup();
    const a = await client('alice');
    const b = await client('bob');
    a.c.apply({ type: 'patch', id: 'p1', fields: { name: 'alice 1' } });
    scheduler.runUntilIdle();
    b.c.apply({ type: 'patch', id: 's1', fields: { name: 'bob 1' } });
    scheduler.runUntilIdle();
    expect(a.c.undo()).toBe(true);
    scheduler.runUntilIdle();
    expect(nameOf(b.c, 'p1')).toBe('API');
    expect(nameOf(b.c, 's1')).toBe('bob 1');
    expect(a.c.undo()).toBe(false);
    expect(a.c.redo()).toBe(true);
    scheduler.runUntilIdle();
    expect(nameOf(b.c, 'p1')).toBe('alice 1');
  });

  it('SYNC-UNDO-2: undo of an edit to a record someone else removed is skipped cleanly', async () => {
    const { scheduler, client } = await setup();
    const a = await client('alice');
    const b = await client('bob');
    a.c.apply({
      type: 'put',
      record: { id: 'n1', typeName: 'actor', diagramId: D, name: 'temp' } as unknown as ModelRecord,
    });
    a.c.apply({ type: 'patch', id: 'p1', fields: { name: 'kept' } });
    a.c.apply({ type: 'patch', id: 'n1', fields: { name: 'edited' } });
    scheduler.runUntilIdle();
    b.c.apply({ type: 'remove', id: 'n1' });
    scheduler.runUntilIdle();
    // The last two entries touch n1, which is gone: undo skips them and reverts the p1 edit.
    const seq = a.c.confirmedSeq;
    expect(a.c.undo()).toBe(true);
    scheduler.runUntilIdle();
    expect(a.c.records.has('n1')).toBe(false);
    expect(nameOf(a.c, 'p1')).toBe('API');
    expect(a.c.confirmedSeq).toBe(seq + 1);
  });

  it('SYNC-UNDO-3: undo leaves alone a field another user changed since', async () => {
    const { scheduler, client } = await setup();
    const a = await client('alice');
    const b = await client('bob');
    a.c.apply({ type: 'patch', id: 'p1', fields: { name: 'alice', x: 10 } });
    scheduler.runUntilIdle();
    b.c.apply({ type: 'patch', id: 'p1', fields: { name: 'bob' } });
    scheduler.runUntilIdle();
    expect(a.c.undo()).toBe(true);
    scheduler.runUntilIdle();
    expect(nameOf(a.c, 'p1')).toBe('bob');
    expect((a.c.records.get('p1') as { x: number }).x).toBe(0);
  });

  it('SYNC-UNDO-4: undo of a remove restores the record with its cascade', async () => {
    const { scheduler, client } = await setup();
    const a = await client('alice');
    a.c.apply({
      type: 'put',
      record: {
        id: 'f1',
        typeName: 'flow',
        diagramId: D,
        sourceId: 'p1',
        targetId: 's1',
      } as unknown as ModelRecord,
    });
    scheduler.runUntilIdle();
    a.c.apply({ type: 'remove', id: 's1' });
    expect(a.c.records.has('f1')).toBe(false);
    a.c.undo();
    scheduler.runUntilIdle();
    expect(a.c.records.get('s1')).toMatchObject({ name: 'DB' });
    expect(a.c.records.get('f1')).toMatchObject({ sourceId: 'p1', targetId: 's1' });
    expect(a.c.pendingCount).toBe(0);
  });

  it('SYNC-PROTO-1: a version mismatch is fatal and reported', async () => {
    const fatal: SyncError[] = [];
    const transport: SyncTransport = {
      connected: true,
      on: () => {},
      emit: (_e, _p, ack) =>
        ack?.({ ok: false, error: { code: 'version_mismatch', message: 'reload' } }),
    };
    const c = new SyncClient({ modelId: MODEL, transport, scheduler: new ManualScheduler() });
    c.on('fatal', (e) => fatal.push(e));
    await c.start();
    expect(c.status).toBe('failed');
    expect(fatal).toEqual([{ code: 'version_mismatch', message: 'reload' }]);
  });

  it('SYNC-RECONNECT-4: a snapshot in pages is put together before the ack; a missing page makes the client join again', async () => {
    const handlers = new Map<string, (p: unknown) => void>();
    const joins: unknown[] = [];
    let drop = true;
    const [first, second, last] = [
      records().slice(0, 2),
      records().slice(2, 3),
      records().slice(3),
    ];
    const transport: SyncTransport = {
      connected: true,
      on: (e, h) => void handlers.set(e, h),
      emit: (event, payload, ack) => {
        if (event !== 'join') return;
        joins.push(payload);
        const page = handlers.get('snapshotPage')!;
        page({ modelId: MODEL, records: first });
        // The first attempt loses a page on the way; the ack still says two were sent.
        if (!drop) page({ modelId: MODEL, records: second });
        page({ modelId: 'another-model', records: records() });
        drop = false;
        ack?.({ ok: true, seq: 4, snapshot: { records: last, pages: 2 } });
      },
    };
    const scheduler = new ManualScheduler();
    const c = new SyncClient({ modelId: MODEL, transport, scheduler, retryMs: 50 });
    await c.start();
    expect(joins[0]).toMatchObject({ modelId: MODEL, snapshotPages: true });
    expect(c.status).not.toBe('synced');
    scheduler.advance(100);
    expect(joins).toHaveLength(2);
    expect(c.status).toBe('synced');
    expect([...c.records.keys()].sort()).toEqual([MODEL, D, 'p1', 's1'].sort());
    expect(c.confirmedSeq).toBe(4);
  });

  it('SYNC-AUTH-5: membership null from the server is fatal not_found; a new role is reported', async () => {
    const handlers = new Map<string, (p: unknown) => void>();
    const transport: SyncTransport = {
      connected: true,
      on: (e, h) => void handlers.set(e, h),
      emit: (event, _payload, ack) => {
        if (event === 'join') ack?.({ ok: true, seq: 0, snapshot: { records: records() } });
      },
    };
    const c = new SyncClient({ modelId: MODEL, transport, scheduler: new ManualScheduler() });
    const fatal: SyncError[] = [];
    const roles: string[] = [];
    c.on('fatal', (e) => fatal.push(e));
    c.on('role', (r) => roles.push(r));
    await c.start();
    expect(c.status).toBe('synced');
    const membership = handlers.get('membership')!;
    membership({ modelId: 'another-model', role: null });
    membership({ modelId: MODEL, role: 'viewer' });
    membership({ modelId: MODEL, role: 'superuser' });
    expect(c.status).toBe('synced');
    expect(roles).toEqual(['viewer']);
    membership({ modelId: MODEL, role: null });
    expect(c.status).toBe('failed');
    expect(fatal).toEqual([
      { code: 'not_found', message: 'you no longer have access to this model' },
    ]);
  });

  it('SYNC-PRESENCE-1: presence is throttled (latest wins), heartbeats, and peers expire after silence', async () => {
    const scheduler = new ManualScheduler();
    const sent: unknown[] = [];
    const handlers = new Map<string, (p: unknown) => void>();
    const transport: SyncTransport = {
      connected: true,
      on: (e, h) => void handlers.set(e, h),
      emit: (event, payload, ack) => {
        if (event === 'join') ack?.({ ok: true, seq: 0, snapshot: { records: records() } });
        if (event === 'presence') sent.push((payload as { state: unknown }).state);
      },
    };
    const c = new SyncClient({
      modelId: MODEL,
      transport,
      scheduler,
      presenceIntervalMs: 33,
      presenceHeartbeatMs: 10_000,
      presenceExpiryMs: 30_000,
    });
    await c.start();
    for (let x = 0; x < 10; x++) c.setPresence({ cursor: { x, y: 0 } });
    expect(sent).toHaveLength(1);
    scheduler.advance(40);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ cursor: { x: 9, y: 0 } });
    scheduler.advance(10_000);
    expect(sent).toHaveLength(3);
    handlers.get('presence')!({
      modelId: MODEL,
      clientId: 'c2',
      user: { id: 'bob', name: 'Bob' },
      state: { cursor: { x: 1, y: 1 } },
    });
    expect(c.peers.get('c2')?.state.cursor).toEqual({ x: 1, y: 1 });
    scheduler.advance(45_000);
    expect(c.peers.size).toBe(0);
    handlers.get('presence')!({
      modelId: MODEL,
      clientId: 'c3',
      user: { id: 'bob', name: 'Bob' },
      state: { cursor: null },
    });
    handlers.get('presence')!({
      modelId: MODEL,
      clientId: 'c3',
      user: { id: 'bob', name: 'Bob' },
      state: null,
    });
    expect(c.peers.size).toBe(0);
    c.stop();
  });
});
