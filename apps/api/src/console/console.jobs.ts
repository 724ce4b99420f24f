import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/**
 * Drops workspaces whose deletion grace ended (all due ones, or only `deleteTenantId`). A platform
 * job on the sync queue, like the domains re-check: it must not enter the tenant it drops.
 */
export const tenantDeletionJob = defineJob('sync', 'tenant-deletion', z.object({ deleteTenantId: z.number().int().positive().optional() }), {
  tenant: false,
  attempts: 5,
  backoffMs: 60_000,
});
