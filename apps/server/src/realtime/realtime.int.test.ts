import {
  newId,
  PROTOCOL_VERSION,
  type ModelRecord,
  type OpBroadcast,
  type PresenceBroadcast,
} from '@threatloom/core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open-database';
import { commitOps } from '../services/ops/commit-ops';
import {
  createTestDatabase,
  processRecord,
  request,
  seedModel,
  socketFor,
  sorted,
  startInProcess,
  syncClientFor,
  waitFor,
  type Member,
} from './realtime.test-helper';

let dbHandle: Awaited<ReturnType<typeof createTestDatabase>>;
let server: Awaited<ReturnType<typeof startInProcess>>['server'];
let baseUrl: string;
let database: Database;
let modelId: string;
let diagramId: string;
let owner: Member, editor: Member, commenter: Member, viewer: Member;
let otherModel: { modelId: string; diagramId: string; members: Member[] };
const sockets: Socket[] = [];

const open = async (token: string | undefined): Promise<Socket> => {
  const s = socketFor(baseUrl, token, { reconnection: false });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', (err) => reject(err));
  });
  return s;
};
const joined = async (member: Member, id = modelId): Promise<Socket> => {
  const s = await open(member.token);
  const ack = (await request(s, 'join', { modelId: id, protocolVersion: PROTOCOL_VERSION })) as {
    ok: boolean;
  };
  expect(ack.ok).toBe(true);
  return s;
};
const opsOf = async (id: string) =>
  database.db.opLog.findMany({ where: { modelId: id }, orderBy: { seq: 'asc' } });
const recordOf = async (id: string, recordId: string) =>
  (await database.db.record.findUnique({ where: { modelId_id: { modelId: id, id: recordId } } }))
    ?.data as ModelRecord | undefined;

beforeAll(async () => {
  dbHandle = await createTestDatabase();
  ({ server, baseUrl } = await startInProcess(dbHandle.url));
  database = server.database;
  const seeded = await seedModel(database, ['owner', 'editor', 'commenter', 'viewer']);
  ({ modelId, diagramId } = seeded);
  [owner, editor, commenter, viewer] = seeded.members as [Member, Member, Member, Member];
  otherModel = await seedModel(database, ['owner']);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
  await dbHandle?.drop();
});

describe('SYNC-AUTH-0: the handshake needs a session cookie or an API token', () => {
  it('refuses a socket without credentials or with a wrong token', async () => {
    await expect(open(undefined)).rejects.toMatchObject({
      message: 'sign in or pass auth.token',
      data: { code: 'unauthorized' },
    });
    await expect(open('tl_not-a-token')).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    await expect(open(42 as unknown as string)).rejects.toMatchObject({
      data: { code: 'unauthorized' },
    });
  });

  it('accepts the session cookie from the same origin and refuses it from a foreign origin', async () => {
    const email = `cookie-${newId().slice(0, 6)}@example.com`;
    const credentials = { email, password: 'correct horse battery staple', name: 'Cookie' };
    const headers = { 'content-type': 'application/json', origin: baseUrl };
    await fetch(`${baseUrl}/api/auth/register`, {
      method: 'POST',
      headers,
      body: JSON.stringify(credentials),
    });
    // Registration signs nobody in but the first account (docs/api.md); the login does.
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify(credentials),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { io } = await import('socket.io-client');
    const connect = (origin: string) =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(baseUrl, {
          transports: ['websocket'],
          reconnection: false,
          extraHeaders: { cookie, origin },
        });
        sockets.push(s);
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      });
    const ok = await connect(baseUrl);
    expect(ok.connected).toBe(true);
    // Another scheme is another origin: REST writes refuse it too (test/proxy-origin.int.test.ts).
    await expect(connect(baseUrl.replace('http:', 'https:'))).rejects.toMatchObject({
      data: { code: 'forbidden' },
    });
    await expect(connect('https://evil.example')).rejects.toMatchObject({
      data: { code: 'forbidden' },
    });
    await expect(connect('null')).rejects.toMatchObject({ data: { code: 'forbidden' } });
  });
});

