import { Inject, Injectable } from '@nestjs/common';
import type { Tenant } from '../../control/control.entity.js';
import { TenantsRepository } from '../../control/tenants.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { classifyHost } from './host.js';
import { hasExpectedSchema } from './schema-check.js';

export type ResolvedHost =
  | { realm: 'root' }
  | { realm: 'admin' }
  | { realm: 'workspace'; tenant: Tenant }
  | { realm: 'unknown' };

const TTL_MS = 5_000;

/**
 * Host → tenant, cached briefly. Entries carry the tenant's `updatedAt` as their version; any
 * change made here (suspend, rename) drops the entry at once, other processes see it within TTL.
 */
@Injectable()
export class TenantResolver {
  private readonly cache = new Map<string, { value: ResolvedHost; expiresAt: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantsRepository,
  ) {}

  async resolve(hostHeader: string | undefined): Promise<ResolvedHost> {
    const host = classifyHost(hostHeader, this.config.baseDomain);
    if (host.realm === 'root' || host.realm === 'admin') return host;
    if (host.realm === 'unknown') return { realm: 'unknown' };
    const key = host.realm === 'workspace' ? `s:${host.slug}` : `d:${host.hostname}`;
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const tenant = host.realm === 'workspace' ? await this.tenants.findBySlug(host.slug) : await this.tenants.findByVerifiedDomain(host.hostname);
    const value: ResolvedHost = tenant && tenant.status !== 'provisioning' && hasExpectedSchema(tenant) ? { realm: 'workspace', tenant } : { realm: 'unknown' };
    this.cache.set(key, { value, expiresAt: Date.now() + TTL_MS });
    return value;
  }

  invalidate(): void {
    this.cache.clear();
  }
}
