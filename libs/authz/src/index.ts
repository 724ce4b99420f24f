import { AbilityBuilder, createMongoAbility, subject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import type { AbilityRule, Role } from '@instagrowth/contracts';

export const ACTIONS = ['manage', 'create', 'read', 'update', 'delete', 'invite', 'assign', 'connect', 'sync'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Subjects the workspace realm knows. Instance checks pass `{ __typename, ...fields }` objects
 * via `subject()` from @casl/ability; list queries turn the same rules into SQL.
 */
export type Subject =
  | 'all'
  | 'Workspace'
  | 'Member'
  | 'Invitation'
  | 'Billing'
  | 'Branding'
  /** The workspace's own Instagram app (id + secret): owners change it, admins see it. */
  | 'InstagramApp'
  | 'InstagramAccount'
  | 'Audit'
  | 'Content'
  | 'Plan'
  | 'Report'
  | 'Inbox';

export type AppAbility = MongoAbility<[Action, Subject | Record<string, unknown>]>;
export type AppRule = RawRuleOf<AppAbility>;

export interface AbilityInput {
  userId: string;
  role: Role;
  /** Ids of the Instagram accounts this user is assigned to (managers and clients). */
  assignedAccountIds: readonly string[];
  /** Feature flags from the workspace's plan (white-label, client logins, …). */
  features?: Readonly<Record<string, boolean>>;
}

/** The one place that says who may do what; the API guards, services and the web app all read it. */
export function defineAbilityFor(input: AbilityInput): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const assigned = { id: { $in: [...input.assignedAccountIds] } };
  const assignedChild = { accountId: { $in: [...input.assignedAccountIds] } };

  switch (input.role) {
    case 'owner':
      can('manage', 'all');
      break;
    case 'admin':
      can('manage', 'all');
      // Ownership and billing stay with owners.
      cannot('update', 'Member', { role: 'owner' });
      cannot('delete', 'Member', { role: 'owner' });
      cannot('manage', 'Billing');
      can('read', 'Billing');
      cannot('manage', 'InstagramApp');
      can('read', 'InstagramApp');
      break;
    case 'manager':
      can('read', 'Workspace');
      can('read', 'Member');
      can('connect', 'InstagramAccount');
      can(['read', 'sync', 'update'], 'InstagramAccount', assigned);
      can('manage', ['Audit', 'Content', 'Plan', 'Report', 'Inbox'], assignedChild);
      break;
    case 'client':
      can('read', 'Workspace');
      can('read', 'InstagramAccount', assigned);
      can('read', ['Audit', 'Plan', 'Report'], assignedChild);
      // Clients see content once it was approved for them (approval and what follows it), never drafts.
      can('read', 'Content', { ...assignedChild, status: { $in: ['approved', 'scheduled', 'posted'] } });
      break;
  }
  if (input.features && input.features.whiteLabel === false) {
    cannot(['update', 'manage'], 'Branding');
  }
  return build();
}

/**
 * Abilities are pure functions of their inputs, so they are memoised by those inputs (role,
 * assignments, features): a role change produces a new key, never a stale answer.
 */
const memo = new Map<string, AppAbility>();
const MEMO_LIMIT = 5_000;

export function abilityFor(input: AbilityInput): AppAbility {
  const key = `${input.userId}|${input.role}|${[...input.assignedAccountIds].sort().join(',')}|${JSON.stringify(input.features ?? {})}`;
  let ability = memo.get(key);
  if (!ability) {
    ability = defineAbilityFor(input);
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(key, ability);
  }
  return ability;
}

/** Rules in JSON form, for the web app to rebuild the same ability with `createAbilityFromRules`. */
export function rulesFor(input: AbilityInput): AppRule[] {
  return abilityFor(input).rules as AppRule[];
}

export function createAbilityFromRules(rules: readonly AbilityRule[] | AppRule[]): AppAbility {
  // The contract's rule is CASL's raw rule with plain strings; CASL itself ignores unknown actions.
  return createMongoAbility<AppAbility>(rules as AppRule[]);
}

/** Roles a member with `role` may hand out when inviting or changing roles. */
export function assignableRoles(role: Role): Role[] {
  if (role === 'owner') return ['owner', 'admin', 'manager', 'client'];
  if (role === 'admin') return ['admin', 'manager', 'client'];
  return [];
}

/** A typed instance for instance checks: `ability.can('update', asSubject('Member', member))`. */
export function asSubject(type: Exclude<Subject, 'all'>, fields: Record<string, unknown>): Record<string, unknown> {
  return subject(type, { ...fields }) as Record<string, unknown>;
}

export { subject };
