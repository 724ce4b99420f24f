import { z } from 'zod';
import { roleSchema } from './auth.js';
import { isoDateTimeSchema } from './common.responses.js';

export const userViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  emailVerified: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type UserView = z.infer<typeof userViewSchema>;

export const brandingSchema = z.object({
  primaryColor: z.string(),
  accentColor: z.string(),
  logoUrl: z.string().nullable(),
});
export type Branding = z.infer<typeof brandingSchema>;

export const workspaceViewSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  status: z.string(),
  branding: brandingSchema,
});
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;

/** Login, refresh and accept-invitation: the access token (the refresh token is an httpOnly cookie). */
export const sessionViewSchema = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
  user: userViewSchema,
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** One CASL rule in JSON form (`@casl/ability` raw rule); the web app rebuilds the same ability from them. */
export const abilityRuleSchema = z.object({
  action: z.union([z.string(), z.array(z.string())]),
  subject: z.union([z.string(), z.array(z.string())]).optional(),
  fields: z.union([z.string(), z.array(z.string())]).optional(),
  conditions: z.record(z.string(), z.unknown()).optional(),
  inverted: z.boolean().optional(),
  reason: z.string().optional(),
});
export type AbilityRule = z.infer<typeof abilityRuleSchema>;

/** GET /api/auth/me */
export const meResponseSchema = z.object({
  user: userViewSchema,
  workspace: workspaceViewSchema,
  rules: z.array(abilityRuleSchema),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const slugAvailabilitySchema = z.object({
  slug: z.string(),
  available: z.boolean(),
  reason: z.enum(['taken', 'reserved', 'invalid']).optional(),
  message: z.string().optional(),
});
export type SlugAvailability = z.infer<typeof slugAvailabilitySchema>;

/** POST /api/auth/register (root host) → 201 */
export const registerResponseSchema = z.object({
  workspaceUrl: z.string(),
  loginUrl: z.string(),
  workspace: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }),
});
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

/** GET /api/auth/invitations/:token */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: roleSchema,
  workspaceName: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const emailVerifiedSchema = z.object({ verified: z.literal(true) });
export const verificationResentSchema = z.object({ sent: z.boolean().describe('false when the address was already verified') });
export const forgotPasswordResponseSchema = z.object({ message: z.string() });
export const passwordResetSchema = z.object({ reset: z.literal(true) });
