import type Stripe from 'stripe';
import type { SubscriptionWrite } from '../plans/subscriptions.repository.js';
import type { SubscriptionRow } from '../limits/limits.entity.js';

/**
 * Lookup keys name what a Stripe price sells, so prices are found again (idempotent sync) and a
 * refetched subscription says which plan and add-ons it holds. The amount is part of the key: a
 * price edit makes a new price, and existing subscribers keep theirs until they change plan.
 */
export const planLookupKey = (plan: string, interval: 'month' | 'year', amount: number, currency: string) => `ig:plan:${plan}:${interval}:${amount}${currency}`;
export const addonLookupKey = (product: string, amount: number, currency: string) => `ig:addon:${product}:${amount}${currency}`;
export const productLookupKey = (product: string, amount: number, currency: string) => `ig:product:${product}:${amount}${currency}`;

export type PriceKind = { kind: 'plan'; plan: string; interval: 'month' | 'year' } | { kind: 'addon'; product: string } | { kind: 'product'; product: string } | { kind: 'unknown' };

export function parseLookupKey(key: string | null | undefined): PriceKind {
  const parts = (key ?? '').split(':');
  if (parts[0] !== 'ig') return { kind: 'unknown' };
  if (parts[1] === 'plan' && (parts[3] === 'month' || parts[3] === 'year')) return { kind: 'plan', plan: parts[2], interval: parts[3] };
  if (parts[1] === 'addon') return { kind: 'addon', product: parts[2] };
  if (parts[1] === 'product') return { kind: 'product', product: parts[2] };
  return { kind: 'unknown' };
}

const date = (unix: number | null | undefined) => (unix ? new Date(unix * 1000) : null);

/**
 * Pure: the subscription row for a refetched Stripe subscription. The plan comes from the plan
 * item's lookup key (metadata as a fallback), add-ons from theirs; the period is the plan item's
 * (Stripe keeps periods per item); a past_due subscription keeps the grace end it already had, or
 * starts one of `graceDays`; any other status clears it.
 */
export function subscriptionFromStripe(sub: Stripe.Subscription, existing: SubscriptionRow | null, now: Date, graceDays: number): SubscriptionWrite {
  const items = sub.items.data.map((item) => ({ item, kind: parseLookupKey(item.price.lookup_key) }));
  const planItem = items.find((i) => i.kind.kind === 'plan');
  const planKind = planItem?.kind.kind === 'plan' ? planItem.kind : null;
  const planKey = planKind?.plan ?? sub.metadata?.plan ?? existing?.planKey ?? 'starter';
  const interval = planKind?.interval ?? (sub.metadata?.interval === 'year' ? 'year' : 'month');
  const addon = (product: string) => items.filter((i) => i.kind.kind === 'addon' && i.kind.product === product).reduce((n, i) => n + (i.item.quantity ?? 1), 0);
  const periodItem = planItem?.item ?? sub.items.data[0];
  const graceEndsAt = sub.status === 'past_due' ? (existing?.status === 'past_due' && existing.graceEndsAt ? existing.graceEndsAt : new Date(now.getTime() + graceDays * 86_400_000)) : null;
  return {
    planKey,
    interval,
    status: sub.status,
    stripeCustomerId: typeof sub.customer === 'string' ? sub.customer : sub.customer.id,
    stripeSubscriptionId: sub.id,
    currentPeriodStart: date(periodItem?.current_period_start),
    currentPeriodEnd: date(periodItem?.current_period_end),
    trialEndsAt: sub.status === 'trialing' ? date(sub.trial_end) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    extraAccounts: addon('extra_account'),
    whiteLabelAddon: addon('white_label') > 0,
    graceEndsAt,
  };
}

/** The subscription an invoice belongs to (new API: under `parent.subscription_details`). */
export function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  const sub = invoice.parent?.subscription_details?.subscription;
  if (!sub) return null;
  return typeof sub === 'string' ? sub : sub.id;
}
