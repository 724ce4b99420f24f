import { z } from 'zod';
import { emailSchema, opaqueTokenSchema, passwordSchema, personNameSchema, slugSchema } from './common.js';
import { text } from './primitives.js';
import { isTimeZone, TIME_ZONE_MESSAGE } from './audits.js';

export const ROLES = ['owner', 'admin', 'manager', 'client'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const registerSchema = z.object({
  workspaceName: text({ min: 2, max: 80 }),
  slug: slugSchema,
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  referralCode: text({ max: 64 }).optional(),
  /** The browser's IANA zone (Intl.DateTimeFormat().resolvedOptions().timeZone); accounts inherit it. */
  timeZone: text({ max: 64 }).refine((tz) => isTimeZone(tz), TIME_ZONE_MESSAGE).optional(),
  /** The plan picked on the landing page (`/signup?plan=pro`): the trial is of this plan. */
  plan: z.enum(['starter', 'pro', 'agency', 'enterprise'], { error: 'must be one of starter, pro, agency, enterprise' }).optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: text({ min: 1, max: 256, trim: false }),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const tokenBodySchema = z.object({ token: opaqueTokenSchema });

export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({
  token: opaqueTokenSchema,
  password: passwordSchema,
});
export const acceptInvitationSchema = z.object({
  token: opaqueTokenSchema,
  name: personNameSchema,
  password: passwordSchema,
});

/** Profile (any signed-in member, on the workspace host). */
export const updateProfileSchema = z.object({ name: personNameSchema });
export const changePasswordSchema = z.object({
  currentPassword: text({ min: 1, max: 256, trim: false }),
  newPassword: passwordSchema,
});
export const changeEmailSchema = z.object({
  password: text({ min: 1, max: 256, trim: false }),
  email: emailSchema,
});
export const confirmEmailChangeSchema = z.object({ token: opaqueTokenSchema });
