import { z } from 'zod';
import { defineJob } from '../queue/define-job.js';

const attachment = z.object({ filename: z.string().min(1), contentBase64: z.string(), contentType: z.string().optional() });

/**
 * Sends one logged mail (control.mail_log row): rendered at run time in the recipient's branding.
 * No tenant context: delivery writes to control and calls the provider. Attachments (the monthly
 * report's PDF) travel with the job only.
 */
export const sendMailJob = defineJob('mail', 'send', z.object({ logId: z.uuid(), attachments: z.array(attachment).optional() }), { tenant: false, attempts: 5, backoffMs: 2_000 });
