import type Stripe from 'stripe';
import { monthlyRecurringRevenue, subscriptionMrr } from './mrr.js';
import { parseLookupKey, planLookupKey, subscriptionFromStripe } from './stripe-mapping.js';

describe('MRR (Stripe definition)', () => {
  const month = (unitAmount: number, quantity = 1) => ({ unitAmount, quantity, interval: 'month' as const });

  it('counts active and past-due subscriptions only; trials and cancellations are 0', () => {
    const subs = ['active', 'past_due', 'trialing', 'canceled', 'incomplete', 'unpaid'].map((status) => ({ status, currency: 'usd', items: [month(4900)] }));
    expect(monthlyRecurringRevenue(subs)).toBe(9800);
  });

  it('normalises yearly, weekly and multi-month intervals to a month and multiplies quantities', () => {
    expect(subscriptionMrr({ status: 'active', currency: 'usd', items: [{ unitAmount: 49000, quantity: 1, interval: 'year' }] })).toBeCloseTo(4083.33, 2);
    expect(subscriptionMrr({ status: 'active', currency: 'usd', items: [{ unitAmount: 1000, quantity: 1, interval: 'week' }] })).toBeCloseTo(4333.33, 2);
    expect(subscriptionMrr({ status: 'active', currency: 'usd', items: [{ unitAmount: 3000, quantity: 1, interval: 'month', intervalCount: 3 }] })).toBe(1000);
    expect(subscriptionMrr({ status: 'active', currency: 'usd', items: [month(4900), month(500, 3)] })).toBe(6400);
  });

  it('applies percentage and fixed discounts, never below zero', () => {
    expect(subscriptionMrr({ status: 'active', currency: 'usd', items: [month(10000)], discounts: [{ percentOff: 25 }] })).toBe(7500);
    expect(subscriptionMrr({ status: 'active', currency: 'usd', items: [{ unitAmount: 120000, quantity: 1, interval: 'year' }], discounts: [{ amountOff: 12000 }] })).toBe(9000);
    expect(subscriptionMrr({ status: 'active', currency: 'usd', items: [month(1000)], discounts: [{ amountOff: 5000 }] })).toBe(0);
  });

  it('sums one currency and rounds to cents', () => {
    const subs = [
      { status: 'active', currency: 'usd', items: [{ unitAmount: 1000, quantity: 1, interval: 'year' as const }] },
      { status: 'active', currency: 'eur', items: [month(9900)] },
    ];
    expect(monthlyRecurringRevenue(subs)).toBe(83);
    expect(monthlyRecurringRevenue(subs, 'eur')).toBe(9900);
  });
});

describe('Stripe subscription → workspace subscription', () => {
  const NOW = new Date('2026-12-03T10:00:00Z');
  const item = (lookupKey: string, quantity = 1) => ({ id: `si_${lookupKey}`, quantity, price: { lookup_key: lookupKey }, current_period_start: 1_764_000_000, current_period_end: 1_766_592_000 });
  const sub = (status: string, items: unknown[]) => ({ id: 'sub_1', customer: 'cus_1', status, cancel_at_period_end: false, trial_end: null, metadata: {}, items: { data: items } }) as unknown as Stripe.Subscription;

  it('reads the plan, interval, add-ons and period from the items’ lookup keys', () => {
    const row = subscriptionFromStripe(sub('active', [item(planLookupKey('pro', 'year', 49000, 'usd')), item('ig:addon:extra_account:500usd', 3), item('ig:addon:white_label:4900usd')]), null, NOW, 7);
    expect(row).toMatchObject({ planKey: 'pro', interval: 'year', status: 'active', extraAccounts: 3, whiteLabelAddon: true, stripeCustomerId: 'cus_1', graceEndsAt: null });
    expect(row.currentPeriodStart).toEqual(new Date(1_764_000_000 * 1000));
  });

  it('starts a grace period once for past_due and keeps it across later events', () => {
    const first = subscriptionFromStripe(sub('past_due', [item(planLookupKey('agency', 'month', 14900, 'usd'))]), null, NOW, 7);
    expect(first.graceEndsAt).toEqual(new Date('2026-12-10T10:00:00Z'));
    const later = subscriptionFromStripe(sub('past_due', [item(planLookupKey('agency', 'month', 14900, 'usd'))]), { ...first, tenantId: 1 }, new Date('2026-12-05T00:00:00Z'), 7);
    expect(later.graceEndsAt).toEqual(first.graceEndsAt);
    expect(subscriptionFromStripe(sub('active', [item(planLookupKey('agency', 'month', 14900, 'usd'))]), { ...first, tenantId: 1 }, NOW, 7).graceEndsAt).toBeNull();
  });

  it('parses only its own lookup keys', () => {
    expect(parseLookupKey('ig:plan:pro:month:4900usd')).toEqual({ kind: 'plan', plan: 'pro', interval: 'month' });
    expect(parseLookupKey('ig:product:content_pack:1900usd')).toEqual({ kind: 'product', product: 'content_pack' });
    expect(parseLookupKey('someone_else')).toEqual({ kind: 'unknown' });
    expect(parseLookupKey(null)).toEqual({ kind: 'unknown' });
  });
});
