import { z } from 'zod';
import type { Tenant } from '../../control/control.entity.js';
import type { TenantsRepository } from '../../control/tenants.repository.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import { defineJob } from './define-job.js';
import { InProcessQueueDriver } from './in-process.driver.js';
import { JobRunner } from './job-runner.service.js';
import type { JobProgressEvent } from './job.types.js';
import { JobsService } from './jobs.service.js';

const tenant = { id: 7, schemaName: 't_7' } as Tenant;
const tenants = { findById: async (id: number) => (id === 7 ? tenant : null) } as unknown as TenantsRepository;
/** Enough of TenantContext for the runner and dispatch: `active` and `tenant` follow `run`. */
function fakeContext(): TenantContext {
  let current: typeof tenant | undefined;
  return {
    get active() {
      return current !== undefined;
    },
    get tenant() {
      if (!current) throw new Error('No tenant context');
      return current;
    },
    run: async (t: typeof tenant, fn: () => Promise<unknown>) => {
      const previous = current;
      current = t;
      try {
        return await fn();
      } finally {
        current = previous;
      }
    },
  } as unknown as TenantContext;
}

const greet = defineJob('mail', 'greet', z.object({ name: z.string().min(1), times: z.number().int().default(1) }), { tenant: true, attempts: 3, backoffMs: 1 });
const tick = defineJob('sync', 'tick', z.object({}), { tenant: false, attempts: 1 });

function setup() {
  const ctx = fakeContext();
  const runner = new JobRunner(tenants, ctx);
  const driver = new InProcessQueueDriver(runner, 2);
  const jobs = new JobsService(driver, ctx);
  const events: JobProgressEvent[] = [];
  runner.events.on('job', (e: JobProgressEvent) => events.push(e));
  const settled = (jobId: string) =>
    new Promise<JobProgressEvent>((resolve) => {
      const check = (e: JobProgressEvent) => {
        if (e.jobId === jobId && (e.state === 'completed' || e.state === 'failed')) resolve(e);
      };
      events.forEach(check);
      runner.events.on('job', check);
    });
  return { ctx, runner, driver, jobs, settled };
}

describe('defineJob', () => {
  it('runs the handler with the parsed, typed payload inside the tenant taken from the context', async () => {
    const { ctx, runner, driver, jobs, settled } = setup();
    const seen: unknown[] = [];
    runner.handle(greet, async (payload) => {
      seen.push({ ...payload, tenantId: ctx.tenant.id });
    });
    const id = await ctx.run(tenant, () => jobs.dispatch(greet, { name: 'Ada' }, { jobId: 'g1' }));
    expect((await settled(id)).state).toBe('completed');
    expect(seen).toEqual([{ name: 'Ada', times: 1, tenantId: 7 }]);
    await driver.close();
  });

  it('refuses an invalid payload on dispatch, naming the job and the field', async () => {
    const { ctx, jobs, driver } = setup();
    await expect(ctx.run(tenant, () => jobs.dispatch(greet, { name: '' }))).rejects.toThrow(/Invalid payload for job mail:greet: .*name/);
    await driver.close();
  });

  it('refuses a tenant job dispatched outside a workspace without tenantId', async () => {
    const { jobs, driver } = setup();
    expect(() => jobs.dispatch(greet, { name: 'Ada' })).toThrow(/tenant job/);
    await expect(jobs.dispatch(greet, { name: 'Ada' }, { tenantId: 7 })).resolves.toEqual(expect.any(String));
    await driver.close();
  });

  it('fails an invalid stored payload at once, without retries, with a clear message', async () => {
    const { runner, driver, settled } = setup();
    let calls = 0;
    runner.handle(greet, async () => {
      calls++;
    });
    // What a job enqueued by an older release (or by hand) could carry.
    await driver.enqueue('mail', 'greet', { tenantId: 7, name: 42 }, { jobId: 'bad', attempts: 3, backoffMs: 1 });
    const failed = await settled('bad');
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/Invalid payload for job mail:greet/);
    expect(calls).toBe(0);
    await driver.close();
  });

  it('fails a tenant job that carries no tenantId without running it', async () => {
    const { runner, driver, settled } = setup();
    runner.handle(greet, async () => undefined);
    await driver.enqueue('mail', 'greet', { name: 'Ada' }, { jobId: 'orphan', attempts: 3, backoffMs: 1 });
    const failed = await settled('orphan');
    expect(failed).toMatchObject({ state: 'failed', error: expect.stringMatching(/carries no tenantId/) });
  });

  it('runs a control job without a tenant and ignores a tenantId in its payload', async () => {
    const { ctx, runner, driver, jobs, settled } = setup();
    let active: boolean | undefined;
    runner.handle(tick, async () => {
      active = ctx.active;
    });
    const id = await ctx.run(tenant, () => jobs.dispatch(tick, {}));
    expect((await settled(id)).state).toBe('completed');
    expect(active).toBe(false);
    await driver.close();
  });
});
