import type { Type } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobRunner } from './job-runner.service.js';
import { QUEUE_NAMES, type JobData, type QueueName } from './job.types.js';

/** One BullMQ worker per queue, all dispatching to the same registered processors as the in-process driver. */
function processorFor(queue: QueueName, concurrency: number): Type<WorkerHost> {
  @Processor(queue, { concurrency })
  class QueueProcessor extends WorkerHost {
    constructor(readonly runner: JobRunner) {
      super();
    }

    async process(job: Job<JobData>): Promise<unknown> {
      const emit = (state: 'active' | 'completed', percent?: number) =>
        this.runner.emit({ queue, name: job.name, jobId: job.id!, state, percent, tenantId: job.data.tenantId });
      emit('active');
      try {
        const result = await this.runner.run(queue, job.name, job.data, {
          id: job.id!,
          attempt: job.attemptsMade + 1,
          progress: async (percent, step) => {
            await job.updateProgress({ percent, step });
            this.runner.emit({ queue, name: job.name, jobId: job.id!, state: 'progress', percent, step, tenantId: job.data.tenantId });
          },
        });
        emit('completed', 100);
        return result;
      } catch (error) {
        // Errors that say they cannot succeed on retry (an expired token) are parked at once.
        if ((error as { retryable?: boolean }).retryable === false) throw new UnrecoverableError((error as Error).message);
        throw error;
      }
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}QueueProcessor` });
  return QueueProcessor;
}

/** Jobs each worker process runs at once, per queue (sync is configurable: INSTAGRAM_SYNC_CONCURRENCY). */
export function bullmqProcessors(concurrency: Partial<Record<QueueName, number>>): Type<WorkerHost>[] {
  return QUEUE_NAMES.map((queue) => processorFor(queue, concurrency[queue] ?? 8));
}