describe('SYNC-PROTO-1: a client of another protocol version is told to reload', () => {
  it('answers version_mismatch and joins nothing', async () => {
    const s = await open(editor.token);
    expect(
      await request(s, 'join', { modelId, protocolVersion: PROTOCOL_VERSION + 1 }),
    ).toMatchObject({ ok: false, error: { code: 'version_mismatch' } });
    expect(
      await request(s, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: diagramId, fields: { title: 'x' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_joined' },
    });
  });
});

describe('SYNC-AUTH-3: joining needs membership; unknown and foreign models look the same', () => {
  it('answers not_found for a model the user cannot see and for one that does not exist', async () => {
    const s = await open(editor.token);
    expect(
      await request(s, 'join', { modelId: otherModel.modelId, protocolVersion: PROTOCOL_VERSION }),
    ).toEqual({ ok: false, error: { code: 'not_found', message: 'model not found' } });
    expect(
      await request(s, 'join', { modelId: 'no-such-model', protocolVersion: PROTOCOL_VERSION }),
    ).toEqual({ ok: false, error: { code: 'not_found', message: 'model not found' } });
    // Not joined: the other model's ops never reach this socket, and submits to it are refused.
    expect(
      await request(s, 'submit', {
        modelId: otherModel.modelId,
        opId: newId(),
        op: { type: 'remove', id: otherModel.diagramId },
      }),
    ).toMatchObject({ error: { code: 'not_joined' } });
  });
});

describe('SYNC-ORDER-1 / SYNC-ACK-1: committed ops are acked with their seq, then broadcast to the whole room', () => {
  it('acks after commit and broadcasts { modelId, seq, opId, actor, op } to everyone, the sender included', async () => {
    const a = await joined(editor);
    const b = await joined(viewer);
    const c = await open(owner.token);
    expect(
      await request(c, 'join', { modelId, protocolVersion: PROTOCOL_VERSION, batch: true }),
    ).toMatchObject({ ok: true });
    const seen: OpBroadcast[] = [];
    const seenBySender: OpBroadcast[] = [];
    const batches: { modelId: string; ops: OpBroadcast[] }[] = [];
    b.on('op', (m: OpBroadcast) => seen.push(m));
    a.on('op', (m: OpBroadcast) => seenBySender.push(m));
    c.on('ops', (m: { modelId: string; ops: OpBroadcast[] }) => batches.push(m));
    c.on('op', (m: OpBroadcast) => seen.push(m));
    const id = newId();
    const opId = newId();
    const ack = (await request(a, 'submit', {
      modelId,
      opId,
      op: { type: 'put', record: processRecord(id, diagramId) },
    })) as { ok: true; seq: number };
    expect(ack.ok).toBe(true);
    // Acked means committed: the row and the op-log entry are there.
    expect((await recordOf(modelId, id))?.typeName).toBe('process');
    expect((await opsOf(modelId)).find((o) => o.opId === opId)?.seq).toBe(ack.seq);
    await waitFor(
      () => seen.length > 0 && seenBySender.length > 0 && batches.length > 0,
      'broadcast',
    );
    expect(seen[0]).toMatchObject({
      modelId,
      seq: ack.seq,
      opId,
      actor: editor.id,
      op: { type: 'put', record: { id, typeName: 'process', name: 'Service' } },
    });
    expect(seenBySender[0]).toEqual(seen[0]);
    // A client that joined with `batch: true` gets the transaction as one `ops` message instead (and no `op`).
    expect(batches[0]).toEqual({ modelId, ops: [seen[0]] });
    expect(seen).toHaveLength(1);
  });
});

describe('SYNC-IDEM-1: re-submitting an opId is idempotent', () => {
  it('returns the original seq, writes nothing and broadcasts nothing the second time', async () => {
    const a = await joined(editor);
    const heard: OpBroadcast[] = [];
    a.on('op', (m: OpBroadcast) => heard.push(m));
    const opId = newId();
    const op = { type: 'patch', id: diagramId, fields: { title: 'Once' } };
    const first = (await request(a, 'submit', { modelId, opId, op })) as { seq: number };
    const before = (await opsOf(modelId)).length;
    const again = await request(a, 'submit', {
      modelId,
      opId,
      op: { type: 'patch', id: diagramId, fields: { title: 'Twice' } },
    });
    expect(again).toEqual({ ok: true, seq: first.seq });
    expect((await opsOf(modelId)).length).toBe(before);
    expect((await recordOf(modelId, diagramId)) as { title: string }).toMatchObject({
      title: 'Once',
    });
    // Broadcasts reach a socket in commit order: once a later op is heard, a second broadcast
    // of the duplicate would have arrived before it.
    const later = newId();
    await request(a, 'submit', {
      modelId,
      opId: later,
      op: { type: 'patch', id: diagramId, fields: { description: 'later' } },
    });
    await waitFor(() => heard.some((h) => h.opId === later), 'the later op broadcast');
    expect(heard.filter((h) => h.opId === opId)).toHaveLength(1);
  });
});

describe('SYNC-AUTH-1 / SYNC-AUTH-2: roles are checked per op over the socket', () => {
  it('SYNC-AUTH-1: viewers cannot change anything', async () => {
    const s = await joined(viewer);
    const before = (await opsOf(modelId)).length;
    expect(
      await request(s, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: diagramId, fields: { title: 'viewer was here' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const comment = {
      id: newId(),
      typeName: 'comment',
      targetId: diagramId,
      body: 'hi',
      authorId: viewer.id,
    };
    expect(
      await request(s, 'submit', { modelId, opId: newId(), op: { type: 'put', record: comment } }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await opsOf(modelId)).length).toBe(before);
  });

  it('SYNC-AUTH-2: commenters add and edit their own comments, nothing else', async () => {
    const s = await joined(commenter);
    const mine = {
      id: newId(),
      typeName: 'comment',
      targetId: diagramId,
      body: 'looks risky',
      authorId: commenter.id,
    };
    expect(
      await request(s, 'submit', { modelId, opId: newId(), op: { type: 'put', record: mine } }),
    ).toMatchObject({ ok: true });
    expect(
      await request(s, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: mine.id, fields: { body: 'very risky' } },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await request(s, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: diagramId, fields: { title: 'nope' } },
      }),
    ).toMatchObject({ error: { code: 'forbidden' } });
    const forged = { ...mine, id: newId(), authorId: owner.id };
    expect(
      await request(s, 'submit', { modelId, opId: newId(), op: { type: 'put', record: forged } }),
    ).toMatchObject({ error: { code: 'forbidden' } });
    // The owner's comment is not the commenter's to edit.
    const ownerSocket = await joined(owner);
    const theirs = {
      id: newId(),
      typeName: 'comment',
      targetId: diagramId,
      body: 'owner note',
      authorId: owner.id,
    };
    expect(
      await request(ownerSocket, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'put', record: theirs },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await request(s, 'submit', { modelId, opId: newId(), op: { type: 'remove', id: theirs.id } }),
    ).toMatchObject({ error: { code: 'forbidden' } });
    expect(((await recordOf(modelId, mine.id)) as { body: string }).body).toBe('very risky');
    expect(await recordOf(modelId, theirs.id)).toBeDefined();
  });

  it('SYNC-AUTH-4: a member removed mid-session can no longer write', async () => {
    const seeded = await seedModel(database, ['owner', 'editor']);
    const s = await joined(seeded.members[1]!, seeded.modelId);
    expect(
      await request(s, 'submit', {
        modelId: seeded.modelId,
        opId: newId(),
        op: { type: 'patch', id: seeded.diagramId, fields: { title: 'a' } },
      }),
    ).toMatchObject({ ok: true });
    await database.db.membership.delete({
      where: { modelId_userId: { modelId: seeded.modelId, userId: seeded.members[1]!.id } },
    });
    expect(
      await request(s, 'submit', {
        modelId: seeded.modelId,
        opId: newId(),
        op: { type: 'patch', id: seeded.diagramId, fields: { title: 'b' } },
      }),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
  });
});

describe('SYNC-VALID-1: malformed and hostile messages are refused without effect', () => {
  it('refuses wrong types, unknown ids, ids of another model and broken invariants with a code and a path', async () => {
    const s = await joined(editor);
    const before = (await opsOf(modelId)).length;
    const otherDiagram = otherModel.diagramId;
    const cases: [unknown, string][] = [
      [null, 'invalid_message'],
      ['a string', 'invalid_message'],
      [{ modelId, opId: newId(), op: { type: 'explode' } }, 'invalid_message'],
      [{ modelId, opId: 42, op: { type: 'remove', id: diagramId } }, 'invalid_message'],
      [
        {
          modelId,
          opId: newId(),
          op: { type: 'put', record: { ...processRecord(newId(), diagramId), x: 'left' } },
        },
        'invalid_message',
      ],
      [
        {
          modelId,
          opId: newId(),
          op: { type: 'patch', id: 'does-not-exist', fields: { name: 'x' } },
        },
        'not_found',
      ],
      [{ modelId, opId: newId(), op: { type: 'remove', id: otherDiagram } }, 'not_found'],
      [
        {
          modelId,
          opId: newId(),
          op: { type: 'put', record: processRecord(newId(), otherDiagram) },
        },
        'invariant',
      ],
      [
        {
          modelId,
          opId: newId(),
          op: { type: 'patch', id: diagramId, fields: { typeName: 'actor' } },
        },
        'immutable_field',
      ],
      [
        {
          modelId,
          opId: newId(),
          op: { type: 'patch', id: diagramId, fields: { methodology: 'astrology' } },
        },
        'invalid_op',
      ],
    ];
    for (const [payload, code] of cases) {
      const ack = (await request(s, 'submit', payload)) as {
        ok: boolean;
        error: { code: string; message: string };
      };
      expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code } });
    }
    const bad = (await request(s, 'submit', {
      modelId,
      opId: newId(),
      op: { type: 'put', record: { ...processRecord(newId(), diagramId), x: 'left' } },
    })) as {
      error: { issues: { path: string }[] };
    };
    expect(bad.error.issues.map((i) => i.path)).toContain('op.record.x');
    expect(await request(s, 'submitBatch', { modelId, ops: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_message' },
    });
    expect(
      await request(s, 'join', { modelId: 42, protocolVersion: PROTOCOL_VERSION }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    // The other model is untouched and nothing was written here.
    expect(await recordOf(otherModel.modelId, otherDiagram)).toBeDefined();
    expect((await opsOf(modelId)).length).toBe(before);
    // The connection survived all of it.
    expect(
      await request(s, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: diagramId, fields: { description: 'still here' } },
      }),
    ).toMatchObject({ ok: true });
  });

  it('SYNC-LIMIT-1: a 10 MB message closes that connection cleanly and writes nothing; the server keeps serving', async () => {
    const s = await joined(editor);
    const before = (await opsOf(modelId)).length;
    const closed = new Promise<string>((resolve) =>
      s.once('disconnect', (reason) => resolve(reason)),
    );
    s.emit('submit', {
      modelId,
      opId: newId(),
      op: { type: 'patch', id: diagramId, fields: { description: 'x'.repeat(10 * 1024 * 1024) } },
    });
    expect(await closed).toBe('transport close');
    expect((await opsOf(modelId)).length).toBe(before);
    const again = await joined(editor);
    expect(
      await request(again, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: diagramId, fields: { description: 'after the flood' } },
      }),
    ).toMatchObject({ ok: true });
  });

  it('SYNC-LIMIT-2: a flood of submits is answered rate_limited, and the socket and server survive', async () => {
    const s = await joined(editor);
    const answers = await Promise.all(
      Array.from({ length: 1500 }, (_, i) =>
        request(
          s,
          'submit',
          { modelId, opId: newId(), op: { type: 'patch', id: diagramId, fields: { order: i } } },
          30_000,
        ),
      ),
    );
    const codes = answers.map((a) =>
      (a as { ok: boolean }).ok ? 'ok' : (a as { error: { code: string } }).error.code,
    );
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 'ok').length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['ok', 'rate_limited']));
    expect(s.connected).toBe(true);
    const other = await joined(owner);
    expect(
      await request(other, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: diagramId, fields: { title: 'served' } },
      }),
    ).toMatchObject({ ok: true });
  });

  it('SYNC-LIMIT-2: a flood of joins is answered rate_limited instead of loading the database', async () => {
    const s = await open(viewer.token);
    const answers = (await Promise.all(
      Array.from({ length: 60 }, () =>
        request(s, 'join', { modelId, protocolVersion: PROTOCOL_VERSION }),
      ),
    )) as { ok: boolean; error?: { code: string } }[];
    expect(answers.filter((a) => a.ok).length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.error?.code === 'rate_limited').length).toBeGreaterThan(20);
    expect(s.connected).toBe(true);
  });
});

