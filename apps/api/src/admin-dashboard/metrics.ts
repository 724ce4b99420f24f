/**
 * The console dashboard's figures, each computed by one pure function (no I/O, no clock): the
 * repository reads rows, these turn them into numbers, the spec checks them against hand-computed
 * fixtures. Money is in minor units (cents) of one currency.
 */
import { monthlyRecurringRevenue, subscriptionMrr, type MrrItem, type MrrSubscription } from '../billing/mrr.js';

export interface PlanPrice {
  currency: string;
  priceMonthly: number;
  priceYearly: number;
}

export interface SubscriptionRow {
  tenantId: number;
  planKey: string;
  interval: 'month' | 'year';
  status: string;
  extraAccounts: number;
  whiteLabelAddon: boolean;
}

export interface AddonPrices {
  /** Per extra account per month. */
  extraAccount: number;
  /** White-label add-on per month. */
  whiteLabel: number;
}

/** A stored subscription as Stripe would bill it: the plan at its interval plus the monthly add-ons. */
export function toMrrSubscription(sub: SubscriptionRow, plans: ReadonlyMap<string, PlanPrice>, addons: AddonPrices): MrrSubscription {
  const plan = plans.get(sub.planKey);
  if (!plan) return { status: sub.status, currency: 'usd', items: [] };
  const items: MrrItem[] = [
    sub.interval === 'year' ? { unitAmount: plan.priceYearly, quantity: 1, interval: 'year' } : { unitAmount: plan.priceMonthly, quantity: 1, interval: 'month' },
  ];
  if (sub.extraAccounts > 0) items.push({ unitAmount: addons.extraAccount, quantity: sub.extraAccounts, interval: 'month' });
  if (sub.whiteLabelAddon) items.push({ unitAmount: addons.whiteLabel, quantity: 1, interval: 'month' });
  return { status: sub.status, currency: plan.currency, items };
}

/** MRR the way Stripe defines it (billing/mrr.ts): active and past-due subscriptions, normalised to a month. */
export function mrr(subs: MrrSubscription[], currency: string): number {
  return monthlyRecurringRevenue(subs, currency);
}

/** One subscription's MRR in whole cents. */
export const mrrOfOne = (sub: MrrSubscription): number => Math.round(subscriptionMrr(sub));

/** Subscriptions that count toward MRR (Stripe: active or past_due with a non-zero amount). */
export function payingCount(subs: MrrSubscription[], currency: string): number {
  return subs.filter((s) => s.currency === currency && subscriptionMrr(s) > 0).length;
}

/** Average revenue per (paying) account: MRR ÷ paying customers, 0 with none. */
export function arpa(mrrAmount: number, paying: number): number {
  return paying > 0 ? Math.round(mrrAmount / paying) : 0;
}

/** MRR change between two instants: the difference and the percentage of the start (null from 0). */
export function mrrChange(start: number, end: number): { amount: number; percent: number | null } {
  return { amount: end - start, percent: start > 0 ? round2(((end - start) / start) * 100) : null };
}

export interface SnapshotRow {
  tenantId: number;
  mrr: number;
}

/**
 * Logo churn over a period: of the customers paying at its start, the share no longer paying at its
 * end (new customers during the period neither add nor remove churn). Rate in percent.
 */
export function logoChurn(start: SnapshotRow[], end: SnapshotRow[]): { base: number; churned: number; rate: number | null } {
  const payingAtStart = start.filter((s) => s.mrr > 0);
  const payingAtEnd = new Set(end.filter((s) => s.mrr > 0).map((s) => s.tenantId));
  const churned = payingAtStart.filter((s) => !payingAtEnd.has(s.tenantId)).length;
  return { base: payingAtStart.length, churned, rate: payingAtStart.length ? round2((churned / payingAtStart.length) * 100) : null };
}

/**
 * Revenue churn over a period, from the customers paying at its start: gross = MRR lost to
 * cancellations and downgrades ÷ starting MRR; net = the same minus expansion from those customers
 * (negative when upgrades outweigh losses). Rates in percent, amounts in cents.
 */
