import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import { redisOptionsFromUrl } from '../queue/redis-options.js';
import { COUNTER_STORE, LoginThrottle } from './login-throttle.service.js';
import { FallbackCounterStore } from './fallback-counter.store.js';
import { MemoryCounterStore } from './rate-limit.store.js';
import { RequestThrottle } from './request-throttle.service.js';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** A shared Redis client for counters (null on the embedded default) and the login throttle. */
@Global()
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        {
          provide: REDIS_CLIENT,
          // Counters must not wait for a dead Redis: no offline queue, a bounded command time (see FallbackCounterStore).
          useFactory: () =>
            config.redisUrl ? new Redis({ ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1_000, lazyConnect: false }) : null,
        },
        {
          provide: COUNTER_STORE,
          useFactory: (redis: Redis | null) => (redis ? new FallbackCounterStore(redis, `${config.redisPrefix}:rl:`) : new MemoryCounterStore()),
          inject: [REDIS_CLIENT],
        },
        LoginThrottle,
        RequestThrottle,
        RedisLifecycle,
      ],
      exports: [REDIS_CLIENT, COUNTER_STORE, LoginThrottle, RequestThrottle],
    };
  }
}

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
