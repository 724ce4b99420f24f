// Redis goes away for a while (its own redis-server on a free port, persisting to an append-only
// file as production does; the shared one is never touched): the API keeps serving reads, login
// rate limits fall back to memory with a warning, BullMQ reconnects, and no job is lost or run twice.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { defineJob } from '../src/core/queue/define-job.js';
import { JobRunner } from '../src/core/queue/job-runner.service.js';
import type { JobProgressEvent } from '../src/core/queue/job.types.js';
import { JobsService } from '../src/core/queue/jobs.service.js';
import { COUNTER_STORE } from '../src/core/rate-limit/login-throttle.service.js';
import type { FallbackCounterStore } from '../src/core/rate-limit/fallback-counter.store.js';
import { startOwnRedis, type OwnRedis } from './support/redis-server.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/** Polls until `check` holds (bounded: a condition, never a fixed sleep). */
async function eventually<T>(probe: () => Promise<T>, check: (v: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 400; i++) {
    last = await probe();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not happen within 20 s; last: ${JSON.stringify(last)}`);
}

describe('redis outage', () => {
  let redis: OwnRedis;
  let t: TestApp;
  /** Lets the held job finish (also on failure, so closing the app does not wait for it for ever). */
  let release: () => void = () => undefined;

  beforeAll(async () => {
    redis = await startOwnRedis();
    t = await createTestApp({ REDIS_URL: redis.url, LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
  });
  afterAll(async () => {
    release();
    await redis?.start().catch(() => undefined); // let the app close its queues cleanly
    await t?.close();
    await redis?.close();
  });

  it('serves reads, throttles logins in memory, and runs every job exactly once across the outage', async () => {
    const probe = defineJob('mail', 'redis-outage-probe', z.object({ id: z.string(), hold: z.boolean() }), { tenant: false, attempts: 3, backoffMs: 100 });
    const runs = new Map<string, number>();
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    const gate = new Promise<void>((r) => (release = r));
    t.app.get(JobRunner).handle(probe, async ({ id, hold }) => {
      runs.set(id, (runs.get(id) ?? 0) + 1);
      if (hold) {
        started();
        await gate;
      }
    });
    const events: JobProgressEvent[] = [];
    t.app.get(JobRunner).events.on('job', (e: JobProgressEvent) => events.push(e));
    const jobs = t.app.get(JobsService);
    const owner = (await t.login('acme', 'owner@acme.test')).token;
    const read = () => t.request('GET', '/api/accounts', { host: host('acme'), token: owner });
    const before = await read();
    expect(before.status).toBe(200);

    // One job running when Redis stops, one waiting (delayed) in Redis.
    await jobs.dispatch(probe, { id: 'probe-1', hold: true }, { jobId: 'probe-1' });
    await inFlight;
    await jobs.dispatch(probe, { id: 'probe-2', hold: false }, { jobId: 'probe-2', delayMs: 300 });

    const warn = jest.spyOn(Logger.prototype, 'warn');
    await redis.stop();
    try {
      // Reads keep working.
      const during = await read();
      expect(during.status).toBe(200);
      expect(during.body).toEqual(before.body);
      expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token: owner })).status).toBe(200);

      // Sign-in works, and failures are still counted (in this process's memory), with a warning.
      expect((await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'owner@acme.test', password: 'acme-password-123' } })).status).toBe(200);
      const wrong = () => t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'manager@acme.test', password: 'wrong-password-0' } });
      const statuses = [(await wrong()).status, (await wrong()).status, (await wrong()).status, (await wrong()).status];
      expect(statuses).toEqual([401, 401, 429, 429]);
      expect((t.app.get(COUNTER_STORE) as FallbackCounterStore).usingMemory).toBe(true);
      expect(warn.mock.calls.some((c) => /login rate limits fall back to this process's memory/.test(String(c[0])))).toBe(true);
    } finally {
      warn.mockRestore();
    }

    // A job queued while Redis is down waits for it (the queue's offline buffer), it is not dropped.
    const queuedDuring = jobs.dispatch(probe, { id: 'probe-3', hold: false }, { jobId: 'probe-3' });
    release(); // the in-flight job finishes while Redis is still down

    // BullMQ keeps a job's data under <queue>:<jobId>, next to its own keys (<queue>:delayed, …): ids above never collide.
    await redis.start();
    await queuedDuring;
    const finished = (id: string) => events.some((e) => e.jobId === id && e.state === 'completed');
    await eventually(async () => ['probe-1', 'probe-2', 'probe-3'].filter(finished), (done) => done.length === 3, 'every job to complete after Redis returned');
    expect(Object.fromEntries(runs)).toEqual({ 'probe-1': 1, 'probe-2': 1, 'probe-3': 1 });
    // And BullMQ recorded each as completed once (so no stalled-job check will run one again).
    const queue = (t.app.get(JobsService) as unknown as { driver: { queues: Map<string, { getJob(id: string): Promise<{ finishedOn?: number; attemptsMade: number } | undefined> }> } }).driver.queues.get('mail')!;
    await eventually(async () => Promise.all(['probe-1', 'probe-2', 'probe-3'].map(async (id) => (await queue.getJob(id))?.finishedOn !== undefined)), (v) => v.every(Boolean), 'BullMQ to mark every job finished');

    // Counters are shared again once Redis answers.
    await eventually(async () => (await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'admin@acme.test', password: 'wrong-password-0' } })).status, (s) => s === 401, 'a counted failure');
    expect((t.app.get(COUNTER_STORE) as FallbackCounterStore).usingMemory).toBe(false);
  });
});
