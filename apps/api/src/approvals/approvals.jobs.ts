import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/** The daily approval reminders of one workspace (requests pending over two days). */
export const approvalRemindersJob = defineJob('mail', 'approval-reminders', z.object({}), { tenant: true, attempts: 3, backoffMs: 60_000 });
