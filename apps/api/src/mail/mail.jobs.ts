import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/** One workspace's hourly mail tick; `at` is the instant it evaluates (the schedule's hour). */
export const mailTickJob = defineJob('mail', 'automations-tick', z.object({ at: z.iso.datetime() }), { tenant: true, attempts: 3, backoffMs: 60_000 });
