import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { HealthRepository } from './health.repository.js';

@Injectable()
export class HealthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: HealthRepository,
  ) {}

  async check() {
    const [database, queue] = await Promise.all([this.repo.pingDatabase(), this.repo.pingQueue()]);
    return {
      status: database.ok && queue.ok ? ('ok' as const) : ('degraded' as const),
      database: { ...database, driver: this.config.databaseUrl ? 'postgresql' : 'pglite (embedded)' },
      queue: { ...queue, driver: this.config.redisUrl ? 'bullmq (redis)' : 'in-process' },
    };
  }
}
