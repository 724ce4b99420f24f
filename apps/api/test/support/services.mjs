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

/** @param {string} sql */
export async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
