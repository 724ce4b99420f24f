import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { TenantsRepository } from '../control/tenants.repository.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { dayOf } from './sync.dto.js';
import { SyncService } from './sync.service.js';
import { dailyTenantSyncJob, refreshTokensJob } from './sync.jobs.js';

/** Schedules only enqueue; the work happens in processors, once per tenant (idempotent job ids). */
@Injectable()
export class SyncSchedule implements OnModuleInit {
  private readonly logger = new Logger('SyncSchedule');

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly accounts: AccountsRepository,
    private readonly sync: SyncService,
  ) {}

  onModuleInit(): void {
    this.runner.handle(dailyTenantSyncJob, async () => {
      for (const account of await this.accounts.listSyncable()) await this.sync.start(account.id, 'daily');
    });
  }

  @Cron('0 15 2 * * *', { name: 'instagram-token-refresh', timeZone: 'UTC' })
  async enqueueTokenRefresh(): Promise<void> {
    await this.forEachTenant(refreshTokensJob);
  }

  @Cron('0 30 3 * * *', { name: 'instagram-daily-sync', timeZone: 'UTC' })
  async enqueueDailySync(): Promise<void> {
    await this.forEachTenant(dailyTenantSyncJob);
  }

  private async forEachTenant(job: typeof refreshTokensJob | typeof dailyTenantSyncJob): Promise<void> {
    const day = dayOf(new Date());
    let count = 0;
    for (const tenant of await this.tenants.list()) {
      if (tenant.status !== 'active') continue;
      // One job per tenant per day, even if several processes run this schedule.
      await this.jobs.dispatch(job, {}, { tenantId: tenant.id, jobId: `${job.name}-${tenant.id}-${day}` });
      count++;
    }
    this.logger.log(`Enqueued ${job.name} for ${count} workspace(s)`);
  }
}
