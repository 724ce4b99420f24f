import { z } from 'zod';
import { workspaceViewSchema } from './auth.responses.js';

const probeSchema = z.object({ ok: z.boolean(), latencyMs: z.number().optional(), error: z.string().optional(), driver: z.string() });

/** GET /api/health: 200 when everything answers, 503 (same body) when something does not. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: probeSchema,
  queue: probeSchema,
});

/** GET /api/context: what the SPA needs to know about the host it was loaded from. */
export const appContextSchema = z.object({
  realm: z.enum(['root', 'admin', 'workspace']),
  baseDomain: z.string(),
  appUrl: z.string(),
  workspace: workspaceViewSchema.optional(),
});
export type AppContext = z.infer<typeof appContextSchema>;
export type Realm = AppContext['realm'];
