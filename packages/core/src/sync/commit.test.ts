import { describe, expect, it } from 'vitest';
import type { Role } from '../model/keys';
import { toRecordMap, type Op, type RecordMap } from '../ops/ops';
import { decideCommit, MAX_OP_ID, protocolRefusal } from './commit';

const records = () =>
  toRecordMap([
    { id: 'd', typeName: 'diagram', title: '', description: '', methodology: 'stride', order: 0 },
    {
      id: 'c1',
      typeName: 'comment',
      targetId: 'd',
      parentId: null,
      body: 'mine',
      authorId: 'u1',
      authorName: '',
      createdAt: '',
      resolved: false,
    },
    {
      id: 'c2',
      typeName: 'comment',
      targetId: 'd',
      parentId: null,
      body: 'theirs',
      authorId: 'u2',
      authorName: '',
      createdAt: '',
      resolved: false,
    },
  ]);
const state = records();
const newComment = (authorId: string): Op => ({
  type: 'put',
  record: {
    id: 'c3',
    typeName: 'comment',
    targetId: 'd',
    parentId: null,
    body: 'x',
    authorId,
    authorName: '',
    createdAt: '',
    resolved: false,
  },
});
const patch = (id: string): Op => ({
  type: 'patch',
  id,
  fields: id === 'd' ? { title: 'y' } : { body: 'y' },
});

/** The refusal of one op by `actor` with `role`, or undefined when it commits. */
function checkRole(role: Role | undefined, op: Op, base: RecordMap, actor: string) {
  const outcome = decideCommit({
    state: new Map(base),
    seq: 0,
    ops: [{ opId: 'o1', op, actor }],
    roleOf: () => role,
    priorOf: () => undefined,
  });
  const [decision] = outcome.decisions;
  return decision && !decision.ok ? decision.error : undefined;
}

describe('decideCommit authorises each op for its actor (SYNC-AUTH-1, SYNC-AUTH-2)', () => {
  it('lets owners and editors change the model, and resolve but not reword others’ comments (SYNC-AUTH-7)', () => {
    for (const role of ['owner', 'editor'] as const) {
      expect(checkRole(role, patch('d'), state, 'u1')).toBeUndefined();
      const resolve: Op = { type: 'patch', id: 'c2', fields: { resolved: true } };
      expect(checkRole(role, resolve, state, 'u1')).toBeUndefined();
      expect(checkRole(role, patch('c2'), state, 'u1')?.code).toBe('forbidden');
    }
  });

  it('lets commenters add comments as themselves and change only their own', () => {
    expect(checkRole('commenter', newComment('u1'), state, 'u1')).toBeUndefined();
    expect(checkRole('commenter', newComment('u2'), state, 'u1')?.code).toBe('forbidden');
    expect(checkRole('commenter', patch('c1'), state, 'u1')).toBeUndefined();
    expect(checkRole('commenter', patch('c2'), state, 'u1')?.code).toBe('forbidden');
    expect(checkRole('commenter', { type: 'remove', id: 'c2' }, state, 'u1')?.code).toBe(
      'forbidden',
    );
    expect(checkRole('commenter', patch('d'), state, 'u1')?.code).toBe('forbidden');
  });

  it('lets viewers and non-members change nothing', () => {
    expect(checkRole('viewer', newComment('u1'), state, 'u1')?.message).toMatch(/viewers/);
    expect(checkRole(undefined, patch('c1'), state, 'u1')?.message).toMatch(/not a member/);
  });
});

describe('decideCommit for commenters editing their own comment (SYNC-AUTH-2)', () => {
  it('refuses handing a comment to another author (SYNC-AUTH-7: author fields are the server’s)', () => {
    expect(
      checkRole('commenter', { type: 'patch', id: 'c1', fields: { authorId: 'u2' } }, state, 'u1')
        ?.code,
    ).toBe('immutable_field');
  });
});

const rename = (id: string, title: string): Op => ({ type: 'patch', id, fields: { title } });

describe('decideCommit orders, skips duplicates and refuses without side effects', () => {
  const decide = (
    ops: { opId: unknown; op: unknown }[],
    options: { prior?: Map<string, { seq: number; op: Op; actor: string }>; stop?: boolean } = {},
  ) => {
    const live = records();
    const outcome = decideCommit({
      state: live,
      seq: 7,
      ops: ops.map((o) => ({ ...o, actor: 'u1' })),
      roleOf: () => 'editor',
      priorOf: (opId) => options.prior?.get(opId),
      stopAtRefusal: options.stop ?? false,
    });
    return { outcome, live };
  };

  it('advances seq by one per accepted op from the given seq (SYNC-ORDER-1)', () => {
    const { outcome, live } = decide([
      { opId: 'a', op: rename('d', 'one') },
      { opId: 'b', op: rename('d', 'two') },
    ]);
    expect(outcome.decisions.map((d) => d.ok && d.seq)).toEqual([8, 9]);
    expect(outcome.seq).toBe(9);
    expect(outcome.touched).toEqual(new Set(['d']));
    expect(live.get('d')).toMatchObject({ title: 'two' });
  });

  it('answers an opId seen before with its first result and changes nothing (SYNC-IDEM-1)', () => {
    const earlier = { seq: 3, op: rename('d', 'old'), actor: 'u2' };
    const { outcome, live } = decide(
      [
        { opId: 'seen', op: rename('d', 'new') },
        { opId: 'x', op: rename('d', 'mine') },
        { opId: 'x', op: rename('d', 'again') },
      ],
      { prior: new Map([['seen', earlier]]) },
    );
    expect(outcome.decisions[0]).toEqual({ ok: true, opId: 'seen', duplicate: true, ...earlier });
    expect(outcome.decisions[2]).toMatchObject({ ok: true, seq: 8, duplicate: true });
    expect(outcome.accepted.map((d) => d.opId)).toEqual(['x']);
    expect(outcome.seq).toBe(8);
    expect(live.get('d')).toMatchObject({ title: 'mine' });
  });

  it('refuses a bad opId or an invalid op and goes on with the next (SYNC-VALID-1)', () => {
    const { outcome } = decide([
      { opId: 'y'.repeat(MAX_OP_ID + 1), op: rename('d', 'a') },
      { opId: 'bad', op: { type: 'patch', id: 'nope', fields: { title: 'b' } } },
      { opId: 'good', op: rename('d', 'c') },
    ]);
    expect(outcome.decisions.map((d) => (d.ok ? d.seq : d.error.code))).toEqual([
      'invalid_op',
      'not_found',
      8,
    ]);
  });

  it('stops at the first refusal when asked', () => {
    const { outcome } = decide(
      [
        { opId: 'bad', op: { type: 'remove', id: 'nope' } },
        { opId: 'good', op: rename('d', 'c') },
      ],
      { stop: true },
    );
    expect(outcome.decisions).toHaveLength(1);
    expect(outcome.seq).toBe(7);
  });
});

describe('protocolRefusal (SYNC-PROTO-1)', () => {
  it('lets a join without protocolVersion through as protocol 1, as the wire contract reads', () => {
    expect(protocolRefusal({ modelId: 'm' })).toBeUndefined();
    expect(protocolRefusal({ modelId: 'm', protocolVersion: 1 })).toBeUndefined();
  });

  it('answers another version version_mismatch', () => {
    expect(protocolRefusal({ modelId: 'm', protocolVersion: 2 })?.error.code).toBe(
      'version_mismatch',
    );
    expect(protocolRefusal({ modelId: 'm', protocolVersion: '1' })?.error.code).toBe(
      'version_mismatch',
    );
  });
});
