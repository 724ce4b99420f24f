import { z } from 'zod';
import { userViewSchema } from './auth.responses.js';

/** PATCH /api/auth/profile */
export const profileResponseSchema = z.object({ user: userViewSchema });
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

/** POST /api/auth/change-email → 202 */
export const emailChangeRequestedSchema = z.object({ message: z.string() });

/** One session = one refresh-token family that is neither revoked nor expired. */
export const sessionInfoSchema = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** GET /api/auth/sessions */
export const sessionListSchema = z.object({ sessions: z.array(sessionInfoSchema) });
export type SessionList = z.infer<typeof sessionListSchema>;
