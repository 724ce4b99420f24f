import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { ConnectionOptions, Queue } from 'bullmq';
import type { AppConfig } from '../config/config.js';
import { BullMqQueueDriver } from './bullmq.driver.js';
import { bullmqProcessors } from './bullmq.processors.js';
import { InProcessQueueDriver } from './in-process.driver.js';
import { JobRunner } from './job-runner.service.js';
import { QUEUE_NAMES, type QueueName } from './job.types.js';
import { JobsService, QUEUE_DRIVER } from './jobs.service.js';
import { redisOptionsFromUrl } from './redis-options.js';

/**
 * BullMQ on Redis when REDIS_URL is set (workers run in this process unless `runWorkers` is
 * false), otherwise the in-process driver. Either way the same processors run.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, options: { runWorkers: boolean }): DynamicModule {
    const common: Provider[] = [JobRunner, JobsService];
    if (!config.redisUrl) {
      return {
        module: QueueModule,
        providers: [...common, { provide: QUEUE_DRIVER, useFactory: (runner: JobRunner) => new InProcessQueueDriver(runner, config.instagram.syncConcurrency), inject: [JobRunner] }],
        exports: [JobsService, JobRunner],
      };
    }
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({ connection: redisOptionsFromUrl(config.redisUrl) as ConnectionOptions, prefix: config.redisPrefix }),
        BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
      ],
      providers: [
        ...common,
        ...(options.runWorkers ? bullmqProcessors({ sync: config.instagram.syncConcurrency }) : []),
        {
          provide: QUEUE_DRIVER,
          useFactory: (...queues: Queue[]) => new BullMqQueueDriver(new Map(QUEUE_NAMES.map((n, i) => [n as QueueName, queues[i]]))),
          inject: QUEUE_NAMES.map((n) => getQueueToken(n)),
        },
      ],
      exports: [JobsService, JobRunner],
    };
  }
}
