import { z } from 'zod';
import { defineJob } from '../core/queue/define-job.js';

/** Processes one stored Stripe event (re-fetched from Stripe); control-level, not a tenant job. */
export const stripeEventJob = defineJob('billing', 'stripe-event', z.object({ eventId: z.string().min(1) }), { tenant: false, attempts: 8, backoffMs: 2_000 });