describe('SYNC-RECONNECT-1 / SYNC-RECONNECT-2: catch-up from the op log, snapshot without a seq', () => {
  it('replays the ops after lastSeq in order, and gives the whole state without one', async () => {
    const s = await joined(editor);
    const first = (await request(s, 'join', { modelId, protocolVersion: PROTOCOL_VERSION })) as {
      seq: number;
      snapshot: { records: ModelRecord[] };
    };
    const rows = await database.db.record.findMany({ where: { modelId } });
    expect(sorted(first.snapshot.records)).toEqual(sorted(rows.map((r) => r.data as ModelRecord)));
    for (const name of ['a', 'b', 'c'])
      await request(s, 'submit', {
        modelId,
        opId: newId(),
        op: { type: 'patch', id: diagramId, fields: { title: name } },
      });
    const later = (await request(s, 'join', {
      modelId,
      lastSeq: first.seq,
      protocolVersion: PROTOCOL_VERSION,
    })) as { seq: number; ops: OpBroadcast[]; snapshot?: unknown };
    expect(later.snapshot).toBeUndefined();
    expect(later.seq).toBe(first.seq + 3);
    expect(later.ops.map((o) => o.seq)).toEqual([first.seq + 1, first.seq + 2, first.seq + 3]);
    expect(
      later.ops.map((o) => (o.op as unknown as { fields: { title: string } }).fields.title),
    ).toEqual(['a', 'b', 'c']);
    // A seq from the future (say, a restored database) gets a snapshot.
    const future = (await request(s, 'join', {
      modelId,
      lastSeq: later.seq + 100,
      protocolVersion: PROTOCOL_VERSION,
    })) as { snapshot?: unknown };
    expect(future.snapshot).toBeDefined();
  });
});

