import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/** One attempt: a failed audit is refunded and marked failed rather than charged twice. */
export const auditJob = defineJob('ai', 'audit', z.object({ auditId: z.string().min(1) }), { tenant: true, attempts: 1 });
