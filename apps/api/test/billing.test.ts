import { CacheBus } from '../src/core/tenancy/cache-bus.js';
import { PLAN_INPUTS_TOPIC } from '../src/limits/plan-inputs-cache.js';
import { FakeStripe } from './support/fake-stripe.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/** Billing end to end against the fake Stripe server: checkout, webhooks (order, duplicates, replays, signatures), dunning, referrals. */
describe('billing: plans, limits, Stripe checkout and webhooks, referrals', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let admin: string;
  const tenantId = async (slug: string) => (await t.sql<{ id: number }>('select id from control.tenants where slug = $1', [slug]))[0].id;
  const owner = (slug: string) => t.login(slug, `owner@${slug}.test`).then((s) => s.token);

  /** Bounded wait for the jobs of the given events (no sleeping for a fixed time). */
  async function processed(eventIds: string[]): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const rows = await t.sql<{ n: string }>('select count(*) as n from control.stripe_events where id = any($1) and processed_at is not null', [eventIds]);
      if (Number(rows[0].n) === eventIds.length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`events ${eventIds.join(', ')} not processed within 10 s`);
  }

  async function deliverAll(events: Parameters<FakeStripe['deliver']>[0][]): Promise<void> {
    for (const e of events) expect(await stripe.deliver(e)).toBe(200);
    await processed(events.map((e) => String(e.id)));
  }

  async function checkout(slug: string, token: string, body: unknown): Promise<string> {
    const res = await t.request('POST', '/api/billing/checkout', { host: host(slug), token, body });
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(new RegExp(`^${stripe.url}/checkout/cs_test_`));
    return res.body.url.split('/').pop();
  }

  const billing = async (slug: string, token: string) => (await t.request('GET', '/api/billing', { host: host(slug), token })).body;

  beforeAll(async () => {
    stripe = await new FakeStripe().start();
    t = await createTestApp({ STRIPE_API_BASE_URL: stripe.url, BILLING_GRACE_DAYS: '7', REFERRAL_COMMISSION_PERCENT: '20', REFERRAL_HOLD_DAYS: '30' });
    stripe.onWebhook(async (payload, signature) => (await t.request('POST', '/api/billing/webhook', { body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } })).status);
    admin = await t.adminLogin();
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('without Stripe keys: plans are public, checkout says what to configure, the super-admin assigns plans and limits follow', async () => {
    const plans = await t.request('GET', '/api/plans', { host: host() });
    expect(plans.status).toBe(200);
    expect(plans.body.plans.map((p: { key: string }) => p.key)).toEqual(['starter', 'pro', 'agency', 'enterprise']);
    expect(plans.body.plans[1]).toMatchObject({ name: 'Pro', priceMonthly: 4900, accounts: 5, aiCredits: 100, seats: 3, whiteLabel: 'addon' });
    expect(plans.body.products.map((p: { key: string }) => p.key).sort()).toEqual(['audit_report', 'content_pack', 'extra_account', 'white_label']);

    const globex = await owner('globex');
    const refused = await t.request('POST', '/api/billing/checkout', { host: host('globex'), token: globex, body: { plan: 'pro', interval: 'month' } });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: 'billing_not_configured', message: expect.stringContaining('STRIPE_SECRET_KEY') });
    const badBody = await t.request('POST', '/api/billing/checkout', { host: host('globex'), token: globex, body: { plan: 'gold' } });
    expect(badBody.status).toBe(400);

    const assigned = await t.request('PUT', `/api/admin-panel/tenants/${await tenantId('globex')}/plan`, { host: host('admin'), token: admin, body: { plan: 'starter' } });
    expect(assigned.status).toBe(200);
    const overview = await billing('globex', globex);
    expect(overview).toMatchObject({ plan: { key: 'starter' }, status: 'active', stripeConfigured: false, usage: { accounts: { used: 0, limit: 1 }, seats: { used: 1, limit: 1 } } });

    expect((await t.request('POST', '/api/accounts/manual', { host: host('globex'), token: globex, body: { username: 'first.one', followersCount: 10 } })).status).toBe(201);
    const over = await t.request('POST', '/api/accounts/manual', { host: host('globex'), token: globex, body: { username: 'second.one', followersCount: 10 } });
    expect(over.status).toBe(402);
    expect(over.body).toMatchObject({ error: 'account_limit_reached', message: expect.stringMatching(/Starter plan allows 1 Instagram account and this workspace has 1\. The Pro plan allows 5/) });
    const invite = await t.request('POST', '/api/team/invitations', { host: host('globex'), token: globex, body: { email: 'new@globex.test', role: 'manager' } });
    expect(invite.status).toBe(402);
    expect(invite.body).toMatchObject({ error: 'seat_limit_reached', message: expect.stringContaining('Pro plan allows 3') });

    // The admin edits a plan: the catalogue shows it at once.
    const edit = await t.request('PUT', '/api/admin-panel/plans/starter', { host: host('admin'), token: admin, body: { ...plans.body.plans[0], accounts: 2 } });
    expect(edit.status).toBe(200);
    expect((await billing('globex', globex)).usage.accounts.limit).toBe(2);
    expect((await t.request('PUT', '/api/admin-panel/plans/starter', { host: host('admin'), token: admin, body: { ...plans.body.plans[0], priceMonthly: -1 } })).body.fields).toHaveProperty('priceMonthly');
    expect((await t.request('PUT', '/api/admin-panel/plans/starter', { host: host('admin'), token: admin, body: plans.body.plans[0] })).status).toBe(200);
  });

  it('checkout → checkout.session.completed → plan active → limits lifted, one credit grant per period', async () => {
    const settings = await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token: admin, body: { values: { 'stripe.secretKey': stripe.secretKey, 'stripe.webhookSecret': stripe.webhookSecret } } });
    expect(settings.status).toBe(200);
    const globex = await owner('globex');
    const sid = await checkout('globex', globex, { plan: 'agency', interval: 'month' });
    // The same click twice within the window reuses the session (deterministic idempotency key).
    expect(await checkout('globex', globex, { plan: 'agency', interval: 'month' })).toBe(sid);

    // The hosted page's "Pay": the fake fires the signed events and redirects back to the billing page.
    const paid = await fetch(`${stripe.url}/checkout/${sid}`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://globex.${'instagrowth.test'}/billing?checkout=success&session_id=${sid}`);
    await processed(stripe.deliveries.map((d) => d.eventId));

    const overview = await billing('globex', globex);
    expect(overview).toMatchObject({ plan: { key: 'agency' }, status: 'active', downgraded: false, stripeConfigured: true, usage: { accounts: { used: 1, limit: 25 }, seats: { limit: 10 }, aiCredits: { limit: 500, balance: 500 } } });
    expect(overview.invoices).toHaveLength(1);
    expect(overview.invoices[0]).toMatchObject({ status: 'paid', amountPaid: 14900, currency: 'usd' });
    expect((await t.request('POST', '/api/accounts/manual', { host: host('globex'), token: globex, body: { username: 'second.one', followersCount: 10 } })).status).toBe(201);

    const credits = await t.request('GET', '/api/credits', { host: host('globex'), token: globex });
    expect(credits.body.entries.filter((e: { kind: string; feature: string }) => e.kind === 'grant' && e.feature === 'plan:agency')).toHaveLength(1);
    // Every write to Stripe carried an idempotency key.
    expect(stripe.writes.length).toBeGreaterThan(3);
    expect(stripe.writes.filter((w) => !w.idempotencyKey)).toEqual([]);

    // Every event delivered again, twice, concurrently: nothing changes, still one grant.
    const again = await Promise.all([...stripe.events, ...stripe.events].map((e) => stripe.deliver(e)));
    expect(again.every((s) => s === 200)).toBe(true);
    await processed(stripe.events.map((e) => e.id));
    const after = await t.request('GET', '/api/credits', { host: host('globex'), token: globex });
    expect(after.body.entries.filter((e: { kind: string }) => e.kind === 'grant')).toHaveLength(credits.body.entries.filter((e: { kind: string }) => e.kind === 'grant').length);
    expect(after.body.balance).toBe(credits.body.balance);
    expect(Number((await t.sql<{ n: string }>('select count(*) as n from control.invoices'))[0].n)).toBe(1);
  });

  it('applies customer.subscription.updated arriving before checkout.session.completed', async () => {
    const acme = await owner('acme');
    const sid = await checkout('acme', acme, { plan: 'pro', interval: 'year' });
    const events = stripe.complete(sid);
    const sub = stripe.subscriptions.get(stripe.sessions.get(sid)!.subscription)!;
    const early = stripe.event('customer.subscription.updated', sub);
    // Newest first: the update, then completion, then creation.
    await deliverAll([early, ...events.reverse()]);
    const overview = await billing('acme', acme);
    expect(overview).toMatchObject({ plan: { key: 'pro' }, status: 'active', interval: 'year', usage: { accounts: { limit: 5 } } });
  });

  it('refuses a replay after 10 minutes and a bad signature with 400, changing nothing', async () => {
    const before = (await t.sql('select id from control.stripe_events')).length;
    const sub = [...stripe.subscriptions.values()][0];
    const stale = stripe.event('customer.subscription.deleted', { ...sub, status: 'canceled' });
    expect(await stripe.deliver(stale, { signedAt: Math.floor(Date.now() / 1000) - 600 })).toBe(400);
    expect(await stripe.deliver(stale, { secret: 'whsec_wrong' })).toBe(400);
    const unsigned = await t.request('POST', '/api/billing/webhook', { body: JSON.stringify(stale), headers: { 'content-type': 'application/json' } });
    expect(unsigned.body.error).toBe('invalid_signature');
    expect((await t.sql('select id from control.stripe_events')).length).toBe(before);
    expect((await billing('globex', await owner('globex'))).status).toBe('active');
  });

  it('grants a content pack once per checkout session, whatever the number of deliveries', async () => {
    const globex = await owner('globex');
    const before = (await t.request('GET', '/api/credits', { host: host('globex'), token: globex })).body;
    const sid = await checkout('globex', globex, { product: 'content_pack' });
    const events = stripe.complete(sid);
    await Promise.all([...events, ...events, ...events].map((e) => stripe.deliver(e)));
    await processed(events.map((e) => e.id));
    const after = (await t.request('GET', '/api/credits', { host: host('globex'), token: globex })).body;
    expect(after.packBalance).toBe(before.packBalance + 30);
    expect(after.entries.filter((e: { feature: string }) => e.feature === 'pack:content_pack')).toHaveLength(1);
  });

  it('payment_failed → past_due with dunning mail → grace ends → downgrade keeps every account read-only → invoice.paid restores', async () => {
    const globex = await owner('globex');
    const subId = (await t.sql<{ s: string }>('select stripe_subscription_id as s from control.subscriptions where tenant_id = $1', [await tenantId('globex')]))[0].s;
    for (const username of ['third.one', 'fourth.one']) {
      expect((await t.request('POST', '/api/accounts/manual', { host: host('globex'), token: globex, body: { username, followersCount: 5 } })).status).toBe(201);
    }
    await deliverAll(stripe.failPayment(subId));
    const pastDue = await billing('globex', globex);
    expect(pastDue).toMatchObject({ status: 'past_due', downgraded: false, plan: { key: 'agency' } });
    const graceDays = (new Date(pastDue.graceEndsAt).getTime() - Date.now()) / 86_400_000;
    expect(graceDays).toBeGreaterThan(6.9);
    expect(graceDays).toBeLessThanOrEqual(7);
    const mail = await t.waitForMail('owner@globex.test', 'payment-failed');
    expect(mail.text).toContain('149.00 USD');

    // The grace period is over (moved into the past rather than waiting a week).
    await t.sql("update control.subscriptions set grace_ends_at = now() - interval '1 minute' where stripe_subscription_id = $1", [subId]);
    // Written behind the API (time passing), so the cached plan inputs are told as the API's own writes tell them.
    await t.app.get(CacheBus).publish(PLAN_INPUTS_TOPIC, '*');
    const down = await billing('globex', globex);
    expect(down).toMatchObject({ status: 'past_due', downgraded: true, plan: { key: 'starter' }, usage: { accounts: { used: 4, limit: 1 } } });
    expect(down.readOnlyAccountIds).toHaveLength(3);
    const accounts = await t.request('GET', '/api/accounts', { host: host('globex'), token: globex });
    expect(accounts.body.data.map((a: { username: string }) => a.username).sort()).toEqual(['first.one', 'fourth.one', 'second.one', 'third.one']);
    expect((await t.request('POST', '/api/accounts/manual', { host: host('globex'), token: globex, body: { username: 'fifth.one', followersCount: 5 } })).status).toBe(402);
    // The newest accounts are read-only: their numbers stay, new ones are refused; the first stays writable.
    const byName = new Map(accounts.body.data.map((a: { username: string; id: string }) => [a.username, a.id]));
    const frozen = await t.request('PUT', `/api/accounts/${byName.get('fourth.one')}/metrics`, { host: host('globex'), token: globex, body: { followersCount: 999 } });
    expect(frozen.status).toBe(402);
    expect(frozen.body.error).toBe('account_read_only');
    expect((await t.request('PUT', `/api/accounts/${byName.get('first.one')}/metrics`, { host: host('globex'), token: globex, body: { followersCount: 11 } })).status).toBe(200);

    await deliverAll(stripe.payOpenInvoice(subId));
    const restored = await billing('globex', globex);
    expect(restored).toMatchObject({ status: 'active', downgraded: false, graceEndsAt: null, plan: { key: 'agency' }, usage: { accounts: { used: 4, limit: 25 } }, readOnlyAccountIds: [] });
    expect(restored.invoices.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid']);
    // The owner hears that the failed payment went through (once, for that invoice only).
    expect((await t.waitForMail('owner@globex.test', 'payment-recovered')).text).toContain('149.00 USD');
  });

  it('attributes a sign-up through a referral link, refuses self-referral, and records one pending commission when it pays', async () => {
    const acme = await owner('acme');
    const ref = await t.request('GET', '/api/referrals', { host: host('acme'), token: acme });
    expect(ref.status).toBe(200);
    expect(ref.body.link).toBe(`http://instagrowth.test/?ref=${ref.body.code}`);
    const visit = await t.request('POST', '/api/referrals/visit', { host: host(), body: { code: ref.body.code } });
    expect(visit.body).toEqual({ counted: true });
    const cookie = visit.cookies.find((c) => c.name === 'ig_ref')!;

    const self = await t.request('POST', '/api/auth/register', { host: host(), body: { workspaceName: 'Acme Two', slug: 'acme-two', name: 'Acme Owner', email: 'owner@acme.test', password: 'a-long-password-123', referralCode: ref.body.code } });
    expect(self.status).toBe(201);
    const signup = await t.request('POST', '/api/auth/register', { host: host(), cookie: `ig_ref=${cookie.value}`, body: { workspaceName: 'Initech', slug: 'initech', name: 'Ina Tech', email: 'ina@initech.test', password: 'a-long-password-123', plan: 'agency' } });
    expect(signup.status).toBe(201);
    const referred = (await t.sql<{ referrer: number; referred: number }>('select referrer_tenant_id as referrer, referred_tenant_id as referred from control.referrals'));
    expect(referred).toEqual([{ referrer: await tenantId('acme'), referred: await tenantId('initech') }]);

    const ina = await t.login('initech', 'ina@initech.test', 'a-long-password-123');
    const trial = await billing('initech', ina.token);
    expect(trial).toMatchObject({ status: 'trialing', plan: { key: 'agency' } });
    expect(new Date(trial.trialEndsAt).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);

    const sid = await checkout('initech', ina.token, { plan: 'starter', interval: 'month' });
    await deliverAll(stripe.complete(sid));
    const stats = await t.request('GET', '/api/referrals', { host: host('acme'), token: acme });
    expect(stats.body).toMatchObject({ clicks: 1, signups: 1, conversions: 1, earnings: { pending: 380, payable: 0, paid: 0 } });

    const payouts = await t.request('GET', '/api/admin-panel/referral-payouts', { host: host('admin'), token: admin });
    expect(payouts.body.data).toHaveLength(1);
    const commission = payouts.body.data[0];
    expect(commission).toMatchObject({ amount: 380, status: 'pending', referrerSlug: 'acme', referredSlug: 'initech' });
    expect((await t.request('PUT', `/api/admin-panel/referral-payouts/${commission.id}/paid`, { host: host('admin'), token: admin })).status).toBe(409);
    await t.sql("update control.referral_commissions set payable_at = now() - interval '1 day' where id = $1", [commission.id]);
    const paid = await t.request('PUT', `/api/admin-panel/referral-payouts/${commission.id}/paid`, { host: host('admin'), token: admin });
    expect(paid.body).toMatchObject({ status: 'paid' });
  });

  it('only owners start checkouts; another workspace never sees these invoices', async () => {
    const manager = (await t.login('acme', 'manager@acme.test')).token;
    expect((await t.request('GET', '/api/billing', { host: host('acme'), token: manager })).status).toBe(403);
    const adminUser = (await t.login('acme', 'admin@acme.test')).token;
    expect((await t.request('POST', '/api/billing/checkout', { host: host('acme'), token: adminUser, body: { plan: 'agency', interval: 'month' } })).status).toBe(403);
    const acme = await owner('acme');
    const globexInvoices = (await billing('globex', await owner('globex'))).invoices.map((i: { id: string }) => i.id);
    const acmeInvoices = (await billing('acme', acme)).invoices.map((i: { id: string }) => i.id);
    expect(acmeInvoices.filter((id: string) => globexInvoices.includes(id))).toEqual([]);
  });
});
