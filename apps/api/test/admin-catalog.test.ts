import { ReferralsService } from '../src/referrals/referrals.service.js';
import { FakeStripe } from './support/fake-stripe.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

describe('console catalogue: plans, products, referral terms, Stripe sync', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  beforeAll(async () => {
    stripe = await new FakeStripe().start();
    t = await createTestApp({ STRIPE_API_BASE_URL: stripe.url });
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.close();
  });

  const admin = async (method: string, url: string, body?: unknown) => t.request(method, url, { host: host('admin'), token: await t.adminLogin(), body });

  it('lists hidden plans to the admin only, and edits a product with validation', async () => {
    const catalog = (await admin('GET', '/api/admin-panel/catalog')).body;
    const agency = catalog.plans.find((p: { key: string }) => p.key === 'agency');
    expect(catalog.stripeConfigured).toBe(false);
    expect((await admin('PUT', '/api/admin-panel/plans/agency', { ...agency, active: false })).status).toBe(200);
    const after = (await admin('GET', '/api/admin-panel/catalog')).body;
    expect(after.plans.map((p: { key: string }) => p.key)).toContain('agency');
    const pricing = await t.request('GET', '/api/plans', { host: host() });
    expect(pricing.body.plans.map((p: { key: string }) => p.key)).not.toContain('agency');

    const bad = await admin('PUT', '/api/admin-panel/products/content_pack', { name: 'Pack', price: -1, credits: 30, description: '', active: true });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.price).toBeDefined();
    expect((await admin('PUT', '/api/admin-panel/products/nope', { name: 'x', price: 1, credits: 0, description: '', active: true })).status).toBe(400);
    const ok = await admin('PUT', '/api/admin-panel/products/content_pack', { name: '30-day pack', price: 2400, credits: 30, description: 'Thirty days', active: false });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ key: 'content_pack', price: 2400, name: '30-day pack' });
    expect((await t.request('GET', '/api/plans', { host: host() })).body.products.map((p: { key: string }) => p.key)).not.toContain('content_pack');
    const audit = await t.sql(`select 1 from control.platform_audit_log where action = 'product.updated' and target_id = 'content_pack'`);
    expect(audit).toHaveLength(1);
  });

  it('referral terms come from the settings (validated), else env', async () => {
    const referrals = t.app.get(ReferralsService);
    expect(await referrals.terms()).toEqual({ commissionPercent: t.config.billing.referralCommissionPercent, holdDays: t.config.billing.referralHoldDays });
    const bad = await admin('PUT', '/api/admin-panel/settings', { values: { 'referral.commissionPercent': '150' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields['values.referral.commissionPercent']).toMatch(/at most 100/);
    expect((await admin('PUT', '/api/admin-panel/settings', { values: { 'referral.commissionPercent': '12.5', 'referral.holdDays': '45' } })).status).toBe(200);
    expect(await referrals.terms()).toEqual({ commissionPercent: 12.5, holdDays: 45 });
    expect((await admin('GET', '/api/admin-panel/catalog')).body.referral).toEqual({ commissionPercent: 12.5, holdDays: 45 });
  });

  it('syncs every active price to Stripe once configured (idempotent), 503 before', async () => {
    const before = await admin('POST', '/api/admin-panel/catalog/stripe-sync');
    expect(before.status).toBe(503);
    expect(before.body.error).toBe('billing_not_configured');
    expect((await admin('PUT', '/api/admin-panel/settings', { values: { 'stripe.secretKey': stripe.secretKey, 'stripe.webhookSecret': stripe.webhookSecret } })).status).toBe(200);
    const synced = await admin('POST', '/api/admin-panel/catalog/stripe-sync');
    expect(synced.status).toBe(200);
    // Active: starter, pro, enterprise (agency hidden above) × 2 intervals + audit_report, extra_account, white_label.
    expect(synced.body).toEqual({ prices: 9 });
    expect(stripe.prices.size).toBe(9);
    expect((await admin('POST', '/api/admin-panel/catalog/stripe-sync')).body).toEqual({ prices: 9 });
    expect(stripe.prices.size).toBe(9);
  });
});
