import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRunner } from '../core/queue/job-runner.service.js';
import { JobsService } from '../core/queue/jobs.service.js';
import { DomainsService } from './domains.service.js';
import { domainsRecheckJob } from './domains.jobs.js';


/** Every 30 minutes one platform job re-checks every custom domain (the schedule only enqueues). */
@Injectable()
export class DomainsSchedule implements OnModuleInit {
  private readonly logger = new Logger('DomainsSchedule');

  constructor(
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly domains: DomainsService,
  ) {}

  onModuleInit(): void {
    this.runner.handle(domainsRecheckJob, async () => {
      const result = await this.domains.recheckAll();
      if (result.changed) this.logger.log(`Re-checked ${result.checked} domain(s); ${result.changed} changed status`);
      return result;
    });
  }

  @Cron('0 */30 * * * *', { name: 'domains-recheck', timeZone: 'UTC' })
  async enqueue(): Promise<void> {
    const slot = Math.floor(Date.now() / 1_800_000);
    // One job per half hour however many processes run this schedule.
    await this.jobs.dispatch(domainsRecheckJob, {}, { jobId: `${domainsRecheckJob.name}-${slot}` });
  }
}
