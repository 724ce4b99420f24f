import { DEFAULT_PLANS } from '../plans/plan-defaults.js';
import type { PlanRow } from '../plans/plans.entity.js';
import { effectivePlan, planThatLifts, planWithFeature } from './effective-plan.js';
import type { SubscriptionRow } from './limits.entity.js';

const PLANS: PlanRow[] = DEFAULT_PLANS.map((p) => ({ ...p, currency: 'usd', active: true, features: [...p.features] }));
const NOW = new Date('2026-12-03T10:00:00Z');
const defaults = { accounts: 4, aiCredits: 10 };
const sub = (over: Partial<SubscriptionRow>): SubscriptionRow => ({
  tenantId: 1, planKey: 'pro', interval: 'month', status: 'active', stripeCustomerId: 'cus_1', stripeSubscriptionId: 'sub_1',
  currentPeriodStart: null, currentPeriodEnd: null, trialEndsAt: null, cancelAtPeriodEnd: false, extraAccounts: 0, whiteLabelAddon: false, graceEndsAt: null, ...over,
});
const plan = (subscription: SubscriptionRow | null, planCode = 'trial') => effectivePlan({ now: NOW, planCode, tenantTrialEndsAt: null, subscription, plans: PLANS, defaults });

describe('effective plan', () => {
  it('keeps the config defaults for a workspace that never had a plan', () => {
    const p = plan(null);
    expect(p).toMatchObject({ status: 'none', downgraded: false, plan: { key: 'default' }, limits: { accounts: 4, aiCredits: 10, seats: null } });
  });

  it('adds extra accounts and the white-label add-on to Pro', () => {
    const p = plan(sub({ extraAccounts: 2, whiteLabelAddon: true }));
    expect(p.limits.accounts).toBe(7);
    expect(p.features).toMatchObject({ whiteLabel: true, removePoweredBy: true, customDomains: false });
    expect(plan(sub({})).features.whiteLabel).toBe(false);
  });

  it('keeps the plan while past_due in grace, downgrades after it and on cancel, unpaid or a lapsed trial', () => {
    expect(plan(sub({ status: 'past_due', graceEndsAt: new Date(NOW.getTime() + 1000) }))).toMatchObject({ downgraded: false, plan: { key: 'pro' } });
    expect(plan(sub({ status: 'past_due', graceEndsAt: new Date(NOW.getTime() - 1000), extraAccounts: 3 }))).toMatchObject({ downgraded: true, plan: { key: 'starter' }, limits: { accounts: 1 } });
    for (const status of ['canceled', 'unpaid', 'incomplete_expired']) expect(plan(sub({ status })).downgraded).toBe(true);
    expect(plan(sub({ status: 'trialing', stripeSubscriptionId: null, trialEndsAt: new Date(NOW.getTime() - 1) })).downgraded).toBe(true);
    expect(plan(sub({ status: 'trialing', stripeSubscriptionId: null, trialEndsAt: new Date(NOW.getTime() + 86_400_000) })).downgraded).toBe(false);
  });

  it('names the cheapest plan that lifts a limit or includes a feature', () => {
    expect(planThatLifts(PLANS, 'accounts', 2)?.key).toBe('pro');
    expect(planThatLifts(PLANS, 'accounts', 26)?.key).toBe('enterprise');
    expect(planThatLifts(PLANS, 'seats', 11)?.key).toBe('enterprise');
    expect(planThatLifts(PLANS, 'accounts', 101)).toBeNull();
    expect(planWithFeature(PLANS, 'whiteLabel')?.key).toBe('pro');
    expect(planWithFeature(PLANS, 'customDomains')?.key).toBe('agency');
    expect(planWithFeature(PLANS, 'ownInstagramApp')?.key).toBe('agency');
  });
});
