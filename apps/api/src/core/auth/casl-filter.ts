import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility, Subject } from '@instagrowth/authz';

export type Filter = Record<string, unknown>;

/**
 * The list-query side of the ability: CASL's rules for (action, subject) as a MikroORM filter.
 * Our conditions only use operators both speak ($in, $eq, $ne, …), so a rule's conditions are
 * the filter; `cannot` rules become `$not`. Null means "nothing", `{}` means "everything".
 */
export function accessibleFilter(ability: AppAbility, action: Action, subject: Exclude<Subject, 'all'>): Filter | null {
  return rulesToCondition<AppAbility, Filter, Filter>(
    ability.rulesFor(action, subject),
    (rule) => {
      const conditions = (rule.conditions ?? {}) as Filter;
      return rule.inverted ? { $not: conditions } : conditions;
    },
    {
      and: (conditions) => ({ $and: conditions }),
      or: (conditions) => ({ $or: conditions }),
      empty: () => ({}),
    },
  );
}