describe('SYNC-RECONNECT-4: a large snapshot comes in pages when the client asks', () => {
  it('sends pages of 1,000 records before the ack, which says how many; without the flag, one ack', async () => {
    const big = await seedModel(database, ['owner']);
    const [member] = big.members as [Member];
    await commitOps({
      db: database.db,
      modelId: big.modelId,
      actor: member.id,
      ops: Array.from({ length: 2_500 }, () => ({
        opId: newId(),
        op: { type: 'put' as const, record: processRecord(newId(), big.diagramId) },
      })),
    });
    const rows = await database.db.record.findMany({ where: { modelId: big.modelId } });
    expect(rows.length).toBeGreaterThan(2_500);
    const all = sorted(rows.map((r) => r.data as ModelRecord));

    const s = await open(member.token);
    const pages: { modelId: string; records: ModelRecord[] }[] = [];
    s.on('snapshotPage', (page: (typeof pages)[number]) => pages.push(page));
    const paged = (await request(s, 'join', {
      modelId: big.modelId,
      protocolVersion: PROTOCOL_VERSION,
      snapshotPages: true,
    })) as { ok: true; seq: number; snapshot: { records: ModelRecord[]; pages: number } };
    expect(paged.snapshot.pages).toBe(Math.floor((rows.length - 1) / 1_000));
    expect(pages).toHaveLength(paged.snapshot.pages);
    expect(pages.every((p) => p.modelId === big.modelId && p.records.length === 1_000)).toBe(true);
    expect(sorted([...pages.flatMap((p) => p.records), ...paged.snapshot.records])).toEqual(all);

    // A client written from the contract, without the flag, gets the whole snapshot in the ack.
    pages.length = 0;
    const whole = (await request(s, 'join', {
      modelId: big.modelId,
      protocolVersion: PROTOCOL_VERSION,
    })) as { snapshot: { records: ModelRecord[]; pages?: number } };
    expect(whole.snapshot.pages).toBeUndefined();
    expect(pages).toEqual([]);
    expect(sorted(whole.snapshot.records)).toEqual(all);

    // The SyncClient the web app runs asks for pages and ends up with every record.
    const client = await syncClientFor(await open(member.token), big.modelId);
    await waitFor(() => client.status === 'synced', 'the paged join');
    expect(sorted(client.records.values())).toEqual(all);
    client.stop();
  });
});

