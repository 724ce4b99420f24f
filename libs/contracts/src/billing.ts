import { z } from 'zod';
import { isoDateTimeSchema } from './common.responses.js';

/** Plan keys other work relies on; the super-admin edits plans but never renames them. */
export const PLAN_KEYS = ['starter', 'pro', 'agency', 'enterprise'] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];
export const planKeySchema = z.enum(PLAN_KEYS, { error: 'must be one of starter, pro, agency, enterprise' });
export const BILLING_INTERVALS = ['month', 'year'] as const;
export const PRODUCT_KEYS = ['audit_report', 'content_pack', 'extra_account', 'white_label'] as const;
export const productKeySchema = z.enum(PRODUCT_KEYS, { error: 'must be one of audit_report, content_pack, extra_account, white_label' });

const cents = z.number().int().min(0).max(100_000_000);
const countOrUnlimited = z.number().int().min(0).max(1_000_000).nullable();

// ---- requests ----

/** `PUT /api/admin-panel/plans/:key` (super-admin): the whole plan; prices in cents, null = unlimited. */
export const planUpdateSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(60),
  position: z.number().int().min(0).max(1000),
  currency: z.string().regex(/^[a-z]{3}$/, 'must be a 3-letter lower-case currency code'),
  priceMonthly: cents,
  priceYearly: cents,
  accounts: z.number().int().min(0).max(1_000_000),
  aiCredits: z.number().int().min(0).max(1_000_000),
  seats: countOrUnlimited,
  clientLogins: countOrUnlimited,
  customDomains: z.number().int().min(0).max(1000),
  whiteLabel: z.enum(['no', 'addon', 'yes']),
  removePoweredBy: z.boolean(),
  ownInstagramApp: z.boolean(),
  features: z.array(z.string().trim().min(1).max(120)).max(20),
  active: z.boolean(),
});
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

/** `PUT /api/admin-panel/tenants/:id/plan`: assign a plan by hand (no Stripe), optionally as a trial until a date. */
export const assignPlanSchema = z.object({
  plan: planKeySchema,
  status: z.enum(['active', 'trialing']).default('active'),
  trialEndsAt: z.iso.datetime({ error: 'must be an ISO date-time' }).optional(),
});

/** `POST /api/billing/checkout`: a plan subscription, or a one-time product / add-on. */
export const checkoutSchema = z.union([
  z.object({ plan: planKeySchema, interval: z.enum(BILLING_INTERVALS).default('month') }).strict(),
  z.object({ product: productKeySchema, quantity: z.number().int().min(1).max(100).default(1) }).strict(),
], { error: 'must be { plan, interval } or { product }' });
export type CheckoutInput = z.infer<typeof checkoutSchema>;

// ---- responses ----

export const planSchema = z.object({
  key: z.string(),
  name: z.string(),
  position: z.number().int(),
  currency: z.string(),
  priceMonthly: z.number().int(),
  priceYearly: z.number().int(),
  accounts: z.number().int(),
  aiCredits: z.number().int(),
  seats: z.number().int().nullable(),
  clientLogins: z.number().int().nullable(),
  customDomains: z.number().int(),
  whiteLabel: z.enum(['no', 'addon', 'yes']),
  removePoweredBy: z.boolean(),
  ownInstagramApp: z.boolean(),
  features: z.array(z.string()),
  active: z.boolean(),
});
export type Plan = z.infer<typeof planSchema>;

export const productSchema = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(['one_time', 'recurring_addon']),
  currency: z.string(),
  price: z.number().int(),
  credits: z.number().int(),
  description: z.string(),
});

export const plansResponseSchema = z.object({ plans: z.array(planSchema), products: z.array(productSchema) });

const usageSchema = z.object({ used: z.number().int(), limit: z.number().int().nullable() });

export const invoiceSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  currency: z.string(),
  amountDue: z.number().int(),
  amountPaid: z.number().int(),
  status: z.string(),
  periodStart: isoDateTimeSchema.nullable(),
  periodEnd: isoDateTimeSchema.nullable(),
  hostedInvoiceUrl: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});

