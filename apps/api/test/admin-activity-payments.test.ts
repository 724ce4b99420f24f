import type { ActivityEvent } from '@instagrowth/contracts';
import { ActivityBus } from '../src/core/activity/activity.bus.js';
import { FakeStripe } from './support/fake-stripe.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/** Payments announce themselves on the activity bus (what the admin socket forwards) from the Stripe webhook job. */
describe('live activity: payments', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  const events: ActivityEvent[] = [];

  beforeAll(async () => {
    stripe = await new FakeStripe().start();
    t = await createTestApp({ STRIPE_API_BASE_URL: stripe.url });
    stripe.onWebhook(async (payload, signature) => (await t.request('POST', '/api/billing/webhook', { body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } })).status);
    t.app.get(ActivityBus).subscribe((e) => events.push(e));
    const saved = await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token: await t.adminLogin(), body: { values: { 'stripe.secretKey': stripe.secretKey, 'stripe.webhookSecret': stripe.webhookSecret } } });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.close();
  });

  const waitFor = async (type: string) => {
    for (let i = 0; i < 200; i++) {
      const hit = events.find((e) => e.type === type);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${type} within 10 s; got ${JSON.stringify(events)}`);
  };

  it('a paid checkout announces payment.succeeded once, a failed renewal payment.failed', async () => {
    const owner = (await t.login('globex', 'owner@globex.test')).token;
    const checkout = await t.request('POST', '/api/billing/checkout', { host: host('globex'), token: owner, body: { plan: 'pro', interval: 'month' } });
    expect(checkout.status).toBe(200);
    const paid = await fetch(`${stripe.url}/checkout/${checkout.body.url.split('/').pop()}`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    const succeeded = await waitFor('payment.succeeded');
    expect(succeeded).toMatchObject({ tenantSlug: 'globex', amount: 4900, currency: 'usd', summary: 'globex paid 49.00 USD' });

    const [{ s: subId }] = await t.sql<{ s: string }>(`select stripe_subscription_id as s from control.subscriptions s join control.tenants t on t.id = s.tenant_id where t.slug = 'globex'`);
    for (const e of stripe.failPayment(subId)) expect(await stripe.deliver(e)).toBe(200);
    const failed = await waitFor('payment.failed');
    expect(failed).toMatchObject({ tenantSlug: 'globex', currency: 'usd', summary: expect.stringContaining('failed to pay') });
    expect(events.filter((e) => e.type === 'payment.succeeded')).toHaveLength(1);
  });
});
