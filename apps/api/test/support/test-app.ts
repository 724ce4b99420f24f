import { CacheBus } from '../../src/core/tenancy/cache-bus.js';
import { PLAN_INPUTS_TOPIC } from '../../src/limits/plan-inputs-cache.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateSync } from 'otplib';
import pg from 'pg';
import { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '../../src/core/config/config.js';
import { schemaNameFor } from '../../src/core/database/schema-name.js';
import { createHttpApp, openDatabase, type Database } from '../../src/bootstrap.js';
import { PUBSUB, type PubSub } from '../../src/core/pubsub/pubsub.js';
import { ADMIN, adminQuery, databaseUrl, dropDatabaseWhenIdle, TEST_REDIS_URL, TEST_SECRETS, tolerateDroppedConnections } from './services.mjs';

export const BASE = 'instagrowth.test';
export const host = (slug?: string) => (slug ? `${slug}.${BASE}` : BASE);

export interface InjectResult {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
  headers: Record<string, string | string[] | number | undefined>;
  cookies: { name: string; value: string }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: Database;
  dbName: string;
  request(method: string, url: string, opts?: { host?: string; token?: string; body?: unknown; cookie?: string; ip?: string; headers?: Record<string, string> }): Promise<InjectResult>;
  login(slug: string, email: string, password?: string): Promise<{ token: string; refreshCookie: string; user: any }>;
  adminLogin(): Promise<string>;
  /** SQL on the test's database; a write also drops the app's caches (as the app's own writers do). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** The same without telling the caches: for tests of the caches themselves. */
  sqlUnannounced<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** A workspace's schema name, from its id by the app's naming function (never hard-coded). */
  schemaOf(slug: string): Promise<string>;
  waitForMail(to: string, template: string): Promise<{ subject: string; html: string; text: string }>;
  close(): Promise<void>;
}

/** Every cache the app keeps of control/tenant rows (scoped caches and the tenant resolver). */
const CACHED_TOPICS = [PLAN_INPUTS_TOPIC, 'principals', 'tenants'];

const DEFAULT_PASSWORDS: Record<string, string> = { acme: 'acme-password-123', globex: 'globex-password-123' };

/** A fresh copy of the template database and the real app on it (Redis-backed queues and counters). */
export async function createTestApp(
  env: Record<string, string> = {},
  /** The app's DATABASE_URL from the file's database URL (e.g. through a proxy); the test's own pool connects directly. */
  options: { databaseUrl?: (url: string) => string } = {},
): Promise<TestApp> {
  const template = process.env.IG_TEMPLATE_DB;
  if (!template) throw new Error('IG_TEMPLATE_DB is not set: run the tests through jest (global setup).');
  const dbName = `ig_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${dbName} template ${template}`);
  const config = loadConfig({
    ...TEST_SECRETS,
    DATABASE_URL: options.databaseUrl ? options.databaseUrl(databaseUrl(dbName)) : databaseUrl(dbName),
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `igt-${dbName}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ig-test-')),
    BASE_DOMAIN: BASE,
    APP_URL: `http://${BASE}`,
    LOG_LEVEL: 'error',
    ...env,
  });
  const db = await openDatabase(config);
  // Quiet unless a test asks for a log level (the token-leak test reads every line at debug).
  const app = await createHttpApp(config, db, env.LOG_LEVEL ? {} : { logger: ['error'] });
  // Cross-process tests publish from another app right away: every channel must be live first.
  await app.get<PubSub>(PUBSUB).ready();
  const pool = new pg.Pool({ connectionString: databaseUrl(dbName), max: 2 });
  tolerateDroppedConnections(pool);

  const request: TestApp['request'] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { host: opts.host ?? host(), ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.cookie) headers.cookie = opts.cookie;
    const res = await app.getHttpAdapter().getInstance().inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress: opts.ip ?? '127.0.0.1',
      ...(opts.body !== undefined ? { payload: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body), headers: { ...headers, 'content-type': 'application/json' } } : {}),
    });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body, headers: res.headers, cookies: res.cookies.map((c) => ({ name: c.name, value: c.value })) };
  };

  let adminToken: string | undefined;
  const t: TestApp = {
    app,
    config,
    db,
    dbName,
    request,
    async login(slug, email, password = DEFAULT_PASSWORDS[slug]) {
      const res = await request('POST', '/api/auth/login', { host: host(slug), body: { email, password } });
      if (res.status !== 200) throw new Error(`login ${email}@${slug} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const cookie = res.cookies.find((c) => c.name === 'ig_refresh');
      return { token: res.body.accessToken, refreshCookie: `ig_refresh=${cookie?.value}`, user: res.body.user };
    },
    async adminLogin() {
      // A TOTP code works once per 30 s step (RFC 6238 §5.2): log in once per app and reuse the token.
      if (adminToken) return adminToken;
      const res = await request('POST', '/api/admin-panel/auth/login', {
        host: host('admin'),
        // The next step's code (inside the ±30 s tolerance), so a test that logged in by hand with the
        // current code first does not make this a replay.
        body: { email: ADMIN.email, password: ADMIN.password, totp: generateSync({ secret: ADMIN.totpSecret, epoch: Math.floor(Date.now() / 1000) + 30 }) },
      });
      if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
      adminToken = res.body.accessToken as string;
      return adminToken;
    },
    async sqlUnannounced(query, params = []) {
      return (await pool.query(query, params)).rows;
    },
    async sql(query, params = []) {
      const rows = (await pool.query(query, params)).rows;
      // A test that writes behind the API (a plan, a role, a tenant row) did what no code path of the
      // app does without telling its caches: tell them, as the app's own writers do after commit.
      if (/\b(insert|update|delete|alter|truncate)\b/i.test(query)) {
        const bus = app.get(CacheBus);
        for (const topic of CACHED_TOPICS) await bus.publish(topic, '*');
      }
      return rows;
    },
    async schemaOf(slug) {
      const [row] = await t.sql<{ id: number }>('select id from control.tenants where slug = $1', [slug]);
      if (!row) throw new Error(`No tenant ${slug}`);
      return schemaNameFor(row.id);
    },
    async waitForMail(to, template) {
      for (let i = 0; i < 100; i++) {
        const rows = await t.sql<{ subject: string; html: string; text: string }>(
          'select subject, html, text from control.mail_outbox where "to" = $1 and template = $2 order by created_at desc limit 1',
          [to, template],
        );
        if (rows[0]) return rows[0];
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`No "${template}" mail to ${to} within 5 s`);
    },
    async close() {
      // Order matters: the app first (HTTP, schedules, BullMQ workers wait for their running jobs,
      // queues), then the ORM's pool, then ours; each step runs even if an earlier one failed, and
      // the database is dropped only once no backend is left on it (see dropDatabaseWhenIdle).
      const errors: unknown[] = [];
      const step = async (fn: () => Promise<unknown>) => {
        try {
          await fn();
        } catch (error) {
          errors.push(error);
        }
      };
      await step(() => app.close());
      await step(() => db.close());
      await step(() => pool.end());
      // Jobs still waiting for a retry stay in Redis under this file's prefix: remove them.
      await step(async () => {
        const redis = new Redis(TEST_REDIS_URL);
        const keys = await redis.keys(`${config.redisPrefix}:*`);
        if (keys.length) await redis.del(...keys);
        await redis.quit();
      });
      await step(() => dropDatabaseWhenIdle(dbName));
      if (errors.length) throw new AggregateError(errors, `Closing the test app failed: ${errors.map(String).join('; ')}`);
    },
  };
  return t;
}

/** The token in a link inside a mail body. */
export function tokenFromMail(text: string): string {
  const m = /token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`No token in mail: ${text}`);
  return m[1];
}
