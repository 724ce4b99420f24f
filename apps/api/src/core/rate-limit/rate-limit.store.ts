import type { Redis } from 'ioredis';

/** Fixed-window failure counters. Redis when configured (shared by every process), memory otherwise. */
export interface CounterStore {
  /** Current count and seconds until the window resets. */
  get(key: string): Promise<{ count: number; ttlSeconds: number }>;
  increment(key: string, windowSeconds: number): Promise<{ count: number; ttlSeconds: number }>;
  reset(key: string): Promise<void>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();

  async get(key: string) {
    const c = this.live(key);
    return c ? { count: c.count, ttlSeconds: Math.ceil((c.resetAt - Date.now()) / 1000) } : { count: 0, ttlSeconds: 0 };
  }

  async increment(key: string, windowSeconds: number) {
    const c = this.live(key) ?? { count: 0, resetAt: Date.now() + windowSeconds * 1000 };
    c.count++;
    this.counters.set(key, c);
    if (this.counters.size > 100_000) this.sweep();
    return { count: c.count, ttlSeconds: Math.ceil((c.resetAt - Date.now()) / 1000) };
  }

  async reset(key: string) {
    this.counters.delete(key);
  }

  private live(key: string) {
    const c = this.counters.get(key);
    if (c && c.resetAt <= Date.now()) {
      this.counters.delete(key);
      return undefined;
    }
    return c;
  }

  private sweep() {
    const now = Date.now();
    for (const [k, v] of this.counters) if (v.resetAt <= now) this.counters.delete(k);
  }
}

export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'ig:rl:') {}

  async get(key: string) {
    const [count, ttl] = await this.redis.multi().get(this.prefix + key).ttl(this.prefix + key).exec().then((r) => r!.map((x) => x[1]));
    return { count: Number(count ?? 0), ttlSeconds: Math.max(0, Number(ttl)) };
  }

  async increment(key: string, windowSeconds: number) {
    const k = this.prefix + key;
    // NX keeps the window fixed from the first failure.
    const result = await this.redis.multi().incr(k).expire(k, windowSeconds, 'NX').ttl(k).exec();
    return { count: Number(result![0][1]), ttlSeconds: Math.max(1, Number(result![2][1])) };
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }
}
