import { Inject, Injectable } from '@nestjs/common';
import type { Tenant } from '../../control/control.entity.js';
import { TenantsRepository } from '../../control/tenants.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CacheBus } from './cache-bus.js';
import { classifyHost } from './host.js';
import { LruCache } from './lru-cache.js';
import { hasExpectedSchema } from './schema-check.js';

export type ResolvedHost =
  | { realm: 'root' }
  | { realm: 'admin' }
  | { realm: 'workspace'; tenant: Tenant }
  | { realm: 'unknown' };

/** Known workspaces: many, long-lived (changes are pushed, the TTL is only a safety net). */
export const KNOWN_CACHE = { max: 10_000, ttlMs: 60_000 };
/** Unknown hosts: anyone can invent them, so fewer and shorter (a new sign-up shows within seconds). */
export const UNKNOWN_CACHE = { max: 1_000, ttlMs: 5_000 };

const TENANT_CACHE_TOPIC = 'tenants';

/**
 * Host → tenant, cached in two bounded LRUs. A change (suspend, sign-up) clears this process's
 * cache at once and, with REDIS_URL, every other process's through a pub/sub message.
 */
@Injectable()
export class TenantResolver {
  private readonly known = new LruCache<ResolvedHost>(KNOWN_CACHE.max, KNOWN_CACHE.ttlMs);
  private readonly unknown = new LruCache<ResolvedHost>(UNKNOWN_CACHE.max, UNKNOWN_CACHE.ttlMs);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantsRepository,
    private readonly bus: CacheBus,
  ) {
    bus.on(TENANT_CACHE_TOPIC, () => this.clearLocal());
  }

  /** Entry counts (tests assert the bounds). */
  get sizes(): { known: number; unknown: number } {
    return { known: this.known.size, unknown: this.unknown.size };
  }

  async resolve(hostHeader: string | undefined): Promise<ResolvedHost> {
    const host = classifyHost(hostHeader, this.config.baseDomain);
    if (host.realm === 'root' || host.realm === 'admin') return host;
    if (host.realm === 'unknown') return { realm: 'unknown' };
    const key = host.realm === 'workspace' ? `s:${host.slug}` : `d:${host.hostname}`;
    const hit = this.known.get(key) ?? this.unknown.get(key);
    if (hit) return hit;
    const tenant = host.realm === 'workspace' ? await this.tenants.findBySlug(host.slug) : await this.tenants.findByVerifiedDomain(host.hostname);
    if (tenant && tenant.status !== 'provisioning' && hasExpectedSchema(tenant)) {
      const value: ResolvedHost = { realm: 'workspace', tenant };
      this.known.set(key, value);
      return value;
    }
    this.unknown.set(key, { realm: 'unknown' });
    return { realm: 'unknown' };
  }

  /** Drops every cached entry here now, and in every other process as soon as Redis delivers. */
  async invalidate(): Promise<void> {
    await this.bus.publish(TENANT_CACHE_TOPIC);
  }

  private clearLocal(): void {
    this.known.clear();
    this.unknown.clear();
  }
}