/** `GET /api/billing` (owner): the plan, Stripe's status, usage bars and invoices. */
export const billingOverviewSchema = z.object({
  plan: planSchema,
  subscribedPlanKey: z.string(),
  /** Stripe's subscription status (`trialing`, `active`, `past_due`, `canceled`, …) or `none`. */
  status: z.string(),
  downgraded: z.boolean(),
  interval: z.enum(BILLING_INTERVALS),
  trialEndsAt: isoDateTimeSchema.nullable(),
  currentPeriodEnd: isoDateTimeSchema.nullable(),
  graceEndsAt: isoDateTimeSchema.nullable(),
  cancelAtPeriodEnd: z.boolean(),
  addons: z.object({ extraAccounts: z.number().int(), whiteLabel: z.boolean() }),
  features: z.object({ whiteLabel: z.boolean(), removePoweredBy: z.boolean(), customDomains: z.boolean(), ownInstagramApp: z.boolean() }),
  usage: z.object({
    accounts: usageSchema,
    seats: usageSchema,
    clientLogins: usageSchema,
    customDomains: usageSchema,
    aiCredits: z.object({ used: z.number().int(), limit: z.number().int(), balance: z.number().int() }),
  }),
  /** Account ids kept read-only because the plan allows fewer accounts than the workspace has. */
  readOnlyAccountIds: z.array(z.string()),
  invoices: z.array(invoiceSchema),
  /** False until Stripe keys are configured: checkout and portal answer 503 then. */
  stripeConfigured: z.boolean(),
});
export type BillingOverview = z.infer<typeof billingOverviewSchema>;

export const redirectUrlSchema = z.object({ url: z.string() });

export const assignedPlanSchema = z.object({
  tenantId: z.number().int(),
  plan: z.string(),
  status: z.string(),
  trialEndsAt: isoDateTimeSchema.nullable(),
});

// ---- referrals ----

export const referralVisitSchema = z.object({ code: z.string().trim().min(4, 'is not a referral code').max(64, 'is not a referral code').regex(/^[a-z0-9]+$/, 'is not a referral code') });
export const COMMISSION_STATUSES = ['pending', 'payable', 'paid', 'reversed'] as const;
export const payoutsQuerySchema = z.object({ status: z.enum(COMMISSION_STATUSES).optional() });

export const commissionSchema = z.object({
  id: z.string().uuid(),
  invoiceId: z.string(),
  currency: z.string(),
  amount: z.number().int(),
  status: z.enum(COMMISSION_STATUSES),
  referrerSlug: z.string().nullable(),
  referredSlug: z.string().nullable(),
  payableAt: isoDateTimeSchema,
  paidAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});

export const referralOverviewSchema = z.object({
  code: z.string(),
  link: z.string(),
  commissionPercent: z.number(),
  holdDays: z.number().int(),
  clicks: z.number().int(),
  signups: z.number().int(),
  conversions: z.number().int(),
  earnings: z.object({ pending: z.number().int(), payable: z.number().int(), paid: z.number().int(), reversed: z.number().int() }),
  commissions: z.array(commissionSchema),
});
export type ReferralOverview = z.infer<typeof referralOverviewSchema>;

export const referralVisitResultSchema = z.object({ counted: z.boolean() });
export const payoutListSchema = z.object({ data: z.array(commissionSchema) });
export const webhookAckSchema = z.object({ received: z.literal(true), duplicate: z.boolean() });

// ---- console catalogue (super-admin) ----

/** `PUT /api/admin-panel/products/:key`: a credit pack or add-on's price, credits, copy and visibility. */
export const productUpdateSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(80),
  price: cents,
  credits: z.number().int().min(0).max(1_000_000),
  description: z.string().trim().max(300),
  active: z.boolean(),
});

/** Every plan and product, hidden ones included, with the referral terms and whether Stripe is set up. */
export const adminCatalogSchema = z.object({
  plans: z.array(planSchema),
  products: z.array(productSchema.extend({ active: z.boolean() })),
  referral: z.object({ commissionPercent: z.number(), holdDays: z.number().int() }),
  stripeConfigured: z.boolean(),
});
export type AdminCatalog = z.infer<typeof adminCatalogSchema>;

export const stripeSyncResultSchema = z.object({ prices: z.number().int() });
