import { z } from 'zod';
import { emailSchema } from './common.js';
import { text } from './primitives.js';

export const adminLoginSchema = z.object({
  email: emailSchema,
  password: text({ min: 1, max: 256, trim: false }),
  totp: z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'),
});

/** `model=input/output,…` in USD per million tokens (the same format as OPENAI_PRICES). */
export const OPENAI_PRICE_TABLE = /^[\w.:-]+=\d+(\.\d+)?\/\d+(\.\d+)?(,[\w.:-]+=\d+(\.\d+)?\/\d+(\.\d+)?)*$/;

/** The price table as `{ model: { input, output } }`. */
export function parsePriceTable(value: string): Record<string, { input: number; output: number }> {
  return Object.fromEntries(
    value.split(',').map((entry) => {
      const [model, pair] = entry.split('=');
      const [input, output] = pair.split('/').map(Number);
      return [model, { input, output }];
    }),
  );
}

/** Every key the settings store knows; `secret` ones are never returned in plain text. */
export const SYSTEM_SETTINGS = {
  'openai.apiKey': { label: 'OpenAI API key', secret: true },
  'openai.baseUrl': { label: 'OpenAI base URL', secret: false },
  'openai.model': { label: 'OpenAI model', secret: false },
  'openai.prices': { label: 'OpenAI price table (USD per million tokens: model=input/output, …)', secret: false },
  'stripe.secretKey': { label: 'Stripe secret key', secret: true },
  'stripe.webhookSecret': { label: 'Stripe webhook signing secret', secret: true },
  'instagram.appId': { label: 'Instagram app ID', secret: false },
  'instagram.appSecret': { label: 'Instagram app secret', secret: true },
  'instagram.redirectUri': { label: 'Instagram OAuth redirect URI', secret: false },
  'instagram.webhookVerifyToken': { label: 'Instagram webhook verify token', secret: true },
  'resend.apiKey': { label: 'Resend API key', secret: true },
  'resend.from': { label: 'Default sender address', secret: false },
  'referral.commissionPercent': { label: 'Referral commission (percent of each paid invoice)', secret: false },
  'referral.holdDays': { label: 'Referral hold period (days before a commission is payable)', secret: false },
  'resend.webhookSecret': { label: 'Resend webhook signing secret', secret: true },
} as const;
export type SystemSettingKey = keyof typeof SYSTEM_SETTINGS;
const settingKeys = Object.keys(SYSTEM_SETTINGS) as [SystemSettingKey, ...SystemSettingKey[]];

/**
 * An absolute URL a browser or a provider is sent to: https, or http only on 127.0.0.1/localhost
 * (the fake servers tests and local development point base URLs at).
 */
export function publicUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as https://example.com';
  }
  if (url.protocol === 'https:') return url.hostname ? null : 'must name a host';
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return null;
  return 'must be an https:// URL (http:// only for localhost)';
}

const urlSetting = text({ max: 2048 }).superRefine((v, ctx) => {
  const problem = publicUrlProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
// `Name <address>` or a bare address, as Resend accepts for `from`.
const senderSetting = text({ max: 320 }).refine((v) => {
  const m = /^(?:[^<>]{1,200}<([^<>\s]+)>|([^<>\s]+))$/.exec(v);
  const address = m?.[1] ?? m?.[2];
  return !!address && emailSchema.safeParse(address).success;
}, 'must be an e-mail address, optionally as Name <address>');
// API keys, ids and tokens: one line of printable characters.
const tokenSetting = text({ min: 1, max: 4096 }).regex(/^[\x21-\x7e]+$/, 'must be one word of printable characters (no spaces)');

const SETTING_VALUE: Record<SystemSettingKey, z.ZodType<string>> = {
  'openai.apiKey': tokenSetting,
  'openai.baseUrl': urlSetting,
  'openai.model': text({ min: 1, max: 100 }).regex(/^[A-Za-z0-9._:/-]+$/, 'must be a model name such as gpt-4o-mini'),
  'openai.prices': text({ min: 1, max: 2000 }).regex(OPENAI_PRICE_TABLE, 'must look like gpt-4o-mini=0.15/0.6,gpt-4o=2.5/10'),
  'stripe.secretKey': tokenSetting,
  'stripe.webhookSecret': tokenSetting,
  'instagram.appId': tokenSetting,
  'instagram.appSecret': tokenSetting,
  'instagram.redirectUri': urlSetting,
  'instagram.webhookVerifyToken': tokenSetting,
  'resend.apiKey': tokenSetting,
  'resend.from': senderSetting,
  'referral.commissionPercent': z.string().trim().regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percentage such as 20 or 12.5').refine((v) => Number(v) <= 100, 'must be at most 100'),
  'referral.holdDays': z.string().trim().regex(/^\d{1,3}$/, 'must be a whole number of days').refine((v) => Number(v) <= 365, 'must be at most 365'),
  'resend.webhookSecret': tokenSetting,
};

/** Each setting validated by its type; an error names `values.<key>`. Null clears a setting. */
export const updateSettingsSchema = z.object({
  values: z
    .partialRecord(z.enum(settingKeys), text({ max: 4096 }).nullable())
    .refine((v) => Object.keys(v).length > 0, 'must name at least one setting')
    .superRefine((values, ctx) => {
      for (const [key, value] of Object.entries(values) as [SystemSettingKey, string | null | undefined][]) {
        if (value === null || value === undefined) continue;
        const result = SETTING_VALUE[key].safeParse(value);
        if (!result.success) ctx.addIssue({ code: 'custom', path: [key], message: result.error.issues[0]?.message ?? 'is invalid' });
      }
    }),
});

export const tenantStatusSchema = z.object({
  status: z.enum(['active', 'suspended']),
  reason: text({ max: 500 }).optional(),
});

/** The outside services the console can test with one harmless call each. */
export const CONNECTION_SERVICES = ['openai', 'stripe', 'instagram', 'resend'] as const;
export type ConnectionService = (typeof CONNECTION_SERVICES)[number];
export const testConnectionSchema = z.object({ service: z.enum(CONNECTION_SERVICES) });
