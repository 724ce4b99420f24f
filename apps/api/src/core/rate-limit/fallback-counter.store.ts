import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { MemoryCounterStore, RedisCounterStore, type CounterStore } from './rate-limit.store.js';

/**
 * Redis counters while Redis answers; per-process memory counters while it does not (stopped,
 * restarting, unreachable), so sign-in keeps working and stays throttled during a Redis outage —
 * per process instead of cluster-wide, which the warning says. Never waits on a dead connection:
 * a client that is not ready is skipped at once, and a command that fails falls through to memory.
 */
export class FallbackCounterStore implements CounterStore {
  private readonly logger = new Logger('RateLimit');
  private readonly shared: RedisCounterStore;
  private readonly local = new MemoryCounterStore();
  private degraded = false;

  constructor(private readonly redis: Redis, prefix: string) {
    this.shared = new RedisCounterStore(redis, prefix);
    // Connection errors surface as `degraded` (warned once per outage), not as ioredis's unhandled-error log.
    redis.on('error', () => undefined);
  }

  /** True while counters live in this process's memory. */
  get usingMemory(): boolean {
    return this.degraded;
  }

  get(key: string) {
    return this.attempt((s) => s.get(key));
  }

  increment(key: string, windowSeconds: number) {
    return this.attempt((s) => s.increment(key, windowSeconds));
  }

  reset(key: string) {
    return this.attempt((s) => s.reset(key));
  }

  private async attempt<T>(op: (store: CounterStore) => Promise<T>): Promise<T> {
    if (this.redis.status === 'ready') {
      try {
        const result = await op(this.shared);
        if (this.degraded) {
          this.degraded = false;
          this.logger.log('Redis is back: login rate limits are shared across processes again.');
        }
        return result;
      } catch (error) {
        this.fallBack(error instanceof Error ? error.message : String(error));
      }
    } else {
      this.fallBack(`connection ${this.redis.status}`);
    }
    return op(this.local);
  }

  private fallBack(reason: string): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(`Redis unavailable (${reason}): login rate limits fall back to this process's memory until it returns.`);
  }
}
