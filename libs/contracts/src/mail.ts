import { z } from 'zod';
import { emailSchema } from './common.js';
import { listOf } from './common.responses.js';
import { text } from './primitives.js';

/** Categories a recipient can turn off; transactional mail (reset, verify, invitations, billing) always goes out. */
export const MAIL_CATEGORIES = ['onboarding', 'alerts', 'reports'] as const;
export const mailCategorySchema = z.enum(MAIL_CATEGORIES);
export type MailCategoryKey = z.infer<typeof mailCategorySchema>;

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'opened', 'bounced', 'complained', 'suppressed', 'unsubscribed', 'failed'] as const;

export const mailLogItemSchema = z.object({
  id: z.string(),
  to: z.string(),
  template: z.string(),
  category: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  /** Why a mail bounced, was suppressed or failed. */
  reason: z.string().nullable(),
  provider: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailLogItem = z.infer<typeof mailLogItemSchema>;
export const mailLogSchema = listOf(mailLogItemSchema);
export const adminMailLogSchema = listOf(mailLogItemSchema.extend({ tenantSlug: z.string().nullable() }));
export const mailLogQuerySchema = z.object({ status: z.enum(MAIL_STATUSES).optional() });

export const mailPreferencesSchema = z.object({
  email: z.string(),
  categories: z.array(z.object({ key: mailCategorySchema, label: z.string(), description: z.string(), subscribed: z.boolean() })),
  /** Set when bounces or complaints stopped every mail to this address. */
  suppressed: z.object({ reason: z.string(), since: z.string() }).nullable(),
});
export type MailPreferences = z.infer<typeof mailPreferencesSchema>;
export const updateMailPreferencesSchema = z.object({ categories: z.partialRecord(mailCategorySchema, z.boolean()) });

export const unsubscribeQuerySchema = z.object({ token: text({ min: 10, max: 2000 }) });
export const unsubscribeViewSchema = z.object({ email: z.string(), category: mailCategorySchema, label: z.string(), workspace: z.string(), unsubscribed: z.boolean() });

export const resendWebhookAckSchema = z.object({ received: z.literal(true), duplicate: z.boolean() });

export const sendingDomainSchema = z.object({
  domain: z.string(),
  status: z.string(),
  records: z.array(z.object({ record: z.string(), name: z.string(), type: z.string(), value: z.string(), status: z.string(), ttl: z.string().optional(), priority: z.number().optional() })),
  sender: z.string(),
});
export const sendingDomainViewSchema = z.object({ allowed: z.boolean(), domain: sendingDomainSchema.nullable() });
export const createSendingDomainSchema = z.object({
  domain: text({ min: 3, max: 253 })
    .toLowerCase()
    .regex(/^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as mail.example.com'),
});

export const mailTemplateSummarySchema = z.object({ key: z.string(), name: z.string(), category: z.string(), edited: z.boolean() });
export const mailTemplateListSchema = listOf(mailTemplateSummarySchema);
export const mailTemplateSourceSchema = z.object({
  subject: text({ min: 1, max: 300 }),
  html: text({ min: 1, max: 100_000, trim: false }),
  text: text({ min: 1, max: 50_000, trim: false }),
});
export const mailTemplateDetailSchema = mailTemplateSummarySchema.extend({
  source: z.object({ subject: z.string(), html: z.string(), text: z.string() }),
  defaults: z.object({ subject: z.string(), html: z.string(), text: z.string() }),
  /** Name → meaning of every variable the template may use. */
  variables: z.record(z.string(), z.string()),
  sample: z.record(z.string(), z.unknown()),
});
export const mailPreviewRequestSchema = z.object({ draft: mailTemplateSourceSchema.optional() });
export const mailPreviewSchema = z.object({ subject: z.string(), html: z.string(), text: z.string() });
export const mailTestSendSchema = z.object({ to: emailSchema });
export const mailTestSentSchema = z.object({ queued: z.literal(true), id: z.string() });
export const mailTemplateKeyParamSchema = z.object({ key: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a template key') });

/** An address every mail skips after a hard bounce or a spam complaint (Resend webhooks), until an admin clears it. */
export const mailSuppressionSchema = z.object({
  email: z.string(),
  /** `bounced` or `complained`. */
  reason: z.string(),
  /** The provider's words, when it gave any. */
  detail: z.string().nullable(),
  createdAt: z.string(),
});
export type MailSuppression = z.infer<typeof mailSuppressionSchema>;
export const mailSuppressionListSchema = listOf(mailSuppressionSchema);
/** The suppressed address in the path (URL-encoded). */
export const mailSuppressionParamSchema = z.object({ email: emailSchema });
