import type { PlanRow } from '../plans/plans.entity.js';
import type { EffectivePlan, LimitName, PlanFeature, SubscriptionRow } from './limits.entity.js';

/** The plan a workspace falls back to when its subscription ends or its grace period runs out. */
export const DOWNGRADE_PLAN_KEY = 'starter';

/**
 * Statuses that keep the subscribed plan (past_due only until the grace period ends). `none` is a
 * row that only remembers a Stripe customer for a workspace that never had a plan.
 */
const KEEPS_PLAN = new Set(['trialing', 'active', 'past_due', 'none']);

export interface EffectivePlanInput {
  now: Date;
  /** control.tenants.plan_code: the plan a hand assignment or sign-up set (`trial` = no plan yet). */
  planCode: string;
  tenantTrialEndsAt: Date | null;
  subscription: SubscriptionRow | null;
  plans: PlanRow[];
  /** Config defaults for a workspace that never had a plan (fixtures, old workspaces). */
  defaults: { accounts: number; aiCredits: number };
}

/** A plan built from the config defaults: what a workspace without a plan had before billing existed. */
export function defaultPlan(defaults: { accounts: number; aiCredits: number }): PlanRow {
  return {
    key: 'default', name: 'Default', position: 0, currency: 'usd', priceMonthly: 0, priceYearly: 0, accounts: defaults.accounts,
    aiCredits: defaults.aiCredits, seats: null, clientLogins: null, customDomains: 0, whiteLabel: 'yes', removePoweredBy: false,
    ownInstagramApp: false, features: [], active: true,
  };
}

/**
 * Pure: the limits a workspace has at `now`. Order of rules: a subscription row decides (its status
 * keeps the plan, or a lapsed trial / ended grace / canceled subscription downgrades); without one,
 * the tenant's plan code, and a workspace with no plan keeps the config defaults.
 */
export function effectivePlan(input: EffectivePlanInput): EffectivePlan {
  const { subscription: sub, now } = input;
  const byKey = new Map(input.plans.map((p) => [p.key, p]));
  const subscribedKey = sub?.planKey ?? input.planCode;
  const subscribed = byKey.get(subscribedKey) ?? defaultPlan(input.defaults);
  const status = sub?.status ?? 'none';
  let downgraded = false;
  if (sub) {
    const trialLapsed = status === 'trialing' && !sub.stripeSubscriptionId && sub.trialEndsAt !== null && sub.trialEndsAt <= now;
    const graceOver = status === 'past_due' && sub.graceEndsAt !== null && sub.graceEndsAt <= now;
    downgraded = !KEEPS_PLAN.has(status) || trialLapsed || graceOver;
  }
  const plan = downgraded ? (byKey.get(DOWNGRADE_PLAN_KEY) ?? subscribed) : subscribed;
  const extra = downgraded ? 0 : (sub?.extraAccounts ?? 0);
  const whiteLabel = plan.whiteLabel === 'yes' || (plan.whiteLabel === 'addon' && !downgraded && Boolean(sub?.whiteLabelAddon));
  const limits: EffectivePlan['limits'] = {
    accounts: plan.accounts + extra,
    seats: plan.seats,
    clientLogins: plan.clientLogins,
    customDomains: plan.customDomains,
    aiCredits: plan.aiCredits,
  };
  const features: Record<PlanFeature, boolean> = {
    whiteLabel,
    removePoweredBy: plan.removePoweredBy || (whiteLabel && plan.whiteLabel === 'addon'),
    customDomains: plan.customDomains > 0,
    ownInstagramApp: plan.ownInstagramApp,
  };
  return {
    plan,
    subscribedPlanKey: subscribed.key,
    status,
    downgraded,
    trialEndsAt: sub?.trialEndsAt ?? (status === 'none' ? input.tenantTrialEndsAt : null),
    currentPeriodStart: sub?.currentPeriodStart ?? null,
    currentPeriodEnd: sub?.currentPeriodEnd ?? null,
    graceEndsAt: sub?.graceEndsAt ?? null,
    cancelAtPeriodEnd: sub?.cancelAtPeriodEnd ?? false,
    interval: sub?.interval ?? 'month',
    limits,
    features,
    subscription: sub,
  };
}

const LIMIT_FIELD: Record<LimitName, keyof PlanRow> = { accounts: 'accounts', seats: 'seats', clientLogins: 'clientLogins', customDomains: 'customDomains' };

/** The cheapest active plan whose `limit` is at least `needed` (null = none does). */
export function planThatLifts(plans: PlanRow[], limit: LimitName, needed: number): PlanRow | null {
  const field = LIMIT_FIELD[limit];
  return [...plans].filter((p) => p.active && p.key !== 'default').sort((a, b) => a.priceMonthly - b.priceMonthly)
    .find((p) => p[field] === null || (p[field] as number) >= needed) ?? null;
}

/** The cheapest active plan that includes `feature` (for white-label, Pro's add-on counts). */
export function planWithFeature(plans: PlanRow[], feature: PlanFeature): PlanRow | null {
  const has = (p: PlanRow) =>
    feature === 'whiteLabel' ? p.whiteLabel !== 'no'
    : feature === 'removePoweredBy' ? p.removePoweredBy || p.whiteLabel === 'addon'
    : feature === 'customDomains' ? p.customDomains > 0
    : p.ownInstagramApp;
  return [...plans].filter((p) => p.active).sort((a, b) => a.priceMonthly - b.priceMonthly).find(has) ?? null;
}
