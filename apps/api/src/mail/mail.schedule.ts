import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { TenantsRepository } from '../control/tenants.repository.js';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { MailAutomationsService } from './mail-automations.service.js';
import { mailTickJob } from './mail.jobs.js';

/**
 * Hourly: one job per workspace per hour (slot-derived job id, so several processes running this
 * schedule enqueue it once). The job evaluates every scheduled mail in the workspace's own time
 * zone; each mail's dedupe key makes a second run, a retry or a restart send nothing new.
 */
@Injectable()
export class MailSchedule implements OnModuleInit {
  private readonly logger = new Logger('MailSchedule');

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly automations: MailAutomationsService,
  ) {}

  onModuleInit(): void {
    this.runner.handle(mailTickJob, async ({ at }) => this.automations.tick(new Date(at)));
  }

  @Cron('0 5 * * * *', { name: 'mail-automations', timeZone: 'UTC' })
  async enqueue(): Promise<void> {
    await this.tick(new Date());
  }

  /** Enqueues the hour's tick of every active workspace; `at` is the instant the tick evaluates. */
  async tick(at: Date): Promise<number> {
    const slot = Math.floor(at.getTime() / 3_600_000);
    let count = 0;
    for (const tenant of await this.tenants.list()) {
      if (tenant.status !== 'active') continue;
      await this.jobs.dispatch(mailTickJob, { at: at.toISOString() }, { tenantId: tenant.id, jobId: `${mailTickJob.name}-${tenant.id}-${slot}` });
      count++;
    }
    this.logger.log(`Enqueued the mail tick for ${count} workspace(s)`);
    return count;
  }
}
