import { z } from 'zod';
import { text } from './primitives.js';

/**
 * A workspace's own Instagram app (agency plans): the consent screen shows the agency's app, its
 * connections, token refreshes and webhook signatures use it. The secret is write-only.
 */
export const instagramAppInputSchema = z
  .object({
    appId: z.string().trim().regex(/^[0-9]{5,32}$/, 'must be the numeric Instagram app ID from the Meta dashboard'),
    appSecret: z.string().trim().regex(/^[A-Za-z0-9]{16,128}$/, 'must be the Instagram app secret from the Meta dashboard (letters and digits)'),
  })
  .strict();
export type InstagramAppInput = z.infer<typeof instagramAppInputSchema>;

export const instagramAppViewSchema = z.object({
  /** The plan includes an own Instagram app. */
  available: z.boolean(),
  configured: z.boolean(),
  appId: z.string().nullable(),
  /** Only the last four characters of the secret are ever shown. */
  secretLast4: z.string().nullable(),
  /** What the agency registers in its Meta app: the OAuth redirect URI … */
  redirectUri: z.string(),
  /** … the webhook callback URL (it names this app, so deliveries are checked with its secret) … */
  webhookUrl: z.string().nullable(),
  /** … and the verify token Meta echoes in the handshake. */
  webhookVerifyToken: z.string().nullable(),
  /** Live accounts connected through this app (they need a reconnect if it is removed). */
  connectedAccounts: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type InstagramAppView = z.infer<typeof instagramAppViewSchema>;

/** GET /api/instagram/callback: Instagram's redirect (a code and state, or the error triple). */
export const oauthCallbackQuerySchema = z
  .object({
    code: text({ max: 2048 }).optional(),
    state: text({ max: 1024 }).optional(),
    error: text({ max: 200 }).optional(),
    error_reason: text({ max: 200 }).optional(),
    error_description: text({ max: 1000 }).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.code === undefined && q.error === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: 'is required (or error)' });
  });
export type OAuthCallbackQuery = z.infer<typeof oauthCallbackQuerySchema>;

/** GET /api/instagram/webhooks[/apps/:appId]: Meta's verification handshake. */
export const webhookHandshakeQuerySchema = z.object({
  'hub.mode': z.literal('subscribe', { error: 'must be subscribe' }),
  'hub.verify_token': text({ max: 200, min: 1, trim: false }),
  'hub.challenge': text({ max: 200, min: 1, trim: false }),
});
export type WebhookHandshakeQuery = z.infer<typeof webhookHandshakeQuerySchema>;

export const instagramAppIdParamSchema = z.string().regex(/^[0-9]{5,32}$/, 'must be a numeric Instagram app ID');
