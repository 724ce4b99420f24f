import { z } from 'zod';

/** What the console's live feed shows; each is published where the thing happens. */
export const ACTIVITY_TYPES = ['tenant.created', 'payment.succeeded', 'payment.failed', 'audit.completed', 'sync.failed'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * One event on `/api/admin-ws`: `{ type: "<noun>.<verb>", at, tenantId?, … }`. The extra fields are
 * a short, person-free summary (slug, amount in minor units and currency, account username, …).
 */
export const activityEventSchema = z.looseObject({
  type: z.enum(ACTIVITY_TYPES),
  at: z.iso.datetime(),
  tenantId: z.number().int().optional(),
  tenantSlug: z.string().optional(),
  summary: z.string(),
});
export type ActivityEvent = z.infer<typeof activityEventSchema>;

/** Close codes of the admin socket (4401: not a super-admin, as HTTP's 401). */
export const ADMIN_WS_PATH = '/api/admin-ws';
export const ADMIN_WS_UNAUTHORIZED = 4401;
export const ADMIN_WS_AUTH_TIMEOUT_MS = 5_000;
