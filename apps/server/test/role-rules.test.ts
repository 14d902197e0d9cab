import { toRecordMap, type Op } from '@threatloom/core';
import { describe, expect, it } from 'vitest';
import { checkRole } from '../src/services/ops/role-rules';

const state = toRecordMap([
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
const patch = (id: string): Op => ({ type: 'patch', id, fields: { body: 'y' } });

describe('checkRole', () => {
  it('lets owners and editors do anything', () => {
    for (const role of ['owner', 'editor'] as const) {
      expect(checkRole(role, patch('d'), state, 'u1')).toBeUndefined();
      expect(checkRole(role, patch('c2'), state, 'u1')).toBeUndefined();
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

describe('checkRole for commenters editing their own comment', () => {
  it('refuses handing a comment to another author', () => {
    expect(
      checkRole('commenter', { type: 'patch', id: 'c1', fields: { authorId: 'u2' } }, state, 'u1')
        ?.code,
    ).toBe('forbidden');
  });
});
