import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/** Forgot-password runs as a job so the route answers 202 in the same time whether the address exists or not. */
export const forgotPasswordJob = defineJob('mail', 'forgot-password', z.object({ email: z.string().min(1) }), { tenant: true, attempts: 3 });
