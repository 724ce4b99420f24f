import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema, slugSchema } from './common.js';

export const ROLES = ['owner', 'admin', 'manager', 'client'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const registerSchema = z.object({
  workspaceName: z.string().trim().min(2, 'must be at least 2 characters').max(80, 'must be at most 80 characters'),
  slug: slugSchema,
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  referralCode: z.string().trim().max(64).optional(),
  /** The plan picked on the landing page (`/signup?plan=pro`): the trial is of this plan. */
  plan: z.enum(['starter', 'pro', 'agency', 'enterprise'], { error: 'must be one of starter, pro, agency, enterprise' }).optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(256, 'is too long'),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const tokenBodySchema = z.object({ token: z.string().min(16, 'is not a valid token').max(256, 'is not a valid token') });

export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({
  token: z.string().min(16, 'is not a valid token').max(256, 'is not a valid token'),
  password: passwordSchema,
});
export const acceptInvitationSchema = z.object({
  token: z.string().min(16, 'is not a valid token').max(256, 'is not a valid token'),
  name: personNameSchema,
  password: passwordSchema,
});