describe('SYNC-GROUP-1: ops that arrive together are committed together', () => {
  it('commits many clients submitting at once in fewer transactions than ops, each with its own result', async () => {
    const seeded = await seedModel(database, ['owner', 'editor', 'editor', 'editor', 'editor']);
    const clients = await Promise.all(seeded.members.map((m) => joined(m, seeded.modelId)));
    const ids = clients.map(() => newId());
    const answers = await Promise.all(
      clients.flatMap((c, i) =>
        Array.from({ length: 20 }, (_, k) =>
          request(c, 'submit', {
            modelId: seeded.modelId,
            opId: newId(),
            // Every fifth op of client 0 is invalid: it must fail alone.
            op:
              i === 0 && k % 5 === 4
                ? { type: 'patch', id: 'missing', fields: { name: 'x' } }
                : k === 0
                  ? { type: 'put', record: processRecord(ids[i]!, seeded.diagramId) }
                  : { type: 'patch', id: ids[i]!, fields: { x: k } },
          }),
        ),
      ),
    );
    expect(answers.filter((a) => (a as { ok: boolean }).ok)).toHaveLength(96);
    expect(answers.filter((a) => !(a as { ok: boolean }).ok)).toHaveLength(4);
    const seqs = answers.flatMap((a) =>
      (a as { ok: boolean; seq?: number }).ok ? [(a as { seq: number }).seq] : [],
    );
    expect(new Set(seqs).size).toBe(96);
    // Rows inserted by one transaction share its xmin: fewer distinct xmins than ops means ops were grouped.
    const [row] = await database.db.$queryRaw<
      { transactions: bigint }[]
    >`SELECT count(DISTINCT xmin::text) AS transactions FROM op_log WHERE model_id = ${seeded.modelId} AND seq > 2`;
    expect(Number(row!.transactions)).toBeLessThan(96);
    for (const [i, id] of ids.entries())
      expect(((await recordOf(seeded.modelId, id)) as { x: number }).x).toBe(i === 0 ? 18 : 19);
  });
});

