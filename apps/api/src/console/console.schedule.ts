import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobsService } from '../core/queue/jobs.service.js';
import { tenantDeletionJob } from './console.jobs.js';

/**
 * Hourly sweep of workspaces whose deletion grace ended: the delayed job per deletion is the fast
 * path, this one catches a delay lost with an in-process queue (restart). The schedule only enqueues.
 */
@Injectable()
export class ConsoleSchedule {
  constructor(private readonly jobs: JobsService) {}

  @Cron('0 5 * * * *', { name: 'tenant-deletion-sweep', timeZone: 'UTC' })
  async enqueue(): Promise<void> {
    const slot = Math.floor(Date.now() / 3_600_000);
    await this.jobs.dispatch(tenantDeletionJob, {}, { jobId: `${tenantDeletionJob.name}-sweep-${slot}` });
  }
}
