import { randomUUID } from 'node:crypto';
import { generateSync } from 'otplib';
import { AdminPanelService } from '../src/admin-panel/admin-panel.service.js';
import { JobRunner } from '../src/core/queue/job-runner.service.js';
import { impersonationExpiryJob } from '../src/impersonation/impersonation.jobs.js';
import { tenantDeletionJob } from '../src/console/console.jobs.js';
import { ADMIN } from './support/services.mjs';
import { routeTable } from './support/route-table.js';
import { createTestApp, host, tokenFromMail, type TestApp } from './support/test-app.js';

const admin = host('admin');
const jobContext = (id: string) => ({ id, attempt: 1, progress: async () => undefined });

describe('super-admin console operations', () => {
  let t: TestApp;
  let token: string;
  let acmeId: number;
  let globexId: number;
  beforeAll(async () => {
    t = await createTestApp();
    token = await t.adminLogin();
    [{ id: acmeId }] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`);
    [{ id: globexId }] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'globex'`);
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.request('GET', url, { host: admin, token });
  const send = (method: string, url: string, body?: unknown) => t.request(method, url, { host: admin, token, body });
  const auditOf = (action: string) => t.sql<{ actor_id: string | null; tenant_id: number | null; target_id: string | null; meta: Record<string, unknown> | null }>(
    'select actor_id, tenant_id, target_id, meta from control.platform_audit_log where action = $1 order by created_at', [action]);

  describe('tenants', () => {
    it('searches by name, slug or member e-mail, filters by plan, status and date, and paginates', async () => {
      const all = await get('/api/admin-panel/tenants');
      expect(all.status).toBe(200);
      expect(all.body.total).toBeGreaterThanOrEqual(2);
      expect(all.body.data.map((x: { slug: string }) => x.slug)).toEqual(expect.arrayContaining(['acme', 'globex']));

      const byName = await get('/api/admin-panel/tenants?q=Acme');
      expect(byName.body.data.map((x: { slug: string }) => x.slug)).toEqual(['acme']);
      expect(byName.body.data[0]).toMatchObject({ ownerEmail: 'owner@acme.test', userCount: 4 });
      const byMember = await get('/api/admin-panel/tenants?q=manager%40acme');
      expect(byMember.body.data.map((x: { slug: string }) => x.slug)).toEqual(['acme']);
      // A typed `%` is a literal, not a wildcard.
      expect((await get('/api/admin-panel/tenants?q=%25')).body.total).toBe(0);

      const paged = await get('/api/admin-panel/tenants?pageSize=1&page=2');
      expect(paged.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(paged.body.data).toHaveLength(1);
      expect(paged.body.total).toBe(all.body.total);

      expect((await get('/api/admin-panel/tenants?status=suspended')).body.total).toBe(0);
      expect((await get('/api/admin-panel/tenants?createdFrom=2100-01-01')).body.total).toBe(0);
      expect((await get('/api/admin-panel/tenants?plan=enterprise')).body.total).toBe(0);

      const bad = await get('/api/admin-panel/tenants?status=deleted&pageSize=1000');
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['status', 'pageSize']));
    });

    it('shows a workspace in detail: plan, usage against limits, users, accounts, invoices, domains, audit log', async () => {
      const detail = await get(`/api/admin-panel/tenants/${acmeId}`);
      expect(detail.status).toBe(200);
      expect(detail.body.tenant.slug).toBe('acme');
      expect(detail.body.plan.key).toEqual(expect.any(String));
      expect(detail.body.usage.seats.used).toBeGreaterThanOrEqual(1);
      expect(detail.body.usage.aiCredits).toEqual({ balance: expect.any(Number), allowance: expect.any(Number) });
      expect(detail.body.users.map((u: { email: string }) => u.email).sort()).toEqual(['admin@acme.test', 'client@acme.test', 'manager@acme.test', 'owner@acme.test']);
      expect(detail.body.users.every((u: { tenantId: number }) => u.tenantId === acmeId)).toBe(true);
      expect(Array.isArray(detail.body.invoices) && Array.isArray(detail.body.domains) && Array.isArray(detail.body.auditLog)).toBe(true);
      expect((await get('/api/admin-panel/tenants/999999')).status).toBe(404);
    });

    it('extends a trial and grants credits as a ledger adjustment with the reason, both audited', async () => {
      const before = Date.now();
      const ext = await send('POST', `/api/admin-panel/tenants/${globexId}/extend-trial`, { days: 10 });
      expect(ext.status).toBe(200);
      expect(Date.parse(ext.body.trialEndsAt)).toBeGreaterThanOrEqual(before + 10 * 86_400_000 - 5_000);
      expect((await auditOf('tenant.trial_extended')).at(-1)).toMatchObject({ tenant_id: globexId, meta: { days: 10 } });

      const grant = await send('POST', `/api/admin-panel/tenants/${globexId}/credits`, { amount: 25, reason: 'Goodwill after the outage' });
      expect(grant.status).toBe(200);
      expect(grant.body.applied).toBe(25);
      const schema = await t.schemaOf('globex');
      const [entry] = await t.sql<{ kind: string; amount: number; reason: string; actor_id: string }>(`select kind, amount, reason, actor_id from ${schema}.credit_ledger where kind = 'adjustment' order by created_at desc limit 1`);
      expect(entry).toMatchObject({ kind: 'adjustment', amount: 25, reason: 'Console: Goodwill after the outage' });
      expect((await auditOf('tenant.credits_granted')).at(-1)).toMatchObject({ tenant_id: globexId, meta: { reason: 'Goodwill after the outage', applied: 25 } });

      const noReason = await send('POST', `/api/admin-panel/tenants/${globexId}/credits`, { amount: 0 });
      expect(noReason.status).toBe(400);
      expect(Object.keys(noReason.body.fields)).toEqual(expect.arrayContaining(['amount', 'reason']));
    });

    it('schedules a deletion with a grace period, undoes it, and the job drops the workspace only once due (idempotent)', async () => {
      const reg = await t.request('POST', '/api/auth/register', { body: { workspaceName: 'Doomed Co', slug: 'doomed', name: 'Dee Owner', email: 'dee@doomed.test', password: 'doomed-password-1' } });
      expect(reg.status).toBe(201);
      const [{ id, schema_name: schema }] = await t.sql<{ id: number; schema_name: string }>(`select id, schema_name from control.tenants where slug = 'doomed'`);
      const runner = t.app.get(JobRunner);
      const runJob = () => runner.run(tenantDeletionJob.queue, tenantDeletionJob.name, { deleteTenantId: id }, jobContext('t1')) as Promise<{ deleted: number[] }>;

      const scheduled = await send('POST', `/api/admin-panel/tenants/${id}/deletion`, { graceDays: 7, reason: 'Asked to close the account' });
      expect(scheduled.status).toBe(200);
      expect(Date.parse(scheduled.body.deletionScheduledFor) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
      expect((await send('POST', `/api/admin-panel/tenants/${id}/deletion`, { reason: 'again please' })).status).toBe(409);
      expect((await get('/api/admin-panel/tenants?status=deletion_scheduled')).body.data.map((x: { id: number }) => x.id)).toEqual([id]);
      // Within the grace period the job does nothing.
      expect((await runJob()).deleted).toEqual([]);

      const undone = await send('DELETE', `/api/admin-panel/tenants/${id}/deletion`);
      expect(undone.status).toBe(200);
      expect(undone.body.deletionScheduledFor).toBeNull();
      expect((await send('DELETE', `/api/admin-panel/tenants/${id}/deletion`)).status).toBe(409);

      // Scheduled again, then the grace period passes (moved in the database, no sleeping): the job drops it.
      await send('POST', `/api/admin-panel/tenants/${id}/deletion`, { graceDays: 1, reason: 'Closed for real' });
      await t.sql(`update control.tenants set deletion_scheduled_for = now() - interval '1 minute' where id = $1`, [id]);
      expect((await send('DELETE', `/api/admin-panel/tenants/${id}/deletion`)).status).toBe(409); // too late to undo
      expect((await runJob()).deleted).toEqual([id]);
      expect(await t.sql(`select id from control.tenants where id = $1`, [id])).toEqual([]);
      expect(await t.sql(`select 1 from information_schema.schemata where schema_name = $1`, [schema])).toEqual([]);
      expect((await runJob()).deleted).toEqual([]);
      const actions = (await t.sql<{ action: string }>(`select action from control.platform_audit_log where tenant_id = $1 and action like 'tenant.delet%' order by created_at`, [id])).map((r) => r.action);
      expect(actions).toEqual(['tenant.deletion_scheduled', 'tenant.deletion_cancelled', 'tenant.deletion_scheduled', 'tenant.deleted']);
      expect((await t.request('GET', '/api/auth/me', { host: host('doomed') })).status).toBe(404);
    });
  });

  describe('impersonation', () => {
    const start = async (tenantId = acmeId, reason = 'Customer asked for help with the planner') => {
      const res = await send('POST', `/api/admin-panel/tenants/${tenantId}/impersonate`, { reason });
      expect(res.status).toBe(200);
      const url = new URL(res.body.url);
      return { url, token: new URLSearchParams(url.hash.slice(1)).get('token')!, expiresAt: res.body.expiresAt as string };
    };
    const exchange = (tok: string, slug = 'acme') => t.request('POST', '/api/impersonation/exchange', { host: host(slug), body: { token: tok } });

    it('needs a reason, lasts at most 30 minutes and writes the audit log at start', async () => {
      expect((await send('POST', `/api/admin-panel/tenants/${acmeId}/impersonate`, {})).body.fields.reason).toBeDefined();
      const before = Date.now();
      const s = await start();
      expect(s.url.host).toBe(host('acme'));
      expect(s.url.pathname).toBe('/impersonate');
      expect(Date.parse(s.expiresAt) - before).toBeLessThanOrEqual(30 * 60_000 + 1_000);
      const [entry] = (await auditOf('impersonation.started')).slice(-1);
      expect(entry.tenant_id).toBe(acmeId);
      expect(entry.meta).toMatchObject({ reason: 'Customer asked for help with the planner', asEmail: 'owner@acme.test' });
    });

    it('signs the admin in as the owner with a single-use link, shows the banner data, refuses billing and credential changes, and ends', async () => {
      const s = await start();
      expect((await exchange(s.token, 'globex')).status).toBe(401); // another workspace's host
      const session = await exchange(s.token);
      expect(session.status).toBe(200);
      expect(session.body.user.email).toBe('owner@acme.test');
      expect(session.body.expiresIn).toBeLessThanOrEqual(30 * 60);
      expect(session.cookies.find((c) => c.name === 'ig_refresh')).toBeUndefined();
      expect((await exchange(s.token)).status).toBe(401); // single use
      const imp = session.body.accessToken as string;
      const as = (method: string, url: string, body?: unknown) => t.request(method, url, { host: host('acme'), token: imp, body });

      expect((await as('GET', '/api/auth/me')).body.user.email).toBe('owner@acme.test');
      const banner = await as('GET', '/api/impersonation');
      expect(banner.body).toMatchObject({ active: true, adminEmail: ADMIN.email, tenantName: 'Acme Agency', asEmail: 'owner@acme.test', expiresAt: s.expiresAt });
      const owner = await t.login('acme', 'owner@acme.test');
      expect((await t.request('GET', '/api/impersonation', { host: host('acme'), token: owner.token })).body.active).toBe(false);

      for (const [method, url, body] of [
        ['POST', '/api/billing/checkout', { plan: 'pro', interval: 'month' }],
        ['POST', '/api/billing/portal', undefined],
        ['POST', '/api/auth/change-password', { currentPassword: 'acme-password-123', newPassword: 'a-brand-new-password-9' }],
        ['POST', '/api/auth/change-email', { password: 'acme-password-123', email: 'new@acme.test' }],
        ['PATCH', '/api/auth/profile', { name: 'Hacked' }],
        ['POST', '/api/auth/sessions/revoke-others', undefined],
        ['POST', `/api/announcements/${randomUUID()}/dismiss`, undefined],
      ] as const) {
        const res = await as(method, url, body);
        expect({ url, status: res.status, error: res.body?.error }).toEqual({ url, status: 403, error: 'impersonation_forbidden' });
      }
      expect((await as('GET', '/api/billing')).status).toBe(200);

      expect((await as('POST', '/api/impersonation/end')).status).toBe(204);
      expect((await as('GET', '/api/auth/me')).status).toBe(401);
      const ended = (await auditOf('impersonation.ended')).slice(-1)[0];
      expect(ended).toMatchObject({ tenant_id: acmeId, meta: { reason: 'ended' } });
      expect((await t.request('POST', '/api/impersonation/end', { host: host('acme'), token: owner.token })).status).toBe(409);
    });

    it('expires: a request after the end is refused and logged once; the expiry job logs sessions nobody used', async () => {
      const used = await start();
      const imp = (await exchange(used.token)).body.accessToken as string;
      const unused = await start();
      const [{ id: usedId }] = await t.sql<{ id: string }>(`select id from control.impersonation_sessions order by created_at desc offset 1 limit 1`);
      const [{ id: unusedId }] = await t.sql<{ id: string }>(`select id from control.impersonation_sessions order by created_at desc limit 1`);
      // The clock moves past both expiries (in the database: the session row is what counts).
      await t.sql(`update control.impersonation_sessions set expires_at = now() - interval '1 second' where id in ($1, $2)`, [usedId, unusedId]);

      const res = await t.request('GET', '/api/auth/me', { host: host('acme'), token: imp });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('impersonation_expired');
      expect((await exchange(unused.token)).status).toBe(401);

      await t.app.get(JobRunner).run(impersonationExpiryJob.queue, impersonationExpiryJob.name, {}, jobContext('exp'));
      const ends = await t.sql<{ target_id: string; meta: { reason: string } }>(`select target_id, meta from control.platform_audit_log where action = 'impersonation.ended' and target_id in ($1, $2)`, [usedId, unusedId]);
      expect(ends.map((e) => e.target_id).sort()).toEqual([usedId, unusedId].sort());
      expect(ends.every((e) => e.meta.reason === 'expired')).toBe(true);
      // Running the job again writes nothing more.
      await t.app.get(JobRunner).run(impersonationExpiryJob.queue, impersonationExpiryJob.name, {}, jobContext('exp2'));
      expect(await t.sql(`select 1 from control.platform_audit_log where action = 'impersonation.ended' and target_id in ($1, $2)`, [usedId, unusedId])).toHaveLength(2);
    });
  });

  describe('users and accounts across tenants', () => {
    it('lists users of every workspace with their tenant, searchable and paginated', async () => {
      const all = await get('/api/admin-panel/users?pageSize=100');
      expect(all.status).toBe(200);
      const slugs = new Set(all.body.data.map((u: { tenantSlug: string }) => u.tenantSlug));
      expect(slugs.has('acme') && slugs.has('globex')).toBe(true);
      const found = await get('/api/admin-panel/users?q=owner%40acme');
      expect(found.body.data).toEqual([expect.objectContaining({ email: 'owner@acme.test', tenantId: acmeId, tenantSlug: 'acme', role: 'owner' })]);
      const page = await get('/api/admin-panel/users?pageSize=2&page=1');
      expect(page.body.data).toHaveLength(2);
      expect(page.body.total).toBe(all.body.total);
      expect((await get(`/api/admin-panel/users?tenantId=${globexId}`)).body.data.every((u: { tenantId: number }) => u.tenantId === globexId)).toBe(true);
    });

    it('lists Instagram accounts of every workspace, searchable by username', async () => {
      const owner = await t.login('globex', 'owner@globex.test');
      const add = await t.request('POST', '/api/accounts/manual', { host: host('globex'), token: owner.token, body: { username: 'globex_widgets', followersCount: 1200 } });
      expect(add.status).toBe(201);
      const found = await get('/api/admin-panel/accounts?q=globex_wid');
      expect(found.status).toBe(200);
      expect(found.body.data).toEqual([expect.objectContaining({ username: 'globex_widgets', tenantSlug: 'globex', kind: 'manual' })]);
      expect((await get('/api/admin-panel/accounts?q=nobody_here')).body).toMatchObject({ data: [], total: 0 });
    });
  });

  describe('announcements', () => {
    it('reach only their audience while running, and a dismissal is remembered per user', async () => {
      await send('PUT', `/api/admin-panel/tenants/${acmeId}/plan`, { plan: 'pro', status: 'active' });
      await send('PUT', `/api/admin-panel/tenants/${globexId}/plan`, { plan: 'starter', status: 'active' });
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString();
      const forPro = await send('POST', '/api/admin-panel/announcements', { title: 'Pro webinar', body: 'Join us on Friday.', plans: ['pro'], startsAt: iso(now - 60_000), endsAt: iso(now + 86_400_000) });
      expect(forPro.status).toBe(201);
      const forAll = await send('POST', '/api/admin-panel/announcements', { title: 'Maintenance', body: 'Sunday 02:00 UTC.', plans: [], startsAt: iso(now - 60_000), endsAt: null });
      const future = await send('POST', '/api/admin-panel/announcements', { title: 'Later', body: 'Not yet.', plans: [], startsAt: iso(now + 86_400_000), endsAt: null });
      const past = await send('POST', '/api/admin-panel/announcements', { title: 'Over', body: 'Done.', plans: [], startsAt: iso(now - 2 * 86_400_000), endsAt: iso(now - 86_400_000) });
      expect([forAll.status, future.status, past.status]).toEqual([201, 201, 201]);
      expect((await send('POST', '/api/admin-panel/announcements', { title: 'x', body: 'y', plans: ['platinum'], startsAt: iso(now) })).body.fields.plans).toBeDefined();
      expect((await send('POST', '/api/admin-panel/announcements', { title: 'x', body: 'y', startsAt: iso(now), endsAt: iso(now - 1000) })).body.fields.endsAt).toBeDefined();

      const acmeOwner = await t.login('acme', 'owner@acme.test');
      const acmeManager = await t.login('acme', 'manager@acme.test');
      const globexOwner = await t.login('globex', 'owner@globex.test');
      const titles = async (slug: string, tok: string) => (await t.request('GET', '/api/announcements', { host: host(slug), token: tok })).body.data.map((a: { title: string }) => a.title).sort();
      expect(await titles('acme', acmeOwner.token)).toEqual(['Maintenance', 'Pro webinar']);
      expect(await titles('globex', globexOwner.token)).toEqual(['Maintenance']);

      // globex cannot dismiss what it cannot see.
      expect((await t.request('POST', `/api/announcements/${forPro.body.id}/dismiss`, { host: host('globex'), token: globexOwner.token })).status).toBe(404);
      expect((await t.request('POST', `/api/announcements/${forPro.body.id}/dismiss`, { host: host('acme'), token: acmeOwner.token })).status).toBe(204);
      expect(await titles('acme', acmeOwner.token)).toEqual(['Maintenance']);
      expect(await titles('acme', acmeManager.token)).toEqual(['Maintenance', 'Pro webinar']);

      const edited = await send('PUT', `/api/admin-panel/announcements/${forAll.body.id}`, { title: 'Maintenance moved', body: 'Saturday.', plans: ['starter'], startsAt: iso(now - 60_000), endsAt: null });
      expect(edited.status).toBe(200);
      expect(await titles('acme', acmeOwner.token)).toEqual([]);
      expect(await titles('globex', globexOwner.token)).toEqual(['Maintenance moved']);
      expect((await send('DELETE', `/api/admin-panel/announcements/${forAll.body.id}`)).status).toBe(204);
      expect(await titles('globex', globexOwner.token)).toEqual([]);
      expect((await get('/api/admin-panel/announcements')).body.data.map((a: { title: string }) => a.title)).not.toContain('Maintenance moved');
      expect((await auditOf('announcement.created')).length).toBe(4);
      expect((await auditOf('announcement.updated')).length).toBe(1);
      expect((await auditOf('announcement.deleted')).length).toBe(1);
    });
  });

  describe('audit log and admin security', () => {
    it('filters the audit log by admin, tenant, action and date, paginated; rows cannot be changed or deleted', async () => {
      const adminId = (await get('/api/admin-panel/auth/me')).body.admin.id as string;
      const byTenant = await get(`/api/admin-panel/audit-log?tenantId=${globexId}&pageSize=100`);
      expect(byTenant.status).toBe(200);
      expect(byTenant.body.data.length).toBeGreaterThan(0);
      expect(byTenant.body.data.every((e: { tenantId: number }) => e.tenantId === globexId)).toBe(true);
      const byAction = await get('/api/admin-panel/audit-log?action=tenant.credits_granted');
      expect(byAction.body.data[0]).toMatchObject({ action: 'tenant.credits_granted', actorEmail: ADMIN.email, tenantSlug: 'globex' });
      const byPrefix = await get('/api/admin-panel/audit-log?action=impersonation.&pageSize=100');
      expect(new Set(byPrefix.body.data.map((e: { action: string }) => e.action))).toEqual(new Set(['impersonation.started', 'impersonation.ended']));
      expect((await get(`/api/admin-panel/audit-log?adminId=${adminId}&pageSize=1`)).body).toMatchObject({ pageSize: 1, data: [expect.objectContaining({ actorId: adminId })] });
      expect((await get('/api/admin-panel/audit-log?from=2099-01-01')).body.total).toBe(0);
      expect((await get('/api/admin-panel/audit-log?from=2026-02-01&to=2026-01-01')).status).toBe(400);

      await expect(t.sql(`update control.platform_audit_log set action = 'nothing'`)).rejects.toThrow(/append-only/);
      await expect(t.sql(`delete from control.platform_audit_log`)).rejects.toThrow(/append-only/);
    });

    it('ends an admin session after the idle timeout and on logout', async () => {
      // A TOTP code works once per step and this file already signed in: sessions start the way login starts them.
      const me = (await get('/api/admin-panel/auth/me')).body.admin as { id: string; email: string };
      const login = async () => ({ status: 200, body: await t.app.get(AdminPanelService).startSession(me, '127.0.0.1') });
      const first = await login();
      expect(first.status).toBe(200);
      const tok = first.body.accessToken as string;
      expect((await t.request('GET', '/api/admin-panel/auth/me', { host: admin, token: tok })).status).toBe(200);
      await t.sql(`update control.admin_sessions set last_seen_at = now() - interval '31 minutes' where id = (select id from control.admin_sessions order by created_at desc limit 1)`);
      const idle = await t.request('GET', '/api/admin-panel/auth/me', { host: admin, token: tok });
      expect(idle.status).toBe(401);
      expect(idle.body.error).toBe('admin_session_expired');

      const second = await login();
      expect(second.status).toBe(200);
      const tok2 = second.body.accessToken as string;
      expect((await t.request('POST', '/api/admin-panel/auth/logout', { host: admin, token: tok2 })).status).toBe(204);
      expect((await t.request('GET', '/api/admin-panel/auth/me', { host: admin, token: tok2 })).status).toBe(401);
      expect((await auditOf('admin.logout')).length).toBeGreaterThanOrEqual(1);
    });

    it('audits every mutating admin route: each is listed here with the action it writes (a new one must be added, and audited)', () => {
      // Exercised in this file, admin-panel.test.ts, billing.test.ts and the referrals tests.
      const AUDITED: Record<string, string> = {
        'POST /api/admin-panel/auth/login': 'admin.login / admin.login_failed',
        'POST /api/admin-panel/auth/logout': 'admin.logout',
        'PUT /api/admin-panel/settings': 'settings.updated',
        'PUT /api/admin-panel/tenants/:id/status': 'tenant.suspended / tenant.reactivated',
        'PUT /api/admin-panel/tenants/:id/plan': 'tenant.plan_assigned',
        'PUT /api/admin-panel/plans/:key': 'plan.updated',
        'PUT /api/admin-panel/referral-payouts/:id/paid': 'referral.commission_paid',
        'POST /api/admin-panel/tenants/:id/extend-trial': 'tenant.trial_extended',
        'POST /api/admin-panel/tenants/:id/credits': 'tenant.credits_granted',
        'POST /api/admin-panel/tenants/:id/deletion': 'tenant.deletion_scheduled',
        'DELETE /api/admin-panel/tenants/:id/deletion': 'tenant.deletion_cancelled',
        'POST /api/admin-panel/tenants/:id/impersonate': 'impersonation.started',
        'POST /api/admin-panel/announcements': 'announcement.created',
        'PUT /api/admin-panel/announcements/:id': 'announcement.updated',
        'DELETE /api/admin-panel/announcements/:id': 'announcement.deleted',
        'POST /api/admin-panel/admins/invitations': 'admin.invited',
        'POST /api/admin-panel/invitations/accept': 'admin.invitation_accepted',
        'PUT /api/admin-panel/products/:key': 'product.updated',
        'POST /api/admin-panel/catalog/stripe-sync': 'catalog.stripe_synced',
        'PUT /api/admin-panel/mail/templates/:key': 'mail_template.updated',
        'DELETE /api/admin-panel/mail/templates/:key': 'mail_template.reset',
        'POST /api/admin-panel/mail/templates/:key/test': 'mail_template.test_sent',
        'DELETE /api/admin-panel/mail/suppressions/:email': 'mail_suppression.cleared',
      };
      // Routes that answer on the admin host and change nothing (a connection check, a preview render).
      // (test-connection and the dashboard recount are audited anyway; a preview renders, nothing more.)
      const READ_ONLY = new Set(['POST /api/admin-panel/settings/test-connection', 'POST /api/admin-panel/dashboard/refresh', 'POST /api/admin-panel/mail/templates/:key/preview']);
      const mutating = routeTable(t.app)
        .filter((r) => r.realm === 'admin' && r.method !== 'GET')
        .map((r) => `${r.method} ${r.path}`)
        .filter((k) => !READ_ONLY.has(k));
      expect(mutating.filter((k) => !(k in AUDITED))).toEqual([]);
    });

    it('rate-limits the admin sign-in: repeated failures answer 429 with Retry-After', async () => {
      const attempt = () => t.request('POST', '/api/admin-panel/auth/login', { host: admin, ip: '10.77.0.1', body: { email: 'nobody-admin@example.test', password: 'wrong-password-1', totp: '123456' } });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await attempt()).status);
      expect(statuses[0]).toBe(401);
      expect(statuses).toContain(429);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
    });

    it('invites a second admin by mail, who enrols TOTP on first sign-in; the link works once', async () => {
      const invite = await send('POST', '/api/admin-panel/admins/invitations', { email: 'second-admin@example.test' });
      expect(invite.status).toBe(201);
      expect((await send('POST', '/api/admin-panel/admins/invitations', { email: ADMIN.email })).status).toBe(409);
      const mail = await t.waitForMail('second-admin@example.test', 'admin-invitation');
      const inviteToken = tokenFromMail(mail.text);
      expect(mail.text).toContain(`http://${admin}/accept-invite?token=`);

      const preview = await t.request('GET', `/api/admin-panel/invitations/${inviteToken}`, { host: admin });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ email: 'second-admin@example.test', otpauthUri: expect.stringContaining('otpauth://totp/') });
      const wrong = await t.request('POST', '/api/admin-panel/invitations/accept', { host: admin, body: { token: inviteToken, password: 'second-admin-password-1', totp: '000000' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.fields.totp).toBeDefined();
      const accepted = await t.request('POST', '/api/admin-panel/invitations/accept', {
        host: admin, body: { token: inviteToken, password: 'second-admin-password-1', totp: generateSync({ secret: preview.body.totpSecret }) },
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.admin.email).toBe('second-admin@example.test');
      expect((await t.request('GET', '/api/admin-panel/tenants', { host: admin, token: accepted.body.accessToken })).status).toBe(200);
      expect((await t.request('GET', `/api/admin-panel/invitations/${inviteToken}`, { host: admin })).status).toBe(404);
      const list = await get('/api/admin-panel/admins');
      expect(list.body.admins.map((a: { email: string }) => a.email)).toEqual(expect.arrayContaining([ADMIN.email, 'second-admin@example.test']));
      expect((await auditOf('admin.invited')).length).toBe(1);
      expect((await auditOf('admin.invitation_accepted')).length).toBe(1);
    });
  });
});
