// A database outage on this file's own throwaway database (a copy of the template, dropped at the
// end): every connection of the API is terminated with pg_terminate_backend, as a PostgreSQL
// restart or failover does, and new connections are refused until the "restart" is over.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminQuery } from './support/services.mjs';
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

  beforeAll(async () => {
    t = await createTestApp();
    token = (await t.login('acme', 'owner@acme.test')).token;
  });
  afterAll(async () => {
    await adminQuery(`alter database ${t.dbName} allow_connections true`);
    await t.close();
  });

  it('answers 503 database_unavailable while the database is down (never 500, no crash), then recovers by itself', async () => {
    const before = await list();
    expect(before.status).toBe(200);

    // The outage: refuse new connections, then terminate every existing one.
    await adminQuery(`alter database ${t.dbName} allow_connections false`);
    await adminQuery(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${t.dbName}' and pid <> pg_backend_pid()`);

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
});
