import { z } from 'zod';
import { isoDate } from './primitives.js';

/** `from`/`to` are whole UTC days (both included); default: the last 30 days. At most ~5 years. */
export const adminDashboardQuerySchema = z
  .object({ from: isoDate().optional(), to: isoDate().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after `to`', path: ['from'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 1830 * 86_400_000, { message: 'the range may span at most 5 years', path: ['from'] });

/** Money is always minor units (cents) with its currency. */
const money = z.object({ amount: z.number().int(), currency: z.string() });
const rate = z.number().nullable().describe('percent, two decimals; null when there is no base to divide by');

export const adminDashboardSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), bucket: z.enum(['day', 'month']) }),
  currency: z.string(),
  tenants: z.number().int(),
  users: z.number().int(),
  accounts: z.number().int(),
  activeSubscriptions: z.number().int().describe('subscriptions counted in MRR (active or past due, non-zero)'),
  mrr: money,
  mrrChange: money.extend({ percent: rate, since: z.string().nullable().describe('the snapshot day compared with; null before the first snapshot') }),
  arpa: money,
  churn: z.object({
    logo: z.object({ base: z.number().int(), churned: z.number().int(), rate }),
    revenue: z.object({ baseMrr: z.number().int(), lostMrr: z.number().int(), expansionMrr: z.number().int(), grossRate: rate, netRate: rate }),
    since: z.string().nullable(),
  }),
  trials: z.object({ active: z.number().int(), ended: z.number().int(), converted: z.number().int() }),
  trialConversion: rate,
  revenue: money.describe('paid invoices in the range'),
  aiUsage: z.object({
    generations: z.number().int(),
    tokens: z.number().int(),
    cost: money.describe('estimated; cents rounded from the exact USD'),
    costUsd: z.number(),
    byTenant: z.array(z.object({ tenantId: z.number().int(), slug: z.string(), generations: z.number().int(), tokens: z.number().int(), costUsd: z.number() })),
  }),
  queues: z.array(z.object({ queue: z.string(), waiting: z.number().int(), active: z.number().int(), delayed: z.number().int(), failed: z.number().int() })),
  syncFailures: z.number().int(),
  series: z.object({
    revenue: z.array(z.object({ period: z.string(), amount: z.number().int() })),
    tenants: z.array(z.object({ period: z.string(), total: z.number().int() })),
    users: z.array(z.object({ period: z.string(), total: z.number().int() })),
  }),
  topTenants: z.array(z.object({ tenantId: z.number().int(), slug: z.string(), planKey: z.string(), status: z.string(), mrr: z.number().int(), users: z.number().int(), accounts: z.number().int() })),
  rollupsRefreshedAt: z.string().nullable(),
});
export type AdminDashboard = z.infer<typeof adminDashboardSchema>;

export const rollupRefreshSchema = z.object({ queued: z.boolean() });
