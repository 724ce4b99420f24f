import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { AbilityRule } from '@instagrowth/contracts';
import { createAbilityFromRules, type Action, type AppAbility, type Subject } from '@instagrowth/authz';

const emptyAbility = createAbilityFromRules([]);
const AbilityContext = createContext<AppAbility>(emptyAbility);

/** The same CASL rules the API enforces, rebuilt from GET /api/auth/me. */
export function AbilityProvider({ rules, children }: { rules: AbilityRule[]; children: ReactNode }) {
  const ability = useMemo(() => createAbilityFromRules(rules), [rules]);
  return <AbilityContext.Provider value={ability}>{children}</AbilityContext.Provider>;
}

export function useAbility(): AppAbility {
  return useContext(AbilityContext);
}

interface CanProps {
  I: Action;
  /** A subject type ('Member') or an instance built with `subject('Member', {...})`. */
  a: Subject | Record<string, unknown>;
  field?: string;
  /** Render children when the ability does NOT allow the action. */
  not?: boolean;
  fallback?: ReactNode;
  children: ReactNode;
}

/** `<Can I="invite" a="Member">…</Can>`: hides what the API would refuse. */
export function Can({ I, a, field, not = false, fallback = null, children }: CanProps) {
  const ability = useAbility();
  const allowed = ability.can(I, a, field);
  return <>{allowed !== not ? children : fallback}</>;
}
