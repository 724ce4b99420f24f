import { z } from 'zod';
import { emailSchema, opaqueTokenSchema, passwordSchema } from './common.js';
import { isoDateTimeSchema } from './common.responses.js';
import { countFromString, int4Id, isoDate, text } from './primitives.js';

/**
 * The super-admin console's operations (issue #10 §3, 4, 7, 8, 9): tenant search and actions,
 * impersonation, cross-tenant users and accounts, announcements, the platform audit log, admin
 * invitations. Requests first, then answers.
 */

const page = () => countFromString(1_000_000).min(1, 'must be at least 1').default(1);
const pageSize = () => countFromString(100).min(1, 'must be at least 1').default(25);
const optionalText = (max: number) => text({ max }).optional().transform((v) => (v ? v : undefined));

export const TENANT_STATUS_FILTERS = ['active', 'suspended', 'provisioning', 'deletion_scheduled'] as const;

export const tenantSearchQuerySchema = z
  .object({
    q: optionalText(200),
    plan: optionalText(50),
    status: z.enum(TENANT_STATUS_FILTERS).optional(),
    createdFrom: isoDate().optional(),
    createdTo: isoDate().optional(),
    page: page(),
    pageSize: pageSize(),
  })
  .refine((v) => !v.createdFrom || !v.createdTo || v.createdFrom <= v.createdTo, { path: ['createdTo'], message: 'must be on or after createdFrom' });

export const pagedSearchQuerySchema = z.object({ q: optionalText(200), tenantId: int4Id().optional(), page: page(), pageSize: pageSize() });

