import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { TenantsRepository } from '../control/tenants.repository.js';
import { ActivityBus } from '../core/activity/activity.bus.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { TenantContext } from '../core/tenancy/tenant-context.js';
import { rollupsRefreshAllJob, rollupsRefreshTenantJob } from './admin-dashboard.jobs.js';
import { AdminDashboardRepository } from './admin-dashboard.repository.js';
import { mrrOfOne, toMrrSubscription } from './metrics.js';


/**
 * Keeps the dashboard's control-schema rollups: hourly every workspace (the schedule only
 * enqueues one job per hour however many processes run it) plus today's subscription snapshot,
 * and one workspace soon after something changed there (a sign-up, a failed sync). Each run
 * recomputes from the source rows, so a repeated or overlapping run is harmless.
 */
@Injectable()
export class RollupsService implements OnModuleInit {
  private readonly logger = new Logger('Rollups');

  constructor(
    private readonly repo: AdminDashboardRepository,
    private readonly tenants: TenantsRepository,
    private readonly ctx: TenantContext,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly activity: ActivityBus,
  ) {}

  onModuleInit(): void {
    this.runner.handle(rollupsRefreshAllJob, () => this.refreshAll());
    this.runner.handle(rollupsRefreshTenantJob, () => this.refreshCurrentTenant(this.ctx.tenant.id));
    // Events keep a workspace's figures fresh between hourly runs (deduplicated per workspace per minute).
    this.activity.subscribe((event) => {
      if (!event.tenantId || (event.type !== 'tenant.created' && event.type !== 'sync.failed')) return;
      const slot = Math.floor(Date.now() / 60_000);
      void this.jobs
        .dispatch(rollupsRefreshTenantJob, {}, { tenantId: event.tenantId, jobId: `${rollupsRefreshTenantJob.name}-${event.tenantId}-${slot}`, delayMs: 2_000 })
        .catch((e: Error) => this.logger.warn(`could not queue a rollup: ${e.message}`));
    });
  }

  @Cron('0 5 * * * *', { name: 'rollups-hourly', timeZone: 'UTC' })
  async schedule(): Promise<void> {
    const slot = Math.floor(Date.now() / 3_600_000);
    await this.jobs.dispatch(rollupsRefreshAllJob, {}, { jobId: `${rollupsRefreshAllJob.name}-${slot}` });
  }

  /** Queued now (the console's "refresh" button); deduplicated per minute. */
  async requestRefresh(): Promise<void> {
    await this.jobs.dispatch(rollupsRefreshAllJob, {}, { jobId: `${rollupsRefreshAllJob.name}-now-${Math.floor(Date.now() / 60_000)}` });
  }

  /** Every workspace, one at a time (the job; never on a request), then today's snapshot. */
  async refreshAll(now = new Date()): Promise<{ tenants: number }> {
    const ids = await this.repo.liveTenantIds();
    for (const id of ids) {
      const tenant = await this.tenants.findById(id);
      if (!tenant) continue;
      try {
        await this.ctx.run(tenant, () => this.refreshCurrentTenant(id));
      } catch (error) {
        this.logger.warn(`rollup of tenant ${id} failed: ${String(error)}`);
      }
    }
    await this.snapshot(now);
    return { tenants: ids.length };
  }

  /** Inside the workspace's context (the job runner or refreshAll entered it). */
  private async refreshCurrentTenant(tenantId: number): Promise<void> {
    const counts = await this.repo.readTenantCounts();
    await this.repo.writeTenantRollups(tenantId, counts);
  }

  async snapshot(now = new Date()): Promise<void> {
    const source = await this.repo.source();
    const rows = source.subscriptions.map((s) => {
      const sub = toMrrSubscription(s, source.plans, source.addons);
      return { tenantId: s.tenantId, planKey: s.planKey, status: s.status, currency: sub.currency, mrr: mrrOfOne(sub) };
    });
    await this.repo.writeSnapshot(now.toISOString().slice(0, 10), rows);
  }
}
