import { Injectable } from '@nestjs/common';
import type { DashboardView } from '@instagrowth/contracts';
import { accountOverview } from '@instagrowth/growth-engine';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditsRepository } from '../audits/audits.repository.js';
import { scoreChanges } from '../audits/audits.dto.js';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';

const ok = (m: { status: string; value?: unknown }) => (m.status === 'ok' ? (m.value as string) : null);

/** Per-account figures for the dashboard, from the growth engine's accountOverview (same numbers as the audit). */
@Injectable()
export class DashboardService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly audits: AuditsRepository,
    private readonly ctx: TenantContext,
  ) {}

  async overview(actor: MemberPrincipal, now = new Date()): Promise<DashboardView> {
    const { data: accounts } = await this.accounts.list(actor);
    const latest = await this.audits.latestCompleted(accounts.map((a) => a.id));
    const rows = [];
    for (const account of accounts) {
      const tz = await this.audits.accountTimeZone(account.id, this.ctx.tenant.id);
      const o = accountOverview(await this.audits.engineInput(account.id, tz, now, 35));
      const [last, before] = latest.filter((a) => a.accountId === account.id);
      const lastScore = last?.result?.overall.score;
      rows.push({
        accountId: account.id,
        username: account.username,
        followers: o.followers,
        followerChange28d: o.followerChange28d,
        dailyReach28d: o.dailyReach28d,
        engagementMedian: o.engagementMedian,
        tier: ok(o.tier),
        band: o.band ? { low: o.band.low, typical: o.band.typical, high: o.band.high } : null,
        position: ok(o.position),
        latestAudit: last
          ? { id: last.id, score: lastScore?.status === 'ok' ? Math.round(lastScore.value * 10) / 10 : null, change: scoreChanges(last.result, before?.result ?? null).overall, createdAt: last.createdAt.toISOString() }
          : null,
        sparkline: o.sparkline.map((p) => ({ day: p.day, followers: p.followers })),
      });
    }
    return { data: rows } as DashboardView;
  }
}
