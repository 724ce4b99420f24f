import { RollupsService } from '../src/admin-dashboard/rollups.service.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The dashboard against a billing fixture whose every figure is computed by hand below. Prices are
 * the seeded plans: Pro $49/mo, Starter $190/yr, Agency $149/mo; extra account $5/mo.
 */
describe('console dashboard', () => {
  let t: TestApp;
  let acme: number;
  let globex: number;
  const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const from = new Date(today.getTime() - 29 * DAY);
  const at = (daysAfterFrom: number) => new Date(from.getTime() + daysAfterFrom * DAY + 12 * 3_600_000);

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: acme }] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`);
    [{ id: globex }] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'globex'`);
    await t.sql('delete from control.subscriptions');
    await t.sql('update control.tenants set trial_ends_at = null');
    // Now: acme Pro monthly + 2 extra accounts = 4900 + 2 × 500 = 5900; globex canceled (0).
    await t.sql(`insert into control.subscriptions (tenant_id, plan_key, interval, status, extra_accounts) values ($1, 'pro', 'month', 'active', 2), ($2, 'agency', 'month', 'canceled', 0)`, [acme, globex]);
    // At the start of the range: acme Pro 4900, globex Agency 14900 (MRR 19800).
    await t.sql(`insert into control.subscription_snapshots (day, tenant_id, plan_key, status, currency, mrr) values ($1, $2, 'pro', 'active', 'usd', 4900), ($1, $3, 'agency', 'active', 'usd', 14900)`, [dayOf(new Date(from.getTime() - DAY)), acme, globex]);
    // Trials: acme's ended 10 days ago and it pays (converted), globex's 5 days ago and it does not.
    await t.sql('update control.tenants set trial_ends_at = $2 where id = $1', [acme, new Date(today.getTime() - 10 * DAY)]);
    await t.sql('update control.tenants set trial_ends_at = $2 where id = $1', [globex, new Date(today.getTime() - 5 * DAY)]);
    // Paid in range: 4900 + 14900 + 5900 = 25700; an open invoice and one before the range do not count.
    const inv = (id: string, tenant: number, amount: number, status: string, when: Date) =>
      t.sql(`insert into control.invoices (id, tenant_id, currency, amount_due, amount_paid, status, created_at) values ($1, $2, 'usd', $3, $4, $5, $6)`, [id, tenant, amount, status === 'paid' ? amount : 0, status, when]);
    await inv('in_1', acme, 4900, 'paid', at(1));
    await inv('in_2', globex, 14900, 'paid', at(2));
    await inv('in_3', acme, 5900, 'paid', at(28));
    await inv('in_4', globex, 14900, 'open', at(20));
    await inv('in_0', acme, 4900, 'paid', new Date(from.getTime() - 3 * DAY));
    // AI: 3 + 2 generations, 1500 + 300 tokens, $0.0123 + $0.002 in range; one row before it.
    const ai = (tenant: number, day: Date, gens: number, p: number, c: number, cost: number) =>
      t.sql(`insert into control.ai_usage_daily (tenant_id, day, feature, model, generations, prompt_tokens, completion_tokens, cost_usd) values ($1, $2, 'audit', 'gpt-4o-mini', $3, $4, $5, $6)`, [tenant, dayOf(day), gens, p, c, cost]);
    await ai(acme, at(26), 3, 1000, 500, 0.0123);
    await ai(globex, at(20), 2, 200, 100, 0.002);
    await ai(globex, new Date(from.getTime() - 5 * DAY), 9, 9000, 9000, 1);
    // A manual account and a failed sync run in acme (the rollup counts both).
    const owner = await t.login('acme', 'owner@acme.test');
    const account = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner.token, body: { username: 'dash_fixture', followersCount: 10 } });
    expect(account.status).toBe(201);
    await t.sql(`insert into ${await t.schemaOf('acme')}.sync_runs (id, account_id, kind, status, finished_at) values (gen_random_uuid(), $1, 'manual', 'failed', now())`, [account.body.id]);
    await t.app.get(RollupsService).refreshAll();
  });
  afterAll(async () => t.close());

  it('answers every figure as computed by hand', async () => {
    const token = await t.adminLogin();
    const res = await t.request('GET', `/api/admin-panel/dashboard?from=${dayOf(from)}&to=${dayOf(today)}`, { host: host('admin'), token });
    expect(res.status).toBe(200);
    const d = res.body;
    const [{ tenants }] = await t.sql<{ tenants: number }>(`select count(*)::int as tenants from control.tenants where status <> 'provisioning'`);
    let users = 0;
    let accounts = 0;
    for (const slug of ['acme', 'globex']) {
      const s = await t.schemaOf(slug);
      users += (await t.sql<{ n: number }>(`select count(*)::int as n from ${s}.users`))[0].n;
      accounts += (await t.sql<{ n: number }>(`select count(*)::int as n from ${s}.instagram_accounts where status <> 'disconnected'`))[0].n;
    }
    expect(d).toMatchObject({
      currency: 'usd',
      tenants,
      users,
      accounts,
      activeSubscriptions: 1,
      mrr: { amount: 5900, currency: 'usd' },
      // 19800 → 5900: −13900, −70.2 %.
      mrrChange: { amount: -13900, percent: -70.2, currency: 'usd' },
      arpa: { amount: 5900, currency: 'usd' },
      churn: {
        logo: { base: 2, churned: 1, rate: 50 },
        // Lost 14900 (globex), expansion 1000 (acme): gross 14900 / 19800 = 75.25 %, net 13900 / 19800 = 70.2 %.
        revenue: { baseMrr: 19800, lostMrr: 14900, expansionMrr: 1000, grossRate: 75.25, netRate: 70.2 },
      },
      trials: { active: 0, ended: 2, converted: 1 },
      trialConversion: 50,
      revenue: { amount: 25700, currency: 'usd' },
      aiUsage: { generations: 5, tokens: 1800, costUsd: 0.0143, cost: { amount: 1, currency: 'usd' } },
      syncFailures: 1,
      range: { from: dayOf(from), to: dayOf(today), bucket: 'day' },
    });
    expect(d.aiUsage.byTenant.map((r: { slug: string }) => r.slug)).toEqual(['acme', 'globex']);
    expect(d.series.revenue).toHaveLength(30);
    expect(d.series.revenue.find((p: { period: string }) => p.period === dayOf(at(2))).amount).toBe(14900);
    expect(d.series.revenue.reduce((s: number, p: { amount: number }) => s + p.amount, 0)).toBe(25700);
    expect(d.series.users.at(-1).total).toBe(users);
    expect(d.series.tenants.at(-1).total).toBe(tenants);
    expect(d.queues.map((q: { queue: string }) => q.queue).sort()).toEqual(['ai', 'billing', 'mail', 'pdf', 'publish', 'sync']);
    expect(d.topTenants[0]).toMatchObject({ slug: 'acme', mrr: 5900, planKey: 'pro' });
    expect(d.rollupsRefreshedAt).not.toBeNull();
  });

  it('keeps the hot path to control tables: the answer does not change with the workspaces unless the rollup runs', async () => {
    const token = await t.adminLogin();
    const before = (await t.request('GET', '/api/admin-panel/dashboard', { host: host('admin'), token })).body.users;
    await t.sql(`insert into ${await t.schemaOf('globex')}.users (id, email, name, password_hash, role) values (gen_random_uuid(), 'late@globex.test', 'Late', 'x', 'manager')`);
    expect((await t.request('GET', '/api/admin-panel/dashboard', { host: host('admin'), token })).body.users).toBe(before);
    await t.app.get(RollupsService).refreshAll();
    expect((await t.request('GET', '/api/admin-panel/dashboard', { host: host('admin'), token })).body.users).toBe(before + 1);
  });

  it('validates the range and refuses workspace tokens', async () => {
    const token = await t.adminLogin();
    const bad = await t.request('GET', '/api/admin-panel/dashboard?from=2026-12-01&to=2026-11-01', { host: host('admin'), token });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.from).toMatch(/after/);
    expect((await t.request('GET', '/api/admin-panel/dashboard?from=yesterday', { host: host('admin'), token })).status).toBe(400);
    const member = await t.login('acme', 'owner@acme.test');
    expect((await t.request('GET', '/api/admin-panel/dashboard', { host: host('admin'), token: member.token })).status).toBe(401);
    expect((await t.request('POST', '/api/admin-panel/dashboard/refresh', { host: host('admin'), token })).status).toBe(202);
  });
});
