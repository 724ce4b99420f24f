import { arpa, buckets, bucketFor, cumulativeByBucket, logoChurn, mrr, mrrChange, payingCount, revenueChurn, sumByBucket, toMrrSubscription, trialConversion, type SubscriptionRow } from './metrics.js';

const plans = new Map([
  ['starter', { currency: 'usd', priceMonthly: 1900, priceYearly: 19000 }],
  ['pro', { currency: 'usd', priceMonthly: 4900, priceYearly: 49000 }],
]);
const addons = { extraAccount: 500, whiteLabel: 4900 };
const sub = (over: Partial<SubscriptionRow>): SubscriptionRow => ({ tenantId: 1, planKey: 'pro', interval: 'month', status: 'active', extraAccounts: 0, whiteLabelAddon: false, ...over });
const d = (s: string) => new Date(s);

describe('dashboard metrics (hand-computed fixtures)', () => {
  // Fixture: pro monthly with 2 extra accounts and white label = 4900 + 2×500 + 4900 = 10800;
  // starter yearly = 19000 / 12 = 1583.33; pro past_due = 4900; trialing and canceled count 0.
  const subs = [
    sub({ tenantId: 1, extraAccounts: 2, whiteLabelAddon: true }),
    sub({ tenantId: 2, planKey: 'starter', interval: 'year' }),
    sub({ tenantId: 3, status: 'past_due' }),
    sub({ tenantId: 4, status: 'trialing' }),
    sub({ tenantId: 5, status: 'canceled' }),
    sub({ tenantId: 6, planKey: 'gone' }),
  ].map((s) => toMrrSubscription(s, plans, addons));

  it('MRR counts active and past-due subscriptions, normalised to a month (10800 + 1583.33 + 4900 = 17283)', () => {
    expect(mrr(subs, 'usd')).toBe(17283);
    expect(mrr(subs, 'eur')).toBe(0);
  });

  it('ARPA divides MRR by paying customers (17283 / 3 = 5761)', () => {
    expect(payingCount(subs, 'usd')).toBe(3);
    expect(arpa(17283, 3)).toBe(5761);
    expect(arpa(0, 0)).toBe(0);
  });

  it('MRR change is the difference and its share of the start', () => {
    expect(mrrChange(10000, 12500)).toEqual({ amount: 2500, percent: 25 });
    expect(mrrChange(3000, 2000)).toEqual({ amount: -1000, percent: -33.33 });
    expect(mrrChange(0, 4900)).toEqual({ amount: 4900, percent: null });
  });

  // Start: A 4900, B 1900, C 14900, D 0 (trial). End: A 4900, B gone, C downgraded to 4900, E new 29900.
  const start = [
    { tenantId: 1, mrr: 4900 },
    { tenantId: 2, mrr: 1900 },
    { tenantId: 3, mrr: 14900 },
    { tenantId: 4, mrr: 0 },
  ];
  const end = [
    { tenantId: 1, mrr: 4900 },
    { tenantId: 3, mrr: 4900 },
    { tenantId: 5, mrr: 29900 },
  ];

  it('logo churn: 1 of the 3 customers paying at the start left (33.33 %); new ones do not count', () => {
    expect(logoChurn(start, end)).toEqual({ base: 3, churned: 1, rate: 33.33 });
    expect(logoChurn([], end)).toEqual({ base: 0, churned: 0, rate: null });
  });

  it('revenue churn: (1900 lost + 10000 contraction) / 21700 = 54.84 % gross, and net of expansion', () => {
    expect(revenueChurn(start, end)).toEqual({ baseMrr: 21700, lostMrr: 11900, expansionMrr: 0, grossRate: 54.84, netRate: 54.84 });
    // A upgrades 4900 → 14900 (+10000 expansion): net = (11900 − 10000) / 21700 = 8.76 %.
    const upgraded = end.map((e) => (e.tenantId === 1 ? { tenantId: 1, mrr: 14900 } : e));
    expect(revenueChurn(start, upgraded)).toMatchObject({ lostMrr: 11900, expansionMrr: 10000, grossRate: 54.84, netRate: 8.76 });
  });

  it('trial conversion: of the trials that ended in the range, the share now paying', () => {
    const now = d('2026-12-01T00:00:00Z');
    const rows = [
      { trialEndsAt: d('2026-11-05T00:00:00Z'), paying: true },
      { trialEndsAt: d('2026-11-10T00:00:00Z'), paying: false },
      { trialEndsAt: d('2026-11-20T00:00:00Z'), paying: true },
      { trialEndsAt: d('2026-10-01T00:00:00Z'), paying: true }, // ended before the range
      { trialEndsAt: d('2026-12-10T00:00:00Z'), paying: false }, // still trialing
      { trialEndsAt: d('2026-12-12T00:00:00Z'), paying: true }, // paid before its trial ended: not a trial
      { trialEndsAt: null, paying: false },
    ];
    expect(trialConversion(rows, d('2026-11-01T00:00:00Z'), d('2026-11-30T23:59:59Z'), now)).toEqual({ active: 1, ended: 3, converted: 2, rate: 66.67 });
  });

  it('buckets by day up to 92 days, by month beyond', () => {
    expect(bucketFor(d('2026-11-01'), d('2026-11-30'))).toBe('day');
    expect(bucketFor(d('2026-01-01'), d('2026-11-30'))).toBe('month');
    expect(buckets(d('2026-11-29T10:00:00Z'), d('2026-12-01T05:00:00Z'), 'day')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(buckets(d('2026-10-15T00:00:00Z'), d('2026-12-01T00:00:00Z'), 'month')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('revenue per bucket sums paid amounts inside the range, with zero buckets', () => {
    const rows = [
      { at: d('2026-10-03T00:00:00Z'), amount: 4900 },
      { at: d('2026-10-20T00:00:00Z'), amount: 1900 },
      { at: d('2026-12-01T00:00:00Z'), amount: 14900 },
      { at: d('2026-09-30T00:00:00Z'), amount: 99999 }, // outside
    ];
    expect(sumByBucket(rows, d('2026-10-01T00:00:00Z'), d('2026-12-31T00:00:00Z'), 'month')).toEqual([
      { period: '2026-10', amount: 6800 },
      { period: '2026-11', amount: 0 },
      { period: '2026-12', amount: 14900 },
    ]);
  });

  it('growth series run a total from what existed before the range', () => {
    const added = [
      { at: d('2026-11-02T00:00:00Z'), count: 2 },
      { at: d('2026-11-02T00:00:00Z'), count: 1 },
      { at: d('2026-11-04T00:00:00Z'), count: 5 },
    ];
    expect(cumulativeByBucket(10, added, d('2026-11-01T00:00:00Z'), d('2026-11-04T23:00:00Z'), 'day')).toEqual([
      { period: '2026-11-01', total: 10 },
      { period: '2026-11-02', total: 13 },
      { period: '2026-11-03', total: 13 },
      { period: '2026-11-04', total: 18 },
    ]);
  });
});