export const auditLogQuerySchema = z
  .object({
    adminId: z.uuid('must be an admin id').optional(),
    tenantId: int4Id().optional(),
    action: optionalText(100),
    from: isoDate().optional(),
    to: isoDate().optional(),
    page: page(),
    pageSize: pageSize(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'must be on or after from' });

export const extendTrialSchema = z.object({ days: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365') });

export const grantCreditsSchema = z.object({
  amount: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(-1_000_000, 'must be at least -1000000')
    .max(1_000_000, 'must be at most 1000000')
    .refine((n) => n !== 0, 'cannot be 0'),
  reason: text({ min: 3, max: 500 }),
});

export const scheduleDeletionSchema = z.object({
  graceDays: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(90, 'must be at most 90').optional(),
  reason: text({ min: 3, max: 500 }),
});

export const impersonateSchema = z.object({ reason: text({ min: 5, max: 500 }) });
export const impersonationExchangeSchema = z.object({ token: opaqueTokenSchema });

export const announcementInputSchema = z
  .object({
    title: text({ min: 1, max: 120 }),
    body: text({ min: 1, max: 2000 }),
    /** Plan keys that see it; empty = every workspace. */
    plans: z.array(text({ min: 1, max: 50 })).max(20, 'at most 20 plans').default([]),
    startsAt: z.iso.datetime({ offset: true, error: 'must be a date-time like 2026-12-01T09:00:00Z' }),
    endsAt: z.iso.datetime({ offset: true, error: 'must be a date-time like 2026-12-31T09:00:00Z' }).nullable().default(null),
  })
  .refine((v) => v.endsAt === null || Date.parse(v.endsAt) > Date.parse(v.startsAt), { path: ['endsAt'], message: 'must be after startsAt' });

export const inviteAdminSchema = z.object({ email: emailSchema });
export const acceptAdminInvitationSchema = z.object({
  token: opaqueTokenSchema,
  password: passwordSchema,
  totp: z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'),
});

// ---- answers ----

const paged = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const consoleTenantSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(['provisioning', 'active', 'suspended']),
  planKey: z.string().nullable().describe('the subscription plan (null: no plan, config defaults)'),
  subscriptionStatus: z.string().nullable(),
  trialEndsAt: isoDateTimeSchema.nullable(),
  deletionScheduledFor: isoDateTimeSchema.nullable(),
  ownerEmail: z.string().nullable(),
  userCount: z.number().int(),
  accountCount: z.number().int(),
  createdAt: isoDateTimeSchema,
  url: z.string(),
});
export type ConsoleTenant = z.infer<typeof consoleTenantSchema>;
export const tenantPageSchema = paged(consoleTenantSchema);

export const crossTenantUserSchema = z.object({
  id: z.uuid(),
  tenantId: z.number().int(),
  tenantSlug: z.string(),
  tenantName: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  emailVerified: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export const userPageSchema = paged(crossTenantUserSchema);

export const crossTenantAccountSchema = z.object({
  id: z.uuid(),
  tenantId: z.number().int(),
  tenantSlug: z.string(),
  tenantName: z.string(),
  username: z.string(),
  kind: z.string(),
  status: z.string(),
  followers: z.number().int().nullable(),
  lastSyncAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export const accountPageSchema = paged(crossTenantAccountSchema);

export const auditEntrySchema = z.object({
  id: z.uuid(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  tenantId: z.number().int().nullable(),
  tenantSlug: z.string().nullable(),
  targetId: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = paged(auditEntrySchema);

const limitUsage = z.object({ used: z.number().int(), limit: z.number().int().nullable() });
export const tenantDetailSchema = z.object({
  tenant: consoleTenantSchema,
  plan: z.object({ key: z.string(), name: z.string(), status: z.string(), downgraded: z.boolean(), currentPeriodEnd: isoDateTimeSchema.nullable() }),
  usage: z.object({ accounts: limitUsage, seats: limitUsage, clientLogins: limitUsage, customDomains: limitUsage, aiCredits: z.object({ balance: z.number().int(), allowance: z.number().int() }) }),
  users: z.array(crossTenantUserSchema),
  accounts: z.array(crossTenantAccountSchema),
  invoices: z.array(z.object({ id: z.string(), number: z.string().nullable(), currency: z.string(), amountDue: z.number().int(), amountPaid: z.number().int(), status: z.string(), createdAt: isoDateTimeSchema, hostedInvoiceUrl: z.string().nullable() })),
  domains: z.array(z.object({ hostname: z.string(), verified: z.boolean(), createdAt: isoDateTimeSchema })),
  auditLog: z.array(auditEntrySchema),
});
export type TenantDetail = z.infer<typeof tenantDetailSchema>;

export const creditGrantResultSchema = z.object({ applied: z.number().int(), balanceAfter: z.number().int() });

export const impersonationStartSchema = z.object({ url: z.string(), expiresAt: isoDateTimeSchema });
export const impersonationStatusSchema = z.object({
  active: z.boolean(),
  adminEmail: z.string().nullable(),
  tenantName: z.string().nullable(),
  asEmail: z.string().nullable(),
  reason: z.string().nullable(),
  expiresAt: isoDateTimeSchema.nullable(),
});
export type ImpersonationStatus = z.infer<typeof impersonationStatusSchema>;

export const announcementSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  plans: z.array(z.string()),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type AnnouncementView = z.infer<typeof announcementSchema>;
export const announcementListSchema = z.object({ data: z.array(announcementSchema) });
export const workspaceAnnouncementsSchema = z.object({ data: z.array(announcementSchema.pick({ id: true, title: true, body: true, startsAt: true, endsAt: true })) });

export const adminInvitationViewSchema = z.object({ id: z.uuid(), email: z.string(), expiresAt: isoDateTimeSchema, acceptedAt: isoDateTimeSchema.nullable(), createdAt: isoDateTimeSchema });
export const adminListSchema = z.object({
  admins: z.array(z.object({ id: z.uuid(), email: z.string(), lastLoginAt: isoDateTimeSchema.nullable(), createdAt: isoDateTimeSchema })),
  invitations: z.array(adminInvitationViewSchema),
});
/** GET /api/admin-panel/invitations/:token: what the invitee enrols in their authenticator app. */
export const adminInvitationPreviewSchema = z.object({ email: z.string(), totpSecret: z.string(), otpauthUri: z.string(), expiresAt: isoDateTimeSchema });
