/**
 * Monthly recurring revenue the way Stripe's billing analytics define it: every active or past-due
 * subscription (trialing, incomplete, unpaid, paused and canceled ones count 0), each recurring item
 * normalised to one month (yearly ÷ 12, weekly × 52 ÷ 12, daily × 365 ÷ 12, by interval count) times
 * its quantity, then the subscription's discounts applied (percentage off the total; a fixed amount
 * off normalised to a month the same way as the subscription's interval). Pure; amounts in cents.
 */
export type Interval = 'day' | 'week' | 'month' | 'year';

export interface MrrItem {
  unitAmount: number;
  quantity: number;
  interval: Interval;
  intervalCount?: number;
}

export interface MrrDiscount {
  percentOff?: number | null;
  /** A fixed amount off each invoice, in the subscription's currency. */
  amountOff?: number | null;
}

export interface MrrSubscription {
  status: string;
  currency: string;
  items: MrrItem[];
  discounts?: MrrDiscount[];
}

const COUNTED = new Set(['active', 'past_due']);
const MONTHS_PER: Record<Interval, number> = { day: 12 / 365, week: 12 / 52, month: 1, year: 12 };

/** One item's (or amount's) monthly value when billed every `count` `interval`s. */
export const toMonthly = (amount: number, interval: Interval, count = 1) => amount / (MONTHS_PER[interval] * count);

export function subscriptionMrr(sub: MrrSubscription): number {
  if (!COUNTED.has(sub.status) || !sub.items.length) return 0;
  let monthly = sub.items.reduce((sum, i) => sum + toMonthly(i.unitAmount * i.quantity, i.interval, i.intervalCount ?? 1), 0);
  const billing = sub.items[0];
  for (const d of sub.discounts ?? []) {
    if (d.percentOff) monthly -= (monthly * d.percentOff) / 100;
    if (d.amountOff) monthly -= toMonthly(d.amountOff, billing.interval, billing.intervalCount ?? 1);
  }
  return Math.max(0, monthly);
}

/** MRR in cents of `currency` (other currencies are not converted: they are reported apart). */
export function monthlyRecurringRevenue(subs: MrrSubscription[], currency = 'usd'): number {
  return Math.round(subs.filter((s) => s.currency === currency).reduce((sum, s) => sum + subscriptionMrr(s), 0));
}
