import type { CacheBus } from './cache-bus.js';
import { LruCache } from './lru-cache.js';

/**
 * A bounded LRU (with TTL) of values grouped by workspace, dropped per workspace (or all at once)
 * through the CacheBus, in this process at once and in the others when Redis delivers.
 *
 * Each workspace has a generation, bumped by every invalidation. A load records the generation
 * before it queries and its result is served only while that generation holds, so a row read while
 * a change was committing is never served after the change's invalidation. The TTL bounds the
 * staleness only if an invalidation message is lost (Redis down).
 */
export class ScopedCache<V> {
  private readonly entries: LruCache<{ value: V; generation: number; all: number }>;
  private readonly generations = new Map<number, number>();
  private all = 0;

  constructor(
    private readonly bus: CacheBus,
    private readonly topic: string,
    bounds: { max: number; ttlMs: number },
  ) {
    this.entries = new LruCache(bounds.max, bounds.ttlMs);
    bus.on(topic, (message) => {
      if (message === '*') this.all++;
      else this.generations.set(Number(message), this.generation(Number(message)) + 1);
    });
  }

  /** The cached value, or `load()`'s (null is not cached: a missing row is looked up again). */
  async get(tenantId: number, key: string, load: () => Promise<V | null>): Promise<V | null> {
    const k = `${tenantId}:${key}`;
    const generation = this.generation(tenantId);
    const all = this.all;
    const hit = this.entries.get(k);
    if (hit && hit.generation === generation && hit.all === all) return hit.value;
    const value = await load();
    if (value === null) this.entries.delete(k);
    else this.entries.set(k, { value, generation, all });
    return value;
  }

  /** Drops a workspace's entries (or every workspace's with '*') here and in every other process. */
  invalidate(tenantId: number | '*'): Promise<void> {
    return this.bus.publish(this.topic, String(tenantId));
  }

  private generation(tenantId: number): number {
    return this.generations.get(tenantId) ?? 0;
  }
}
