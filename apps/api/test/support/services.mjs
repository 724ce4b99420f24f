// Shared by the jest global setup (plain ESM, loaded natively) and the TypeScript test helpers.
import pg from 'pg';
import { Redis } from 'ioredis';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const TEST_SECRETS = {
  APP_SECRET: 'test-app-secret-0123456789abcdef0123456789abcdef',
  SETTINGS_ENCRYPTION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
};
export const ADMIN = { email: 'root@platform.test', password: 'platform-password-123', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

/** @param {string} name */
export function databaseUrl(name) {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Fails fast, saying how to start what is missing. */
export async function assertServicesUp() {
  const problems = [];
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    problems.push(
      `PostgreSQL is not reachable at ${TEST_PG_URL} (${error.message}).\n` +
        '  Start it with `docker compose up -d postgres`, or on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
        '  (or point TEST_DATABASE_URL at a server where you may CREATE DATABASE).',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(
      `Redis is not reachable at ${TEST_REDIS_URL} (${error.message}).\n` +
        "  Start it with `docker compose up -d redis`, or: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no\n" +
        '  (or set TEST_REDIS_URL).',
    );
  } finally {
    redis.disconnect();
  }
  if (problems.length) throw new Error(`\nThe integration tests need PostgreSQL and Redis.\n${problems.join('\n')}\n`);
}

/**
 * Keeps a connection the server drops (DROP DATABASE … WITH (FORCE), a restart) from killing the
 * test process: `pg` reports it as an 'error' event, fatal without a listener. The query in flight,
 * if any, still rejects on its own; pg-pool replaces a dropped idle client on the next checkout.
 * @param {import('pg').Pool | import('pg').Client} target
 */
export function tolerateDroppedConnections(target) {
  const ignore = () => undefined;
  target.on('error', ignore);
  if (target instanceof pg.Pool) target.on('connect', (client) => client.on('error', ignore));
}

/**
 * Drops a test database once nothing is connected to it any more. pg-pool's end() resolves as soon
 * as it has *asked* its clients to close, before their backends exit; dropping WITH (FORCE) right
 * then terminates those backends (57P01 "terminating connection due to administrator command")
 * while their clients are still listening. So: wait (bounded) for the backends to be gone, then drop.
 * @param {string} name
 */
export async function dropDatabaseWhenIdle(name) {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  tolerateDroppedConnections(client);
  await client.connect();
  try {
    for (let i = 0; i < 200; i++) {
      const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    // FORCE only removes what did not leave within the bounded wait (a leaked connection).
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

/** @param {string} sql */
export async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  tolerateDroppedConnections(client);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
