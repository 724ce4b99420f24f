/**
 * The default plans and products of PRODUCT.md ("Default plans"), seeded once by control migration
 * 0005; the super-admin edits them afterwards (PUT /api/admin-panel/plans/:key). Prices in cents.
 * Yearly is ten months' price (two months free). null seats / client logins = unlimited.
 */
export const DEFAULT_PLANS = [
  { key: 'starter', name: 'Starter', position: 1, priceMonthly: 1900, priceYearly: 19000, accounts: 1, aiCredits: 10, seats: 1, clientLogins: 0, customDomains: 0, whiteLabel: 'no', removePoweredBy: false, ownInstagramApp: false,
    features: ['1 Instagram account', '10 AI generations a month', 'Audits, analytics and content calendar'] },
  { key: 'pro', name: 'Pro', position: 2, priceMonthly: 4900, priceYearly: 49000, accounts: 5, aiCredits: 100, seats: 3, clientLogins: 0, customDomains: 0, whiteLabel: 'addon', removePoweredBy: false, ownInstagramApp: false,
    features: ['5 Instagram accounts', '100 AI generations a month', '3 team seats', 'White-label as an add-on'] },
  { key: 'agency', name: 'Agency', position: 3, priceMonthly: 14900, priceYearly: 149000, accounts: 25, aiCredits: 500, seats: 10, clientLogins: 50, customDomains: 3, whiteLabel: 'yes', removePoweredBy: true, ownInstagramApp: true,
    features: ['25 Instagram accounts', '500 AI generations a month', '10 seats and client logins', 'White-label with 3 custom domains'] },
  { key: 'enterprise', name: 'Enterprise', position: 4, priceMonthly: 29900, priceYearly: 299000, accounts: 100, aiCredits: 2000, seats: null, clientLogins: null, customDomains: 10, whiteLabel: 'yes', removePoweredBy: true, ownInstagramApp: true,
    features: ['100 Instagram accounts', '2000 AI generations a month', 'Unlimited seats and client logins', 'White-label with custom domains'] },
] as const;

export const DEFAULT_PRODUCTS = [
  { key: 'audit_report', name: 'Full audit report', kind: 'one_time', price: 2900, credits: 10, description: 'A standalone full audit report: 10 AI credits that never lapse.' },
  { key: 'content_pack', name: '30-day content pack', kind: 'one_time', price: 1900, credits: 30, description: '30 days of content: 30 AI credits that never lapse.' },
  { key: 'extra_account', name: 'Extra Instagram account', kind: 'recurring_addon', price: 500, credits: 0, description: 'One more Instagram account on your plan, per month.' },
  { key: 'white_label', name: 'White-label add-on (Pro)', kind: 'recurring_addon', price: 4900, credits: 0, description: 'Your brand instead of ours on the Pro plan, per month.' },
] as const;
