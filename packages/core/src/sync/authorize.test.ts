import { describe, expect, it } from 'vitest';
import type { Role } from '../model/keys';
import { applyOp } from '../ops/apply';
import type { Op, RecordMap } from '../ops/ops';
import { validateOp } from '../ops/validate';
import { authorizeOp } from './authorize';
import { stampOp, type WriteOrigin } from './stamp';

const NOW = '2026-12-01T12:00:00.000Z';
/** A model in review, a diagram and Bob's comment, with defaults filled in as the server stores them. */
function state(): RecordMap {
  const s: RecordMap = new Map();
  for (const record of [
    {
      id: 'm',
      typeName: 'model',
      title: 'T',
      reviewState: 'in-review',
      reviewedBy: 'Olga',
      reviewedAt: '2026-11-01T00:00:00.000Z',
    },
    { id: 'd', typeName: 'diagram' },
    {
      id: 'c1',
      typeName: 'comment',
      targetId: 'd',
      body: 'written by bob',
      authorId: 'bob',
      authorName: 'Bob',
      createdAt: '2026-11-02T00:00:00.000Z',
    },
  ]) {
    const check = validateOp(s, { type: 'put', record });
    if (!check.ok) throw new Error(check.error.message);
    applyOp(s, check.op);
  }
  return s;
}

/** What the server does with one op: validate, stamp from the actor, authorise. */
function write(actor: string, role: Role, raw: unknown, origin: WriteOrigin = 'edit') {
  const s = state();
  const check = validateOp(s, raw);
  if (!check.ok) return { error: check.error };
  const op = stampOp({
    op: check.op,
    state: s,
    actor: { id: actor, name: `Name of ${actor}` },
    now: NOW,
    origin,
  });
  const error = authorizeOp({ role, actorId: actor, op, state: s });
  return error ? { error } : { op };
}
const recordOf = (op: Op | undefined) => (op?.type === 'put' ? op.record : undefined);

describe('SYNC-AUTH-7: the server stamps comment authorship; only the author edits a comment', () => {
  it('a new comment is authored by its sender, whatever name and time it claims', () => {
    const { op } = write('carol', 'commenter', {
      type: 'put',
      record: {
        id: 'c2',
        typeName: 'comment',
        targetId: 'd',
        body: 'hi',
        authorName: 'Alice (CISO)',
        createdAt: '1999-01-01T00:00:00.000Z',
      },
    });
    expect(recordOf(op)).toMatchObject({
      authorId: 'carol',
      authorName: 'Name of carol',
      createdAt: NOW,
    });
  });

  it('a comment claiming another author is refused for every role', () => {
    for (const role of ['owner', 'editor', 'commenter'] as const)
      expect(
        write('carol', role, {
          type: 'put',
          record: { id: 'c2', typeName: 'comment', targetId: 'd', body: 'hi', authorId: 'bob' },
        }).error,
      ).toMatchObject({ code: 'forbidden' });
  });

  it("author fields never change, not even by an owner; only the author edits a comment's text", () => {
    for (const fields of [{ authorName: 'Mallory' }, { authorId: 'alice' }, { createdAt: NOW }])
      expect(write('bob', 'owner', { type: 'patch', id: 'c1', fields }).error).toMatchObject({
        code: 'immutable_field',
      });
    for (const role of ['owner', 'editor'] as const) {
      expect(
        write('alice', role, { type: 'patch', id: 'c1', fields: { body: 'rewritten' } }).error,
      ).toMatchObject({ code: 'forbidden' });
      expect(
        write('alice', role, {
          type: 'put',
          record: {
            id: 'c1',
            typeName: 'comment',
            targetId: 'd',
            body: 'rewritten',
            authorId: 'bob',
          },
        }).error,
      ).toMatchObject({ code: 'forbidden' });
      // Resolving a thread and removing a comment (moderation) stay open to editors and owners.
      expect(
        write('alice', role, { type: 'patch', id: 'c1', fields: { resolved: true } }).op,
      ).toBeDefined();
      expect(write('alice', role, { type: 'remove', id: 'c1' }).op).toBeDefined();
    }
    expect(
      write('bob', 'commenter', { type: 'patch', id: 'c1', fields: { body: 'mine' } }).op,
    ).toBeDefined();
    // A put by the author over the comment keeps its original author fields.
    const { op } = write('bob', 'editor', {
      type: 'put',
      record: {
        id: 'c1',
        typeName: 'comment',
        targetId: 'd',
        body: 'edited',
        authorId: 'bob',
        createdAt: NOW,
      },
    });
    expect(recordOf(op)).toMatchObject({
      body: 'edited',
      authorName: 'Bob',
      createdAt: '2026-11-02T00:00:00.000Z',
    });
  });

  it('a document keeps its comments’ names and times but not their account ids', () => {
    const { op } = write(
      'owner1',
      'owner',
      {
        type: 'put',
        record: {
          id: 'c9',
          typeName: 'comment',
          targetId: 'd',
          body: 'from the file',
          authorId: 'alice',
          authorName: 'Alice',
          createdAt: '2020-01-01T00:00:00.000Z',
        },
      },
      'document',
    );
    expect(recordOf(op)).toMatchObject({
      authorId: '',
      authorName: 'Alice',
      createdAt: '2020-01-01T00:00:00.000Z',
    });
  });
});

describe('SYNC-AUTH-8: only owners change the review state; the server records who and when', () => {
  it('editors cannot approve, and cannot set reviewedBy or reviewedAt either', () => {
    expect(
      write('ed', 'editor', {
        type: 'patch',
        id: 'm',
        fields: { reviewState: 'approved', reviewedBy: 'alice (owner, CISO)' },
      }).error,
    ).toMatchObject({ code: 'forbidden' });
    expect(
      write('ed', 'editor', { type: 'patch', id: 'm', fields: { reviewNote: 'fine' } }).error,
    ).toMatchObject({ code: 'forbidden' });
    // Claimed reviewers and times are dropped: the fields keep their values.
    const { op } = write('ed', 'editor', {
      type: 'patch',
      id: 'm',
      fields: { reviewedBy: 'alice (owner, CISO)', reviewedAt: NOW, title: 'New title' },
    });
    expect(op).toEqual({ type: 'patch', id: 'm', fields: { title: 'New title' } });
    expect(
      write('ed', 'editor', {
        type: 'put',
        record: { id: 'm', typeName: 'model', title: 'T', reviewState: 'approved' },
      }).error,
    ).toMatchObject({ code: 'forbidden' });
  });

  it('an owner changes the review state and the server stamps the owner’s name and the time', () => {
    const { op } = write('olga', 'owner', {
      type: 'patch',
      id: 'm',
      fields: { reviewState: 'approved', reviewedBy: 'Someone Else', reviewedAt: '1999-01-01' },
    });
    expect(op).toEqual({
      type: 'patch',
      id: 'm',
      fields: { reviewState: 'approved', reviewedBy: 'Name of olga', reviewedAt: NOW },
    });
    // The same state again is no new sign-off: who and when stay.
    const same = write('olga', 'owner', {
      type: 'patch',
      id: 'm',
      fields: { reviewState: 'in-review' },
    });
    expect(same.op).toEqual({ type: 'patch', id: 'm', fields: { reviewState: 'in-review' } });
  });
});
