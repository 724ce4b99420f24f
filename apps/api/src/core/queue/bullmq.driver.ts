import type { Queue } from 'bullmq';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, type JobData, type JobOptions, type QueueCounts, type QueueDriver, type QueueName } from './job.types.js';

/** Enqueues onto the BullMQ queues registered through @nestjs/bullmq. */
export class BullMqQueueDriver implements QueueDriver {
  constructor(private readonly queues: Map<QueueName, Queue>) {}

  async enqueue(queue: QueueName, name: string, data: JobData, options: JobOptions): Promise<string> {
    const q = this.queues.get(queue);
    if (!q) throw new Error(`Queue ${queue} is not registered`);
    const job = await q.add(name, data, {
      jobId: options.jobId,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
      delay: options.delayMs,
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    return job.id!;
  }

  async counts(): Promise<QueueCounts[]> {
    return Promise.all(
      [...this.queues].map(async ([queue, q]) => {
        const c = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
        return { queue, waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
      }),
    );
  }

  async close(): Promise<void> {
    // Queues are closed by @nestjs/bullmq on shutdown.
  }
}
