import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';
import { SYNC_ATTEMPTS } from './sync.dto.js';

export const syncAccountJob = defineJob('sync', 'account', z.object({ accountId: z.string().min(1), runId: z.string().min(1) }), {
  tenant: true,
  attempts: SYNC_ATTEMPTS,
  backoffMs: 30_000,
});
/** Daily, one per workspace: refresh the Instagram tokens that expire soon. */
export const refreshTokensJob = defineJob('sync', 'refresh-tokens', z.object({}), { tenant: true, attempts: 3, backoffMs: 60_000 });
/** Daily, one per workspace: start a sync of every syncable account. */
export const dailyTenantSyncJob = defineJob('sync', 'daily-tenant', z.object({}), { tenant: true, attempts: 3, backoffMs: 60_000 });
