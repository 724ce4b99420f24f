import { z } from 'zod';
import { defineJob } from '../queue/define-job.js';

const mailMessage = z.object({
  tenantId: z.number().int().nullable(),
  to: z.string().min(1),
  template: z.string().min(1),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
});

/** Delivery writes to control (outbox) or calls the provider: no tenant schema needed. */
export const sendMailJob = defineJob('mail', 'send', z.object({ message: mailMessage }), { tenant: false, attempts: 5, backoffMs: 2_000 });
