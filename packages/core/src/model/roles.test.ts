import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './keys';
import { roleAtLeast } from './roles';

describe('roleAtLeast', () => {
  const order: Role[] = ['viewer', 'commenter', 'editor', 'owner'];

  it('orders the roles viewer < commenter < editor < owner', () => {
    for (const [i, role] of order.entries())
      for (const [j, min] of order.entries()) expect(roleAtLeast(role, min)).toBe(i >= j);
  });

  it('grants nothing to no role', () => {
    for (const min of order) expect(roleAtLeast(undefined, min)).toBe(false);
  });

  it('knows every role', () => {
    expect([...order].sort()).toEqual([...ROLES].sort());
  });
});
