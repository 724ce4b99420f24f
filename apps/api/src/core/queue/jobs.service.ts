import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { JobData, JobOptions, QueueCounts, QueueDriver, QueueName } from './job.types.js';

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');

/** What services call to start background work. `@nestjs/schedule` tasks only enqueue through here. */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  enqueue(queue: QueueName, name: string, data: JobData, options: JobOptions = {}): Promise<string> {
    return this.driver.enqueue(queue, name, data, options);
  }

  counts(): Promise<QueueCounts[]> {
    return this.driver.counts();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}
