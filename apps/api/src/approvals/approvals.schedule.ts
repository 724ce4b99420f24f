import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { TenantsRepository } from '../control/tenants.repository.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { approvalRemindersJob } from './approvals.jobs.js';
import { ApprovalsService } from './approvals.service.js';


/** Daily at 08:00 UTC, one job per active workspace (idempotent id per day) mails approval reminders. */
@Injectable()
export class ApprovalsSchedule implements OnModuleInit {
  private readonly logger = new Logger('ApprovalsSchedule');

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly approvals: ApprovalsService,
  ) {}

  onModuleInit(): void {
    // The runner re-enters the job's tenant, so the service works on that workspace's schema.
    this.runner.handle(approvalRemindersJob, async () => ({ reminded: await this.approvals.remind() }));
  }

  @Cron('0 0 8 * * *', { name: 'approval-reminders', timeZone: 'UTC' })
  async enqueueReminders(now = new Date()): Promise<number> {
    const day = now.toISOString().slice(0, 10);
    let count = 0;
    for (const tenant of await this.tenants.list()) {
      if (tenant.status !== 'active') continue;
      await this.jobs.dispatch(approvalRemindersJob, {}, { tenantId: tenant.id, jobId: `${approvalRemindersJob.name}-${tenant.id}-${day}` });
      count++;
    }
    this.logger.log(`Enqueued approval reminders for ${count} workspace(s)`);
    return count;
  }
}
