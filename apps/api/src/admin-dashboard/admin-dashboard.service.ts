import { Injectable } from '@nestjs/common';
import type { AdminDashboard } from '@instagrowth/contracts';
import { JobsService } from '../core/queue/jobs.service.js';
import { AdminDashboardRepository } from './admin-dashboard.repository.js';
import { arpa, bucketFor, cumulativeByBucket, logoChurn, mrr, mrrChange, mrrOfOne, payingCount, revenueChurn, sumByBucket, toMrrSubscription, trialConversion } from './metrics.js';

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The console dashboard: control-schema reads (rollups and billing) turned into figures by metrics.ts. */
@Injectable()
export class AdminDashboardService {
  constructor(
    private readonly repo: AdminDashboardRepository,
    private readonly jobs: JobsService,
  ) {}

  async dashboard(query: { from?: string; to?: string }, now = new Date()): Promise<AdminDashboard> {
    const to = query.to ? new Date(`${query.to}T23:59:59.999Z`) : now;
    const from = query.from ? new Date(`${query.from}T00:00:00Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 29 * DAY);
    const bucket = bucketFor(from, to);

    const source = await this.repo.source();
    const currency = source.plans.values().next().value?.currency ?? 'usd';
    const subs = source.subscriptions.map((s) => ({ row: s, mrr: toMrrSubscription(s, source.plans, source.addons) }));
    const mrrSubs = subs.map((s) => s.mrr);
    const currentMrr = mrr(mrrSubs, currency);
    const paying = payingCount(mrrSubs, currency);

    // The end of the range is now (live subscriptions) unless the range ended before today.
    const endIsNow = dayOf(to) >= dayOf(now);
    const endSnap = endIsNow ? null : await this.repo.snapshotAt(dayOf(to), currency);
    const endRows = endIsNow ? subs.map((s) => ({ tenantId: s.row.tenantId, mrr: s.mrr.currency === currency ? mrrOfOne(s.mrr) : 0 })) : (endSnap?.rows ?? []);
    const endMrr = endIsNow ? currentMrr : endRows.reduce((sum, r) => sum + r.mrr, 0);
    const startSnap = await this.repo.snapshotAt(dayOf(from), currency);
    const startMrr = startSnap ? startSnap.rows.reduce((sum, r) => sum + r.mrr, 0) : null;
    const change = startMrr === null ? { amount: 0, percent: null } : mrrChange(startMrr, endMrr);

    const [invoices, tenantGrowth, rollups, ai, perTenant, queues] = await Promise.all([
      this.repo.paidInvoices(from, to, currency),
      this.repo.tenantGrowth(from, to),
      this.repo.dailyRollups(from, to),
      this.repo.aiUsage(from, to),
      this.repo.tenantRollups(),
      this.jobs.counts(),
    ]);
    const trials = trialConversion(source.trials, from, to, now);
    const costUsd = Math.round(ai.reduce((s, r) => s + r.costUsd, 0) * 1e6) / 1e6;

    return {
      range: { from: dayOf(from), to: dayOf(to), bucket },
      currency,
      tenants: source.tenants,
      users: source.users,
      accounts: source.accounts,
      activeSubscriptions: paying,
      mrr: { amount: endMrr, currency },
      mrrChange: { ...change, currency, since: startSnap?.day ?? null },
      arpa: { amount: arpa(endMrr, endIsNow ? paying : endRows.filter((r) => r.mrr > 0).length), currency },
      churn: {
        logo: logoChurn(startSnap?.rows ?? [], endRows),
        revenue: revenueChurn(startSnap?.rows ?? [], endRows),
        since: startSnap?.day ?? null,
      },
      trials: { active: trials.active, ended: trials.ended, converted: trials.converted },
      trialConversion: trials.rate,
      revenue: { amount: invoices.reduce((s, i) => s + i.amount, 0), currency },
      aiUsage: {
        generations: ai.reduce((s, r) => s + r.generations, 0),
        tokens: ai.reduce((s, r) => s + r.tokens, 0),
        cost: { amount: Math.round(costUsd * 100), currency: 'usd' },
        costUsd,
        byTenant: ai,
      },
      queues,
      syncFailures: rollups.syncFailures,
      series: {
        revenue: sumByBucket(invoices, from, to, bucket),
        tenants: cumulativeByBucket(tenantGrowth.before, tenantGrowth.added, from, to, bucket),
        users: cumulativeByBucket(rollups.usersBefore, rollups.usersAdded, from, to, bucket),
      },
      topTenants: subs
        .map((s) => ({
          tenantId: s.row.tenantId,
          slug: s.row.slug,
          planKey: s.row.planKey,
          status: s.row.status,
          mrr: s.mrr.currency === currency ? mrrOfOne(s.mrr) : 0,
          users: perTenant.get(s.row.tenantId)?.users ?? 0,
          accounts: perTenant.get(s.row.tenantId)?.accounts ?? 0,
        }))
        .sort((a, b) => b.mrr - a.mrr || a.slug.localeCompare(b.slug))
        .slice(0, 50),
      rollupsRefreshedAt: source.refreshedAt?.toISOString() ?? null,
    };
  }
}
