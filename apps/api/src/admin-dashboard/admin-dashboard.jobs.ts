import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/** Recounts every workspace's rollups, then writes today's subscription snapshot (platform job). */
export const rollupsRefreshAllJob = defineJob('billing', 'rollups-refresh-all', z.object({}), { tenant: false, attempts: 2, backoffMs: 60_000 });

/** Recounts one workspace's rollups (after a sign-up or a failed sync there). */
export const rollupsRefreshTenantJob = defineJob('billing', 'rollups-refresh-tenant', z.object({}), { tenant: true, attempts: 2, backoffMs: 5_000 });
