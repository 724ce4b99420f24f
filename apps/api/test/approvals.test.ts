import { ApprovalsSchedule } from '../src/approvals/approvals.schedule.js';
import { ApprovalsService } from '../src/approvals/approvals.service.js';
import { TenantContext } from '../src/core/tenancy/tenant-context.js';
import { TenantResolver } from '../src/core/tenancy/tenant-resolver.service.js';
import { seedFromManifest } from '../src/workspaces/demo-seed.js';
import { createTestApp, host, tokenFromMail, type TestApp } from './support/test-app.js';

const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** 12 posts over 36 days with reach, in two formats: enough for an audit with a content mix. */
function postsCsv(): string {
  const lines = ['posted_at,caption,media_type,likes,comments,saves,shares,reach'];
  for (let i = 0; i < 12; i++) {
    const type = i % 2 ? 'REEL' : 'CAROUSEL_ALBUM';
    lines.push(`${days(3 + i * 3)}T18:00:00Z,"Sourdough post ${i} #sourdough",${type},${100 + i * 5},${10 + i},5,3,${type === 'REEL' ? 3000 + i * 100 : 1000 + i * 50}`);
  }
  return lines.join('\n');
}

describe('client approvals, magic-link sign-in, plans from the latest audit, plan limits, branded share pages', () => {
  let t: TestApp;
  let owner: string;
  let manager: string;
  let client: string;
  let bakery: string;
  let solo: string;
  let schema: string;
  const acme = host('acme');
  const req = (method: string, url: string, token: string | undefined, body?: unknown) => t.request(method, url, { host: acme, token, body });

  const saveItem = async (accountId: string, token = owner): Promise<string> => {
    const gen = await req('POST', `/api/accounts/${accountId}/generations`, token, { kind: 'caption', options: {} });
    expect(gen.status).toBe(200);
    const saved = await req('POST', '/api/content', token, { generationId: gen.body.id, index: 0 });
    expect(saved.status).toBe(201);
    return saved.body.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    schema = await t.schemaOf('acme');
    owner = (await t.login('acme', 'owner@acme.test')).token;
    const members = (await req('GET', '/api/team/members', owner)).body.data as { id: string; email: string }[];
    const id = (email: string) => members.find((u) => u.email === email)!.id;
    bakery = (await req('POST', '/api/accounts/manual', owner, { username: 'bakery.approvals', followersCount: 5000 })).body.id;
    expect((await req('POST', `/api/accounts/${bakery}/posts/import`, owner, { csv: postsCsv() })).body.imported).toBe(12);
    solo = (await req('POST', '/api/accounts/manual', owner, { username: 'solo.noclient', followersCount: 100 })).body.id;
    // The bakery belongs to a client whose client user and serving manager are attached to it.
    const created = await req('POST', '/api/clients', owner, { name: 'Bakery Co' });
    expect((await req('PUT', `/api/clients/${created.body.id}/accounts`, owner, { ids: [bakery] })).status).toBe(200);
    expect((await req('PUT', `/api/clients/${created.body.id}/members`, owner, { ids: [id('client@acme.test'), id('manager@acme.test')] })).status).toBe(200);
    manager = (await t.login('acme', 'manager@acme.test')).token;
    client = (await t.login('acme', 'client@acme.test')).token;
  });
  afterAll(async () => t.close());

  describe('approvals', () => {
    let item: string;
    let first: string;

    it('moves a client account’s content to approved only through the client', async () => {
      item = await saveItem(bakery, manager);
      const direct = await req('PATCH', `/api/content/${item}`, manager, { status: 'approved' });
      expect(direct.status).toBe(409);
      expect(direct.body).toMatchObject({ error: 'approval_required', fields: { status: expect.any(String) } });
      // An account without a client keeps the direct status change.
      const own = await saveItem(solo);
      expect((await req('PATCH', `/api/content/${own}`, owner, { status: 'approved' })).body.status).toBe('approved');
      expect((await req('POST', '/api/approvals', owner, { subjectType: 'content', subjectId: await saveItem(solo) })).body.error).toBe('no_client_users');
    });

    it('a manager sends an item; the client is mailed and sees it in the inbox, not in the library', async () => {
      const sent = await req('POST', '/api/approvals', manager, { subjectType: 'content', subjectId: item, note: 'For Saturday’s launch' });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ status: 'pending', subjectType: 'content', subjectId: item, accountId: bakery, username: 'bakery.approvals', requestedBy: expect.any(String) });
      expect(sent.body.snapshot.text.length).toBeGreaterThan(0);
      expect(sent.body.events).toEqual([expect.objectContaining({ action: 'requested', actorRole: 'manager', comment: 'For Saturday’s launch' })]);
      first = sent.body.id;
      expect((await req('GET', `/api/content?accountId=${bakery}`, manager)).body.data.find((i: { id: string }) => i.id === item).status).toBe('drafted');
      const mail = await t.waitForMail('client@acme.test', 'approval-requested');
      expect(mail.text).toContain(`/approvals/${first}`);
      expect(mail.html).toContain('For Saturday’s launch');
      expect((await req('POST', '/api/approvals', manager, { subjectType: 'content', subjectId: item })).body.error).toBe('approval_pending');

      const inbox = await req('GET', '/api/approvals?status=pending', client);
      expect(inbox.body.data.map((a: { id: string }) => a.id)).toEqual([first]);
      expect(inbox.body.data[0].snapshot.text).toBe(sent.body.snapshot.text);
      expect((await req('GET', '/api/content', client)).body.data.map((i: { id: string }) => i.id)).not.toContain(item);
      // Clients decide; they never send, and the team never decides for them.
      expect((await req('POST', '/api/approvals', client, { subjectType: 'content', subjectId: item })).status).toBe(403);
      expect((await req('POST', `/api/approvals/${first}/decision`, manager, { decision: 'approved' })).status).toBe(403);
    });

    it('the client requests changes with a comment; the manager replies; a second round is approved; the history says who did what', async () => {
      const noComment = await req('POST', `/api/approvals/${first}/decision`, client, { decision: 'changes_requested' });
      expect(noComment.status).toBe(400);
      expect(noComment.body.fields).toHaveProperty('comment');
      const changes = await req('POST', `/api/approvals/${first}/decision`, client, { decision: 'changes_requested', comment: 'Mention the rye loaf' });
      expect(changes.body).toMatchObject({ status: 'changes_requested', decidedAt: expect.any(String) });
      expect((await t.waitForMail('manager@acme.test', 'approval-changes-requested')).text).toContain('Mention the rye loaf');
      expect((await req('POST', `/api/approvals/${first}/decision`, client, { decision: 'approved' })).body.error).toBe('approval_closed');
      const reply = await req('POST', `/api/approvals/${first}/comments`, manager, { comment: 'Done, sending the new version' });
      expect(reply.status).toBe(200);
      await t.waitForMail('client@acme.test', 'approval-commented');

      expect((await req('PATCH', `/api/content/${item}`, manager, { text: 'Our rye loaf is back this Saturday.' })).status).toBe(200);
      const second = await req('POST', '/api/approvals', manager, { subjectType: 'content', subjectId: item });
      expect(second.body.snapshot.text).toBe('Our rye loaf is back this Saturday.');
      const approved = await req('POST', `/api/approvals/${second.body.id}/decision`, client, { decision: 'approved', comment: 'Perfect' });
      expect(approved.body.status).toBe('approved');
      await t.waitForMail('manager@acme.test', 'approval-approved');
      expect((await req('GET', '/api/content', client)).body.data.map((i: { id: string; status: string }) => [i.id, i.status])).toContainEqual([item, 'approved']);

      const history = (await req('GET', `/api/approvals?subjectType=content&subjectId=${item}`, manager)).body.data;
      expect(history.map((a: { status: string }) => a.status)).toEqual(['approved', 'changes_requested']);
      const timeline = [...history].reverse().flatMap((a: { events: { action: string; actorRole: string; actorName: string; comment: string | null; at: string }[] }) => a.events);
      expect(timeline.map((e: { action: string; actorRole: string }) => `${e.actorRole}:${e.action}`)).toEqual(['manager:requested', 'client:changes_requested', 'manager:commented', 'manager:requested', 'client:approved']);
      expect(timeline.every((e: { at: string; actorName: string }) => !Number.isNaN(Date.parse(e.at)) && e.actorName.length > 0)).toBe(true);
      expect((await t.sql<{ n: number }>(`select count(*)::int as n from ${schema}.approval_events where request_id = any($1::uuid[])`, [history.map((a: { id: string }) => a.id)]))[0].n).toBe(5);
      // New words after approval are not what the client approved: back to drafted, out of the client's view.
      expect((await req('PATCH', `/api/content/${item}`, manager, { text: 'A different text' })).body.status).toBe('drafted');
      expect((await req('GET', '/api/content', client)).body.data.map((i: { id: string }) => i.id)).not.toContain(item);
    });

    it('sends a growth plan; the client approves it; a withdrawn request cannot be decided', async () => {
      const plan = await req('POST', `/api/accounts/${bakery}/growth-plans`, manager, { days: 7 });
      expect(plan.status).toBe(201);
      const sent = await req('POST', '/api/approvals', manager, { subjectType: 'plan', subjectId: plan.body.id });
      expect(sent.body).toMatchObject({ status: 'pending', title: expect.stringContaining('7-day growth plan') });
      expect(sent.body.snapshot.tasks.length).toBe(plan.body.tasks.length);
      expect((await req('POST', `/api/approvals/${sent.body.id}/decision`, client, { decision: 'approved' })).body.status).toBe('approved');
      const again = await req('POST', '/api/approvals', manager, { subjectType: 'plan', subjectId: plan.body.id });
      expect((await req('POST', `/api/approvals/${again.body.id}/withdraw`, client)).status).toBe(403);
      expect((await req('POST', `/api/approvals/${again.body.id}/withdraw`, manager)).body.status).toBe('withdrawn');
      expect((await req('POST', `/api/approvals/${again.body.id}/decision`, client, { decision: 'approved' })).body.error).toBe('approval_closed');
    });

    it('client sweep: a request on another account is invisible to the client (404, never listed)', async () => {
      const [{ id }] = await t.sql<{ id: string }>(
        `insert into ${schema}.approval_requests (id, subject_type, subject_id, account_id, title, snapshot) values (gen_random_uuid(), 'content', gen_random_uuid(), $1, 'Secret', '{}') returning id`,
        [solo],
      );
      for (const [method, path, body] of [
        ['GET', `/api/approvals/${id}`, undefined],
        ['POST', `/api/approvals/${id}/decision`, { decision: 'approved' }],
        ['POST', `/api/approvals/${id}/comments`, { comment: 'hi' }],
      ] as const) {
        expect((await req(method, path, client, body)).status).toBe(404);
        expect((await req(method, path, manager, body)).status).toBe(404);
      }
      const listed = JSON.stringify((await req('GET', '/api/approvals', client)).body);
      expect(listed).not.toContain(id);
      expect(listed).not.toContain(solo);
      expect(JSON.stringify((await req('GET', '/api/approvals', owner)).body)).toContain(id);
      await t.sql(`delete from ${schema}.approval_requests where id = $1`, [id]);
    });
  });

  describe('demo', () => {
    it('seeds one pending request so the demo client finds something in the inbox', async () => {
      expect((await seedFromManifest(t.app, 'tenants/demo/tenant.json')).created).toBe(true);
      const demo = (await t.login('demo', 'client@demo.test', 'demo-password-123')).token;
      const inbox = await t.request('GET', '/api/approvals?status=pending', { host: host('demo'), token: demo });
      expect(inbox.body.data).toHaveLength(1);
      expect(inbox.body.data[0]).toMatchObject({ subjectType: 'content', status: 'pending', events: [expect.objectContaining({ action: 'requested', actorRole: 'manager' })] });
    });
  });

  describe('reminders', () => {
    it('a daily job per workspace reminds the client of requests waiting more than two days, once per two days', async () => {
      const sent = await req('POST', '/api/approvals', manager, { subjectType: 'content', subjectId: await saveItem(bakery, manager) });
      await t.sql(`update ${schema}.approval_requests set created_at = now() - interval '3 days' where id = $1`, [sent.body.id]);
      expect(await t.app.get(ApprovalsSchedule).enqueueReminders()).toBeGreaterThanOrEqual(2);
      const mail = await t.waitForMail('client@acme.test', 'approval-reminder');
      expect(mail.text).toContain(`/approvals/${sent.body.id}`);
      let reminded: Date | null = null;
      for (let i = 0; i < 100 && !reminded; i++) {
        [{ reminded_at: reminded }] = await t.sql<{ reminded_at: Date | null }>(`select reminded_at from ${schema}.approval_requests where id = $1`, [sent.body.id]);
        if (!reminded) await new Promise((r) => setTimeout(r, 50));
      }
      expect(reminded).not.toBeNull();
      const tenant = ((await t.app.get(TenantResolver).resolve(acme)) as unknown as { tenant: never }).tenant;
      expect(await t.app.get(TenantContext).run(tenant, () => t.app.get(ApprovalsService).remind())).toBe(0);
      // Two days later it is due again.
      expect(await t.app.get(TenantContext).run(tenant, () => t.app.get(ApprovalsService).remind(new Date(Date.now() + 2.1 * 86_400_000)))).toBe(1);
      // Deleting the item removes its requests: nothing is left to approve or remind of.
      expect((await req('DELETE', `/api/content/${sent.body.subjectId}`, manager)).status).toBe(204);
      expect((await req('GET', `/api/approvals/${sent.body.id}`, client)).status).toBe(404);
    });
  });

  describe('magic-link sign-in', () => {
    it('answers 202 alike for known and unknown addresses and mails a single-use link; only its hash is stored', async () => {
      const known = await req('POST', '/api/auth/magic-link', undefined, { email: 'Client@Acme.test' });
      const unknown = await req('POST', '/api/auth/magic-link', undefined, { email: 'nobody@acme.test' });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      const token = tokenFromMail((await t.waitForMail('client@acme.test', 'magic-link')).text);
      const stored = await t.sql<{ token_hash: string; expires_at: Date; created_at: Date }>(`select token_hash, expires_at, created_at from ${schema}.magic_links`);
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).not.toContain(token);
      // Valid 15 minutes from when it was made (the clock of the API and of the database may differ by a few ms).
      expect(Math.abs(new Date(stored[0].expires_at).getTime() - new Date(stored[0].created_at).getTime() - 15 * 60_000)).toBeLessThan(1_000);

      const signedIn = await req('POST', '/api/auth/magic-link/verify', undefined, { token });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user).toMatchObject({ email: 'client@acme.test', role: 'client' });
      expect(signedIn.cookies.map((c) => c.name)).toContain('ig_refresh');
      const me = await req('GET', '/api/auth/me', signedIn.body.accessToken);
      expect(me.body.user.email).toBe('client@acme.test');
      const reused = await req('POST', '/api/auth/magic-link/verify', undefined, { token });
      expect(reused).toMatchObject({ status: 410, body: { error: 'magic_link_used' } });
    });

    it('refuses an expired link (410) and a made-up one (400), and rate-limits requests like forgot-password', async () => {
      await req('POST', '/api/auth/magic-link', undefined, { email: 'client@acme.test' });
      let token = '';
      for (let i = 0; i < 100 && !token; i++) {
        const rows = await t.sql<{ text: string }>(`select text from control.mail_outbox where "to" = 'client@acme.test' and template = 'magic-link' order by created_at desc`);
        if (rows.length >= 2) token = tokenFromMail(rows[0].text);
        else await new Promise((r) => setTimeout(r, 50));
      }
      await t.sql(`update ${schema}.magic_links set expires_at = now() - interval '1 second' where used_at is null`);
      expect(await req('POST', '/api/auth/magic-link/verify', undefined, { token })).toMatchObject({ status: 410, body: { error: 'magic_link_expired' } });
      expect(await req('POST', '/api/auth/magic-link/verify', undefined, { token: 'x'.repeat(43) })).toMatchObject({ status: 400, body: { error: 'invalid_token' } });
      expect((await req('POST', '/api/auth/magic-link', undefined, { email: 'not-an-email' })).body.fields).toHaveProperty('email');
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await req('POST', '/api/auth/magic-link', undefined, { email: 'client@acme.test' })).status);
      expect(statuses).toEqual([202, 429, 429]);
    });
  });

  describe('growth plans from the latest audit, roadmap ticks, branded share page', () => {
    let auditId: string;

    it('builds from the engine without an audit and from the latest completed audit once there is one', async () => {
      const engine = await req('POST', `/api/accounts/${bakery}/growth-plans`, owner, { days: 7 });
      expect(engine.body).toMatchObject({ basis: 'engine', basisAudit: null });
      const started = await req('POST', `/api/accounts/${bakery}/audits`, owner);
      expect(started.status).toBe(202);
      auditId = started.body.id;
      let audit = started.body;
      for (let i = 0; i < 200 && audit.status !== 'completed' && audit.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        audit = (await req('GET', `/api/audits/${auditId}`, owner)).body;
      }
      expect(audit.status).toBe('completed');
      const plan = await req('POST', `/api/accounts/${bakery}/growth-plans`, owner, { days: 30 });
      expect(plan.body).toMatchObject({ basis: 'audit', basisAudit: { id: auditId, completedAt: audit.finishedAt } });
      expect(plan.body.bestTimes.source).toBe(audit.result.bestTimes.source);
      // The audit's recommendation steps are tasks of the plan, and the follower goal starts from the audit.
      expect(plan.body.tasks.some((x: { details: string }) => x.details.startsWith('From the audit:'))).toBe(true);
      expect(plan.body.goals.find((g: { metric: string }) => g.metric === 'followers').basis).toContain('audit of');
      expect((await req('GET', `/api/growth-plans/${plan.body.id}`, client)).body.basis).toBe('audit');
    });

    it('stores roadmap ticks on the server per audit', async () => {
      expect((await req('GET', `/api/audits/${auditId}/roadmap-ticks`, owner)).body).toEqual({ auditId, days: [] });
      expect((await req('PUT', `/api/audits/${auditId}/roadmap-ticks`, manager, { day: 3, done: true })).body.days).toEqual([3]);
      expect((await req('PUT', `/api/audits/${auditId}/roadmap-ticks`, owner, { day: 1, done: true })).body.days).toEqual([1, 3]);
      expect((await req('PUT', `/api/audits/${auditId}/roadmap-ticks`, owner, { day: 1, done: false })).body.days).toEqual([3]);
      expect((await req('GET', `/api/audits/${auditId}/roadmap-ticks`, client)).body.days).toEqual([3]);
      expect((await req('PUT', `/api/audits/${auditId}/roadmap-ticks`, client, { day: 2, done: true })).status).toBe(403);
      const bad = await req('PUT', `/api/audits/${auditId}/roadmap-ticks`, owner, { day: 99, done: true });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toHaveProperty('day');
    });

    it('the share page carries the workspace brand; "powered by" is hidden only where the plan allows', async () => {
      await t.sql(`update control.tenants set plan_code = 'agency' where slug = 'acme'`);
      await t.app.get(TenantResolver).invalidate();
      expect((await req('PUT', '/api/branding', owner, { name: 'Acme Growth Studio', primaryColor: '#0e7490', showPoweredBy: false })).status).toBe(200);
      const link = await req('POST', `/api/audits/${auditId}/share-links`, owner, {});
      const token = link.body.url.split('/r/')[1];
      const page = await t.request('GET', `/r/${token}`, { host: acme });
      expect(page.status).toBe(200);
      expect(page.body).toContain('Acme Growth Studio');
      expect(page.body).toContain('#0e7490');
      expect(page.body).not.toContain('Powered by InstaGrowth OS');
      // On Starter the stored choice is ignored: the plan shows "powered by".
      await t.sql(`update control.tenants set plan_code = 'starter' where slug = 'acme'`);
      expect((await t.request('GET', `/r/${token}`, { host: acme })).body).toContain('Powered by InstaGrowth OS');
    });
  });

  describe('plan share links', () => {
    it('shares a growth plan on the same branded /r/ page; expired links are gone', async () => {
      const plan = await req('POST', `/api/accounts/${bakery}/growth-plans`, manager, { days: 7 });
      expect((await req('POST', `/api/growth-plans/${plan.body.id}/share-links`, client, {})).status).toBe(403);
      const link = await req('POST', `/api/growth-plans/${plan.body.id}/share-links`, manager, { expiresInDays: 3 });
      expect(link.status).toBe(201);
      expect(link.body).toMatchObject({ planId: plan.body.id, url: expect.stringContaining('/r/') });
      const token = link.body.url.split('/r/')[1];
      const page = await t.request('GET', `/r/${token}`, { host: acme });
      expect(page.status).toBe(200);
      expect(page.body).toContain('7-day growth plan');
      expect(page.body).toContain('Acme Growth Studio');
      expect((await t.request('GET', `/r/${'y'.repeat(32)}`, { host: acme })).status).toBe(404);
      // Another workspace's host does not know the token.
      expect((await t.request('GET', `/r/${token}`, { host: host('globex') })).status).toBe(404);
      const listed = await req('GET', `/api/growth-plans/${plan.body.id}/share-links`, manager);
      expect(listed.body.data).toEqual([expect.objectContaining({ id: link.body.id, openCount: 1, revokedAt: null })]);
      expect((await req('DELETE', `/api/plan-share-links/${link.body.id}`, client)).status).toBe(403);
      expect((await req('DELETE', `/api/plan-share-links/${link.body.id}`, manager)).status).toBe(204);
      expect((await t.request('GET', `/r/${token}`, { host: acme })).status).toBe(410);
      const second = (await req('POST', `/api/growth-plans/${plan.body.id}/share-links`, manager, {})).body.url.split('/r/')[1];
      await t.sql(`update ${schema}.plan_share_links set expires_at = now() - interval '1 second'`);
      expect((await t.request('GET', `/r/${second}`, { host: acme })).status).toBe(410);
    });
  });

  describe('plan limits through LimitsService', () => {
    it('custom domains: 403 without the feature, 402 naming the plan and the count when it is full', async () => {
      await t.sql(`update control.tenants set plan_code = 'pro' where slug = 'acme'`);
      const none = await req('POST', '/api/domains', owner, { hostname: 'growth.acme-agency.com' });
      expect(none).toMatchObject({ status: 403, body: { error: 'plan_feature_unavailable' } });
      expect(none.body.message).toMatch(/Pro plan; the Agency plan includes it/);
      await t.sql(`update control.tenants set plan_code = 'enterprise' where slug = 'acme'`);
      await t.sql(`update control.plans set custom_domains = 1 where key = 'enterprise'`);
      expect((await req('POST', '/api/domains', owner, { hostname: 'growth.acme-agency.com' })).status).toBe(201);
      const full = await req('POST', '/api/domains', owner, { hostname: 'two.acme-agency.com' });
      expect(full).toMatchObject({ status: 402, body: { error: 'custom_domain_limit_reached' } });
      expect(full.body.message).toMatch(/Enterprise plan allows 1 custom domain and this workspace has 1/);
    });

    it('client logins: inviting one more client user than the plan allows is refused', async () => {
      const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from ${schema}.users where role = 'client'`);
      await t.sql(`update control.plans set client_logins = $1 where key = 'enterprise'`, [n]);
      const res = await req('POST', '/api/team/invitations', owner, { email: 'new-client@acme.test', role: 'client' });
      expect(res).toMatchObject({ status: 402, body: { error: 'client_login_limit_reached' } });
      expect(res.body.message).toMatch(/Enterprise plan allows/);
    });
  });
});