describe('SYNC-PRESENCE-1: presence is relayed to the room and cleared when a client leaves or disconnects', () => {
  it('relays cursor and selection to others (not the sender), then null on leave and on disconnect', async () => {
    const a = await joined(editor);
    const b = await joined(viewer);
    const c = await joined(owner);
    const atB: PresenceBroadcast[] = [];
    const atA: PresenceBroadcast[] = [];
    b.on('presence', (p: PresenceBroadcast) => atB.push(p));
    a.on('presence', (p: PresenceBroadcast) => atA.push(p));
    a.emit('presence', {
      modelId,
      state: {
        diagramId,
        cursor: { x: 10, y: 20 },
        selection: [diagramId],
        editing: { id: diagramId, field: 'title' },
        drag: [],
      },
    });
    await waitFor(() => atB.length > 0, 'presence at b');
    expect(atB[0]).toMatchObject({
      modelId,
      clientId: a.id,
      user: { id: editor.id },
      state: { cursor: { x: 10, y: 20 }, editing: { field: 'title' } },
    });
    expect(atA).toHaveLength(0);
    // Garbage presence is ignored, not relayed.
    a.emit('presence', { modelId, state: { cursor: 'here' } });
    c.emit('presence', { modelId: otherModel.modelId, state: { cursor: { x: 1, y: 1 } } });
    expect(await request(a, 'leave', { modelId })).toEqual({ ok: true });
    await waitFor(
      () => atB.some((p) => p.clientId === a.id && p.state === null),
      'null presence after leave',
    );
    // socket.io-client forgets its id on disconnect: keep it.
    const cId = c.id;
    c.disconnect();
    await waitFor(
      () => atB.some((p) => p.clientId === cId && p.state === null),
      'null presence after disconnect',
    );
    expect(atB.filter((p) => p.state !== null && p.clientId === cId)).toHaveLength(0);
  });
});

