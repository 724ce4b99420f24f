// A database outage on this file's own throwaway database (a copy of the template, dropped at the
// end): every connection of the API is terminated with pg_terminate_backend, as a PostgreSQL
// restart or failover does, and new connections are refused until the "restart" is over. The app
// reaches the database through a TCP proxy, so a network partition (connects that never answer)
// can be played too.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ControlDb } from '../src/core/database/control-db.js';
import { sql } from '../src/core/database/sql.js';
import { defineJob } from '../src/core/queue/define-job.js';
import { JobRunner } from '../src/core/queue/job-runner.service.js';
import type { JobProgressEvent } from '../src/core/queue/job.types.js';
import { JobsService } from '../src/core/queue/jobs.service.js';
import { adminQuery } from './support/services.mjs';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

describe('database outage', () => {
  let t: TestApp;
  let token: string;
  const list = () => t.request('GET', '/api/accounts', { host: host('acme'), token });

  /** Polls until `check` holds (bounded: a condition, never a fixed sleep). */
  async function eventually<T>(probe: () => Promise<T>, check: (v: T) => boolean, what: string): Promise<T> {
    let last: T | undefined;
    for (let i = 0; i < 200; i++) {
      last = await probe();
      if (check(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${what} did not happen within 10 s; last: ${JSON.stringify(last)}`);
  }

  let proxy: TcpProxy;
  const terminateApp = () => adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${t.dbName}' and pid <> pg_backend_pid()`);

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    t = await createTestApp({ DATABASE_CONNECT_TIMEOUT_MS: '1000' }, {
      databaseUrl: (url) => Object.assign(new URL(url), { hostname: '127.0.0.1', port: String(proxy.port) }).toString(),
    });
    token = (await t.login('acme', 'owner@acme.test')).token;
  });
  afterAll(async () => {
    proxy?.restore();
    if (t) await adminQuery(`alter database ${t.dbName} allow_connections true`);
    await t?.close();
    await proxy?.close();
  });

  it('answers 503 database_unavailable while the database is down (never 500, no crash), then recovers by itself', async () => {
    const before = await list();
    expect(before.status).toBe(200);

    // The outage: refuse new connections, then terminate every existing one.
    await adminQuery(`alter database ${t.dbName} allow_connections false`);
    await terminateApp();

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await list();
      statuses.push(res.status);
      if (res.status === 503) {
        expect(res.body.error).toBe('database_unavailable');
        expect(res.headers['retry-after']).toBe('5');
      }
    }
    expect(statuses).toEqual([503, 503, 503, 503, 503]);
    // Other routes too, including the public ones that read the registry.
    const login = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'owner@acme.test', password: 'acme-password-123' } });
    expect(login.status).toBe(503);
    expect(login.body.error).toBe('database_unavailable');

    // The "restart" is over: the pool reconnects on its own, no restart of the app.
    await adminQuery(`alter database ${t.dbName} allow_connections true`);
    const back = await eventually(list, (r) => r.status === 200, 'recovery');
    expect(back.body).toEqual(before.body);
  });

  it('fails fast with 503 while the database is unreachable (connects that never answer), then recovers', async () => {
    expect((await list()).status).toBe(200);
    proxy.cut();
    // Without a connect timeout these would wait for ever (the proxy holds every new connection).
    const during = await Promise.all([list(), t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'owner@acme.test', password: 'acme-password-123' } })]);
    expect(during.map((r) => [r.status, r.body.error])).toEqual([
      [503, 'database_unavailable'],
      [503, 'database_unavailable'],
    ]);
    proxy.restore();
    expect((await eventually(list, (r) => r.status === 200, 'recovery after the partition')).status).toBe(200);
  });

  it('retries a job whose connection is terminated mid-run, and it completes once', async () => {
    const probe = defineJob('sync', 'outage-probe', z.object({ id: z.string() }), { tenant: false, attempts: 3, backoffMs: 100 });
    const attempts: number[] = [];
    let completed = 0;
    let started!: () => void;
    const startedOnce = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const db = t.app.get(ControlDb);
    t.app.get(JobRunner).handle(probe, async (_payload, job) => {
      attempts.push(job.attempt);
      // One transaction, one connection: terminated between its two statements on the first attempt.
      await db.transaction(async () => {
        await db.query(sql`select 1`);
        if (job.attempt === 1) {
          started();
          await gate;
        }
        await db.query(sql`select 2`);
      });
      completed++;
    });
    const events: JobProgressEvent[] = [];
    t.app.get(JobRunner).events.on('job', (e: JobProgressEvent) => events.push(e));
    const jobId = await t.app.get(JobsService).dispatch(probe, { id: 'x' }, { jobId: 'outage-probe-1' });
    await startedOnce;
    await terminateApp();
    release();
    await eventually(async () => events.filter((e) => e.jobId === jobId).map((e) => e.state), (s) => s.includes('completed'), 'the retried job to complete');
    expect(attempts).toEqual([1, 2]);
    expect(completed).toBe(1);
    // The dead transaction's connection went back to the pool (pool-guard.ts): no slot leaked.
    const pool = await (t.db.orm.em.getConnection() as unknown as { getNativeClient(): Promise<{ totalCount: number; idleCount: number }> }).getNativeClient();
    await eventually(async () => pool.totalCount - pool.idleCount, (busy) => busy === 0, 'every pooled connection to be released');
  });
});
