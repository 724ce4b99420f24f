import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/** Re-checks every custom domain's DNS (all tenants, control tables only). */
export const domainsRecheckJob = defineJob('sync', 'domains-recheck', z.object({}), { tenant: false, attempts: 2, backoffMs: 60_000 });
