import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/** Ends impersonation sessions past their expiry and writes their audit rows (idempotent). */
export const impersonationExpiryJob = defineJob('sync', 'impersonation-expire', z.object({}), { tenant: false, attempts: 3, backoffMs: 10_000 });
