import type { Pool, PoolClient } from 'pg';

/**
 * Returns to the pool a checked-out client whose connection died and that nobody will release.
 *
 * Why: when a transaction's connection is terminated (PostgreSQL restart, failover,
 * pg_terminate_backend), MikroORM's rollback fails and kysely (0.29) releases a controlled
 * transaction's connection only after a successful ROLLBACK, so the dead client stays "checked out"
 * for ever: each such outage leaks a pool slot until the pool is exhausted (and `pool.end()` hangs).
 *
 * A client that ends while checked out is given one macrotask for its holder to release it (the
 * ordinary query path does, in a `finally`), then released here with an error, which removes it.
 */
export function releaseClientsThatDie(pool: Pool): void {
  const out = new Set<PoolClient>();
  pool.on('acquire', (client) => out.add(client));
  pool.on('release', (_err, client) => out.delete(client));
  pool.on('remove', (client) => out.delete(client));
  pool.on('connect', (client) => {
    client.on('end', () => {
      setImmediate(() => {
        if (!out.has(client)) return;
        out.delete(client);
        client.release(new Error('connection ended while checked out'));
      });
    });
  });
}
