import { asSubject, defineAbilityFor } from '@instagrowth/authz';
import { accessibleFilter, type Filter } from './casl-filter.js';

/** A tiny evaluator of the filter syntax we emit, to compare with CASL's own in-memory answers. */
function matches(filter: Filter, row: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === '$and') return (value as Filter[]).every((f) => matches(f, row));
    if (key === '$or') return (value as Filter[]).some((f) => matches(f, row));
    if (key === '$not') return !matches(value as Filter, row);
    if (value && typeof value === 'object' && '$in' in (value as object)) return ((value as { $in: unknown[] }).$in).includes(row[key]);
    return row[key] === value;
  });
}

describe('accessibleFilter', () => {
  const accounts = ['a1', 'a2', 'a3'].map((id) => ({ id }));

  it.each([
    ['owner', []],
    ['admin', []],
    ['manager', ['a1', 'a3']],
    ['client', ['a2']],
    ['manager', []],
  ] as const)('agrees with CASL for a %s assigned to %j', (role, assigned) => {
    const ability = defineAbilityFor({ userId: 'u', role, assignedAccountIds: assigned });
    const filter = accessibleFilter(ability, 'read', 'InstagramAccount');
    for (const account of accounts) {
      const casl = ability.can('read', asSubject('InstagramAccount', { ...account }));
      expect(filter === null ? false : matches(filter, account)).toBe(casl);
    }
  });

  it('returns null when nothing is allowed', () => {
    const ability = defineAbilityFor({ userId: 'u', role: 'client', assignedAccountIds: [] });
    expect(accessibleFilter(ability, 'delete', 'InstagramAccount')).toBeNull();
  });
});
