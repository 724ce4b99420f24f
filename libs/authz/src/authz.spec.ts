import { asSubject as subject, assignableRoles, createAbilityFromRules, defineAbilityFor, rulesFor } from './index.js';

describe('defineAbilityFor', () => {
  it('lets owners manage everything, billing included', () => {
    const ability = defineAbilityFor({ userId: 'u1', role: 'owner', assignedAccountIds: [] });
    expect(ability.can('manage', 'Billing')).toBe(true);
    expect(ability.can('delete', subject('Member', { role: 'owner' }))).toBe(true);
  });

  it('keeps admins away from owners and billing changes', () => {
    const ability = defineAbilityFor({ userId: 'u1', role: 'admin', assignedAccountIds: [] });
    expect(ability.can('invite', 'Member')).toBe(true);
    expect(ability.can('update', subject('Member', { role: 'manager' }))).toBe(true);
    expect(ability.can('update', subject('Member', { role: 'owner' }))).toBe(false);
    expect(ability.can('update', 'Billing')).toBe(false);
    expect(ability.can('read', 'Billing')).toBe(true);
    // The workspace's own Instagram app secret: admins see its state, only owners change it.
    expect(ability.can('read', 'InstagramApp')).toBe(true);
    expect(ability.can('update', 'InstagramApp')).toBe(false);
    expect(defineAbilityFor({ userId: 'u1', role: 'owner', assignedAccountIds: [] }).can('update', 'InstagramApp')).toBe(true);
    expect(defineAbilityFor({ userId: 'u1', role: 'manager', assignedAccountIds: [] }).can('read', 'InstagramApp')).toBe(false);
  });

  it('limits managers to the accounts assigned to them', () => {
    const ability = defineAbilityFor({ userId: 'u2', role: 'manager', assignedAccountIds: ['a1'] });
    expect(ability.can('read', subject('InstagramAccount', { id: 'a1' }))).toBe(true);
    expect(ability.can('read', subject('InstagramAccount', { id: 'a2' }))).toBe(false);
    expect(ability.can('manage', subject('Audit', { accountId: 'a1' }))).toBe(true);
    expect(ability.can('manage', subject('Audit', { accountId: 'a2' }))).toBe(false);
    expect(ability.can('invite', 'Member')).toBe(false);
    expect(ability.can('read', 'Billing')).toBe(false);
  });

  it('gives clients read-only access to their own accounts', () => {
    const ability = defineAbilityFor({ userId: 'u3', role: 'client', assignedAccountIds: ['a1'] });
    expect(ability.can('read', subject('InstagramAccount', { id: 'a1' }))).toBe(true);
    expect(ability.can('update', subject('InstagramAccount', { id: 'a1' }))).toBe(false);
    expect(ability.can('read', subject('Report', { accountId: 'a2' }))).toBe(false);
    expect(ability.can('read', 'Member')).toBe(false);
  });

  it('shows clients plans and approved content of their accounts only', () => {
    const ability = defineAbilityFor({ userId: 'u3', role: 'client', assignedAccountIds: ['a1'] });
    expect(ability.can('read', subject('Plan', { accountId: 'a1' }))).toBe(true);
    expect(ability.can('update', subject('Plan', { accountId: 'a1' }))).toBe(false);
    expect(ability.can('read', subject('Content', { accountId: 'a1', status: 'approved' }))).toBe(true);
    expect(ability.can('read', subject('Content', { accountId: 'a1', status: 'drafted' }))).toBe(false);
    expect(ability.can('read', subject('Content', { accountId: 'a2', status: 'approved' }))).toBe(false);
    expect(ability.can('update', subject('Content', { accountId: 'a1', status: 'approved' }))).toBe(false);
  });

  it('round-trips through JSON rules for the web app', () => {
    const input = { userId: 'u2', role: 'manager' as const, assignedAccountIds: ['a1'] };
    const rebuilt = createAbilityFromRules(JSON.parse(JSON.stringify(rulesFor(input))));
    expect(rebuilt.can('read', subject('InstagramAccount', { id: 'a1' }))).toBe(true);
    expect(rebuilt.can('read', subject('InstagramAccount', { id: 'a9' }))).toBe(false);
  });

  it('lists the roles each role may hand out', () => {
    expect(assignableRoles('owner')).toContain('owner');
    expect(assignableRoles('admin')).not.toContain('owner');
    expect(assignableRoles('manager')).toEqual([]);
  });
});
