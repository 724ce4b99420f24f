import type { AppConfig } from '../config/config.js';
import type { TenantsRepository } from '../../control/tenants.repository.js';
import { CacheBus } from './cache-bus.js';
import { LruCache } from './lru-cache.js';
import { TenantResolver, UNKNOWN_CACHE } from './tenant-resolver.service.js';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its bound', () => {
    const cache = new LruCache<number>(2, 1_000);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('expires entries after their TTL', () => {
    let now = 0;
    const cache = new LruCache<string>(10, 100, () => now);
    cache.set('k', 'v');
    now = 99;
    expect(cache.get('k')).toBe('v');
    now = 200;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('TenantResolver cache bounds', () => {
  it('random unknown Host headers cannot grow memory past the negative-cache bound', async () => {
    let lookups = 0;
    const tenants = { findBySlug: async () => (lookups++, null), findByVerifiedDomain: async () => (lookups++, null) } as unknown as TenantsRepository;
    const config = { baseDomain: 'example.test', redisPrefix: 'x', redisUrl: undefined } as AppConfig;
    const resolver = new TenantResolver(config, tenants, new CacheBus(config));
    for (let i = 0; i < UNKNOWN_CACHE.max * 3; i++) await resolver.resolve(`w${i}.example.test`);
    expect(resolver.sizes.unknown).toBe(UNKNOWN_CACHE.max);
    // A repeat is served from the cache.
    const before = lookups;
    await resolver.resolve(`w${UNKNOWN_CACHE.max * 3 - 1}.example.test`);
    expect(lookups).toBe(before);
  });
});