describe('SYNC-PRESENCE-1: the server clears the presence of a client that goes silent', () => {
  it('sends state null to the room after presenceExpiryMs without an update', async () => {
    const { createServer: createHttpServer } = await import('node:http');
    const { Server } = await import('socket.io');
    const { attachRealtime } = await import('./attach-realtime');
    const http = createHttpServer();
    const io = new Server(http, { maxHttpBufferSize: 1e6 });
    const realtime = await attachRealtime({
      io,
      db: database.db,
      limits: { presenceExpiryMs: 300 },
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    try {
      const [a, b] = [
        socketFor(url, editor.token, { reconnection: false }),
        socketFor(url, viewer.token, { reconnection: false }),
      ];
      sockets.push(a, b);
      for (const s of [a, b])
        expect(
          await request(s, 'join', { modelId, protocolVersion: PROTOCOL_VERSION }),
        ).toMatchObject({ ok: true });
      const atB: PresenceBroadcast[] = [];
      b.on('presence', (p: PresenceBroadcast) => atB.push(p));
      a.emit('presence', { modelId, state: { cursor: { x: 1, y: 2 } } });
      await waitFor(() => atB.length === 1, 'presence relayed');
      const started = Date.now();
      await waitFor(() => atB.length === 2, 'expiry');
      expect(atB[1]).toMatchObject({ clientId: a.id, state: null });
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      expect(a.connected).toBe(true);
    } finally {
      await realtime.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    }
  });
});

describe('SYNC-CLIENT-1: SyncClients on real sockets converge with the database', () => {
  it('two engines editing the same fields end equal to the rows in PostgreSQL', async () => {
    const [sa, sb] = [await open(editor.token), await open(owner.token)];
    const [ca, cb] = [await syncClientFor(sa, modelId), await syncClientFor(sb, modelId)];
    await waitFor(() => ca.status === 'synced' && cb.status === 'synced', 'both synced');
    const id = newId();
    expect(ca.apply({ type: 'put', record: processRecord(id, diagramId, 'Shared') }).ok).toBe(true);
    await waitFor(() => cb.records.has(id), 'b sees the new process');
    for (let i = 0; i < 30; i++) {
      ca.apply({ type: 'patch', id, fields: { name: `a${i}` } });
      cb.apply({ type: 'patch', id, fields: { name: `b${i}`, x: i } });
    }
    await waitFor(
      () => ca.pendingCount === 0 && cb.pendingCount === 0 && ca.confirmedSeq === cb.confirmedSeq,
      'both settled',
    );
    const rows = sorted(
      (await database.db.record.findMany({ where: { modelId } })).map((r) => r.data as ModelRecord),
    );
    expect(sorted(ca.records.values())).toEqual(rows);
    expect(sorted(cb.records.values())).toEqual(rows);
    ca.stop();
    cb.stop();
  });
});