export function revenueChurn(start: SnapshotRow[], end: SnapshotRow[]): { baseMrr: number; lostMrr: number; expansionMrr: number; grossRate: number | null; netRate: number | null } {
  const endMrr = new Map(end.map((s) => [s.tenantId, s.mrr]));
  let baseMrr = 0;
  let lostMrr = 0;
  let expansionMrr = 0;
  for (const s of start) {
    if (s.mrr <= 0) continue;
    baseMrr += s.mrr;
    const now = endMrr.get(s.tenantId) ?? 0;
    if (now < s.mrr) lostMrr += s.mrr - now;
    else expansionMrr += now - s.mrr;
  }
  return {
    baseMrr,
    lostMrr,
    expansionMrr,
    grossRate: baseMrr ? round2((lostMrr / baseMrr) * 100) : null,
    netRate: baseMrr ? round2(((lostMrr - expansionMrr) / baseMrr) * 100) : null,
  };
}

export interface TrialRow {
  trialEndsAt: Date | null;
  /** Paying (active or past due) now. */
  paying: boolean;
}

/**
 * Trials in a period: those still running at `now` (not yet paying) and, of the trials that ended
 * within [from, to], the share that became paying customers.
 */
export function trialConversion(rows: TrialRow[], from: Date, to: Date, now: Date): { active: number; ended: number; converted: number; rate: number | null } {
  const active = rows.filter((r) => r.trialEndsAt && r.trialEndsAt > now && !r.paying).length;
  const ended = rows.filter((r) => r.trialEndsAt && r.trialEndsAt >= from && r.trialEndsAt <= to && r.trialEndsAt <= now);
  const converted = ended.filter((r) => r.paying).length;
  return { active, ended: ended.length, converted, rate: ended.length ? round2((converted / ended.length) * 100) : null };
}

export type Bucket = 'day' | 'month';

/** Days for ranges up to 92 days, months beyond (a chart stays readable either way). */
export const bucketFor = (from: Date, to: Date): Bucket => ((to.getTime() - from.getTime()) / 86_400_000 <= 92 ? 'day' : 'month');

/** Every bucket label from `from` to `to` inclusive: `2026-11-03` (day) or `2026-11` (month), UTC. */
export function buckets(from: Date, to: Date, bucket: Bucket): string[] {
  const out: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), bucket === 'day' ? from.getUTCDate() : 1));
  while (cursor <= to) {
    out.push(labelOf(cursor, bucket));
    if (bucket === 'day') cursor.setUTCDate(cursor.getUTCDate() + 1);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return out;
}

export const labelOf = (d: Date, bucket: Bucket) => d.toISOString().slice(0, bucket === 'day' ? 10 : 7);

/** Sum of amounts per bucket (revenue collected: paid invoices by creation date), zeros included. */
export function sumByBucket(rows: { at: Date; amount: number }[], from: Date, to: Date, bucket: Bucket): { period: string; amount: number }[] {
  const sums = new Map(buckets(from, to, bucket).map((b) => [b, 0]));
  for (const r of rows) {
    if (r.at < from || r.at > to) continue;
    const key = labelOf(r.at, bucket);
    if (sums.has(key)) sums.set(key, sums.get(key)! + r.amount);
  }
  return [...sums].map(([period, amount]) => ({ period, amount }));
}

/**
 * A running total at the end of each bucket: `before` (what existed before `from`) plus everything
 * added up to that bucket (tenants or users created per day).
 */
export function cumulativeByBucket(before: number, added: { at: Date; count: number }[], from: Date, to: Date, bucket: Bucket): { period: string; total: number }[] {
  const perBucket = new Map(buckets(from, to, bucket).map((b) => [b, 0]));
  for (const a of added) {
    if (a.at < from || a.at > to) continue;
    const key = labelOf(a.at, bucket);
    if (perBucket.has(key)) perBucket.set(key, perBucket.get(key)! + a.count);
  }
  let total = before;
  return [...perBucket].map(([period, n]) => ({ period, total: (total += n) }));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
