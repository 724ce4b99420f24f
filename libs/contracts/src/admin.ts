import { z } from 'zod';
import { emailSchema } from './common.js';

export const adminLoginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(256, 'is too long'),
  totp: z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'),
});

/** Every key the settings store knows; `secret` ones are never returned in plain text. */
export const SYSTEM_SETTINGS = {
  'openai.apiKey': { label: 'OpenAI API key', secret: true },
  'openai.baseUrl': { label: 'OpenAI base URL', secret: false },
  'openai.model': { label: 'OpenAI model', secret: false },
  'stripe.secretKey': { label: 'Stripe secret key', secret: true },
  'stripe.webhookSecret': { label: 'Stripe webhook signing secret', secret: true },
  'instagram.appId': { label: 'Instagram app ID', secret: false },
  'instagram.appSecret': { label: 'Instagram app secret', secret: true },
  'instagram.redirectUri': { label: 'Instagram OAuth redirect URI', secret: false },
  'instagram.webhookVerifyToken': { label: 'Instagram webhook verify token', secret: true },
  'resend.apiKey': { label: 'Resend API key', secret: true },
  'resend.from': { label: 'Default sender address', secret: false },
} as const;
export type SystemSettingKey = keyof typeof SYSTEM_SETTINGS;
const settingKeys = Object.keys(SYSTEM_SETTINGS) as [SystemSettingKey, ...SystemSettingKey[]];

export const updateSettingsSchema = z.object({
  values: z
    .partialRecord(z.enum(settingKeys), z.string().max(4096, 'is too long').nullable())
    .refine((v) => Object.keys(v).length > 0, 'must name at least one setting'),
});

export const tenantStatusSchema = z.object({
  status: z.enum(['active', 'suspended']),
  reason: z.string().trim().max(500, 'must be at most 500 characters').optional(),
});
