import { MailSchedule } from '../src/mail/mail.schedule.js';
import { FakeResend } from './support/fake-resend.js';
import { createTestApp, host, tokenFromMail, type TestApp } from './support/test-app.js';

/** E-mail automations end to end against the fake Resend server: triggers, schedule, webhooks, suppression, unsubscribe. */
describe('mail: Resend driver, triggers and sequences, delivery log, unsubscribe', () => {
  let t: TestApp;
  let resend: FakeResend;
  let schedule: MailSchedule;
  const acme = host('acme');

  type LogRow = { id: string; to: string; template: string; status: string; reason: string | null; tenant_id: number | null; dedupe_key: string };
  const log = (to: string, template: string) => t.sql<LogRow>('select * from control.mail_log where "to" = $1 and template = $2 order by created_at', [to, template]);

  /** Bounded wait (no fixed sleeps): until every mail of this template to this address left the queue. */
  async function settled(to: string, template: string, count = 1): Promise<LogRow[]> {
    for (let i = 0; i < 300; i++) {
      const rows = await log(to, template);
      if (rows.length >= count && rows.every((r) => !['queued', 'sending', 'failed'].includes(r.status))) return rows;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`"${template}" to ${to} not settled within 15 s: ${JSON.stringify(await log(to, template))}`);
  }

  /** Runs the schedule's hour for `at` and waits for the tick jobs it enqueued. */
  async function tick(at: Date): Promise<void> {
    const before = await t.sql<{ n: string }>('select count(*) as n from control.mail_log');
    await schedule.tick(at);
    // The tick jobs run asynchronously; wait until the log stops growing and nothing is queued.
    let last = -1;
    for (let i = 0; i < 300; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const [{ n }] = await t.sql<{ n: string }>(`select count(*) filter (where status in ('queued', 'sending')) as n from control.mail_log`);
      const [{ n: total }] = await t.sql<{ n: string }>('select count(*) as n from control.mail_log');
      if (Number(n) === 0 && Number(total) === last) return;
      last = Number(total);
    }
    const stuck = await t.sql(`select "to", template, status, reason, dedupe_key, created_at from control.mail_log where status in ('queued', 'sending')`);
    throw new Error(`tick did not settle (log had ${before[0].n} rows before): ${JSON.stringify(stuck)}`);
  }

  const sentTo = (to: string, template: string) => resend.to(to).filter((e) => e.body.tags?.some((tag: { value: string }) => tag.value === template));

  beforeAll(async () => {
    resend = await new FakeResend().start();
    t = await createTestApp({ RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url, RESEND_WEBHOOK_SECRET: resend.webhookSecret, MAIL_FROM: 'InstaGrowth <hello@instagrowth.test>' });
    schedule = t.app.get(MailSchedule);
  });

  afterAll(async () => {
    await t?.close();
    await resend?.stop();
  });

  it('sign-up sends the welcome mail once through Resend, from the workspace name, with a one-click unsubscribe', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { workspaceName: 'Nova Studio', slug: 'nova', name: 'Nora Owner', email: 'nora@nova.test', password: 'nova-password-123' },
    });
    expect(res.status).toBe(201);
    const [welcome] = await settled('nora@nova.test', 'welcome');
    expect(welcome.status).toBe('sent');
    await settled('nora@nova.test', 'verify-email');
    const mails = sentTo('nora@nova.test', 'welcome');
    expect(mails).toHaveLength(1);
    const body = mails[0].body;
    expect(body.from).toBe('"Nova Studio" <hello@instagrowth.test>');
    expect(body.subject).toBe('Welcome to Nova Studio');
    expect(body.html).toContain('Welcome, Nora Owner!');
    expect(body.text).toContain('Your workspace Nova Studio is ready');
    expect(body.headers['List-Unsubscribe']).toMatch(/^<http:\/\/nova\.instagrowth\.test\/api\/mail\/unsubscribe\?token=[\w.-]+>$/);
    expect(body.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // Transactional mail carries no unsubscribe header.
    expect(sentTo('nora@nova.test', 'verify-email')[0].body.headers?.['List-Unsubscribe']).toBeUndefined();
    // The super-admin still reads every mail in the outbox.
    expect((await t.waitForMail('nora@nova.test', 'welcome')).subject).toBe('Welcome to Nova Studio');
  });

  it('the forgot-password mail survives a worker dying after Resend accepted it: retried, sent once', async () => {
    resend.failAfterAccept = 1;
    const res = await t.request('POST', '/api/auth/forgot-password', { host: acme, body: { email: 'admin@acme.test' } });
    expect(res.status).toBe(202);
    const [row] = await settled('admin@acme.test', 'reset-password');
    expect(row.status).toBe('sent');
    const attempts = resend.requests.filter((r) => r.idempotencyKey === `mail-${row.id}`);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(sentTo('admin@acme.test', 'reset-password')).toHaveLength(1);
    // The link in the mail works.
    const mail = sentTo('admin@acme.test', 'reset-password')[0].body;
    expect(tokenFromMail(mail.text)).toMatch(/^[\w-]{20,}$/);
  });

  it('onboarding: running the schedule twice sends each due step once, and skips a step already done', async () => {
    // acme already has an account connected; nova has none. Both signed up two hours ago.
    const owner = await t.login('acme', 'owner@acme.test');
    expect((await t.request('POST', '/api/accounts/manual', { host: acme, token: owner.token, body: { username: 'acme.onboarded', followersCount: 10 } })).status).toBe(201);
    await t.sql(`update control.tenants set created_at = now() - interval '2 hours' where slug in ('acme', 'nova')`);
    const at = new Date();
    await tick(at);
    await tick(at);
    await tick(new Date(at.getTime() + 3_600_000)); // the next hour's tick runs again: the dedupe keys keep it at one
    expect(await log('nora@nova.test', 'onboarding-connect')).toHaveLength(1);
    expect(sentTo('nora@nova.test', 'onboarding-connect')).toHaveLength(1);
    expect(await log('owner@acme.test', 'onboarding-connect')).toHaveLength(0);
    // Day 1 is not due yet for either.
    expect(await log('nora@nova.test', 'onboarding-audit')).toHaveLength(0);
  });

  it('webhooks update the log; a bounce suppresses the address with its reason; bad signatures are refused', async () => {
    const [welcome] = await log('nora@nova.test', 'welcome');
    const providerId = sentTo('nora@nova.test', 'welcome')[0].id;
    const post = (e: { body: string; headers: Record<string, string> }) => t.request('POST', '/api/mail/resend/webhook', { body: e.body, headers: e.headers });

    const delivered = resend.signedEvent('email.delivered', { email_id: providerId, to: ['nora@nova.test'] });
    expect((await post(delivered)).body).toEqual({ received: true, duplicate: false });
    expect((await post(delivered)).body).toEqual({ received: true, duplicate: true });
    expect((await t.sql<LogRow>('select status from control.mail_log where id = $1', [welcome.id]))[0].status).toBe('delivered');
    await post(resend.signedEvent('email.opened', { email_id: providerId }));
    expect((await t.sql<LogRow>('select status from control.mail_log where id = $1', [welcome.id]))[0].status).toBe('opened');

    const forged = resend.signedEvent('email.bounced', { email_id: providerId }, { secret: `whsec_${Buffer.from('not-the-secret-at-all').toString('base64')}` });
    expect((await post(forged)).status).toBe(400);
    const tampered = resend.signedEvent('email.delivered', { email_id: providerId });
    expect((await post({ ...tampered, body: tampered.body.replace('delivered', 'bounced') })).body.error).toBe('invalid_signature');

    // The owner of acme bounces: log says so, address suppressed, next mail not sent.
    const [reset] = await log('admin@acme.test', 'reset-password');
    const resetProviderId = sentTo('admin@acme.test', 'reset-password')[0].id;
    await post(resend.signedEvent('email.bounced', { email_id: resetProviderId, to: ['admin@acme.test'], bounce: { type: 'Permanent', subType: 'General', message: 'Mailbox does not exist' } }));
    const bounced = (await t.sql<LogRow>('select status, reason from control.mail_log where id = $1', [reset.id]))[0];
    expect(bounced.status).toBe('bounced');
    expect(bounced.reason).toContain('Mailbox does not exist');
    // A late "delivered" never hides the bounce.
    await post(resend.signedEvent('email.delivered', { email_id: resetProviderId }));
    expect((await t.sql<LogRow>('select status from control.mail_log where id = $1', [reset.id]))[0].status).toBe('bounced');
    const [suppression] = await t.sql<{ reason: string; detail: string }>('select reason, detail from control.mail_suppressions where email = $1', ['admin@acme.test']);
    expect(suppression.reason).toBe('bounced');

    await t.request('POST', '/api/auth/forgot-password', { host: acme, body: { email: 'admin@acme.test' } });
    const rows = await settled('admin@acme.test', 'reset-password', 2);
    expect(rows[1].status).toBe('suppressed');
    expect(rows[1].reason).toContain('bounced');
    expect(sentTo('admin@acme.test', 'reset-password')).toHaveLength(1);

    // The workspace's log (owner/admin) shows statuses and reasons; a manager may not read it.
    const ownerToken = (await t.login('acme', 'owner@acme.test')).token;
    const list = await t.request('GET', '/api/mail/log', { host: acme, token: ownerToken });
    expect(list.status).toBe(200);
    expect(list.body.data.find((m: { id: string }) => m.id === reset.id)).toMatchObject({ status: 'bounced', to: 'admin@acme.test', template: 'reset-password' });
    expect(list.body.data.every((m: { to: string }) => m.to !== 'nora@nova.test')).toBe(true);
    const manager = (await t.login('acme', 'manager@acme.test')).token;
    expect((await t.request('GET', '/api/mail/log', { host: acme, token: manager })).status).toBe(403);
  });

  it('the unsubscribe link works without logging in and stops that category only', async () => {
    const welcome = sentTo('nora@nova.test', 'welcome')[0].body;
    const link = /<([^>]+)>/.exec(welcome.headers['List-Unsubscribe'])![1];
    const url = new URL(link);
    const info = await t.request('GET', `${url.pathname}${url.search}`, { host: url.host });
    expect(info.body).toMatchObject({ email: 'nora@nova.test', category: 'onboarding', workspace: 'Nova Studio', unsubscribed: false });
    // RFC 8058: the mail client's POST, form-encoded, no session.
    const res = await t.app.getHttpAdapter().getInstance().inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ unsubscribed: true, category: 'onboarding' });
    expect((await t.request('POST', '/api/mail/unsubscribe?token=forged.token-value', { host: url.host })).body.error).toBe('invalid_token');

    // Day 1 arrives: the onboarding step is not sent; credits low (alerts) and the reset (transactional) still are.
    const [{ id: novaId }] = await t.sql<{ id: number; schema_name: string }>(`select id from control.tenants where slug = 'nova'`);
    const schema = await t.schemaOf('nova');
    await t.sql(`update ${schema}.credit_wallet set period_allowance = 100, period_balance = 15, pack_balance = 0, period_key = 'test-period'`);
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setUTCHours(10, 0, 0, 0);
    await tick(tomorrow);
    const [audit] = await settled('nora@nova.test', 'onboarding-audit');
    expect(audit.status).toBe('unsubscribed');
    expect(sentTo('nora@nova.test', 'onboarding-audit')).toHaveLength(0);
    const [low] = await settled('nora@nova.test', 'credits-low');
    expect(low.status).toBe('sent');
    expect(sentTo('nora@nova.test', 'credits-low')[0].body.text).toContain('has 15 of 100 AI credits left (15%)');
    await t.request('POST', '/api/auth/forgot-password', { host: host('nova'), body: { email: 'nora@nova.test' } });
    expect((await settled('nora@nova.test', 'reset-password'))[0].status).toBe('sent');
    expect(novaId).toBeGreaterThan(0);

    // The preferences page shows it, and turns it back on.
    const nora = (await t.login('nova', 'nora@nova.test', 'nova-password-123')).token;
    const prefs = await t.request('GET', '/api/mail/preferences', { host: host('nova'), token: nora });
    expect(prefs.body.categories.find((c: { key: string }) => c.key === 'onboarding').subscribed).toBe(false);
    expect(prefs.body.categories.find((c: { key: string }) => c.key === 'alerts').subscribed).toBe(true);
    const back = await t.request('PUT', '/api/mail/preferences', { host: host('nova'), token: nora, body: { categories: { onboarding: true } } });
    expect(back.body.categories.find((c: { key: string }) => c.key === 'onboarding').subscribed).toBe(true);
  });

  it('CR LF in a workspace or sender name can never add a header; a bad stored reply-to is left out, not sent', async () => {
    const res = await t.request('POST', '/api/auth/register', {
      body: { workspaceName: 'Evil\r\nBcc: victim@evil.test', slug: 'evil', name: 'Eve\r\nX-Injected: yes', email: 'eve@evil.test', password: 'evil-password-123' },
    });
    expect(res.status).toBe(201);
    expect((await settled('eve@evil.test', 'welcome'))[0].status).toBe('sent');
    const [welcome] = sentTo('eve@evil.test', 'welcome');
    expect(welcome.body.from).toBe('"Evil Bcc: victim@evil.test" <hello@instagrowth.test>');
    // A reply-to with CR LF in it (written behind the API, which refuses it), then a mail sent after that.
    await t.sql(`update control.tenants set branding = branding || '{"emailReplyTo": "eve@evil.test\\r\\nBcc: x@evil.test"}'::jsonb where slug = 'evil'`);
    await t.request('POST', '/api/auth/forgot-password', { host: host('evil'), body: { email: 'eve@evil.test' } });
    expect((await settled('eve@evil.test', 'reset-password'))[0].status).toBe('sent');
    const [mail] = sentTo('eve@evil.test', 'reset-password');
    for (const m of [welcome, mail]) {
      for (const value of [m.body.from, m.body.subject, m.body.reply_to ?? '', ...Object.values(m.body.headers ?? {})]) expect(String(value)).not.toMatch(/[\r\n]/);
      expect(m.body.bcc).toBeUndefined();
      expect(m.body.to).toEqual(['eve@evil.test']);
      // Names are escaped in the HTML part.
      expect(m.body.html).not.toContain('<script');
    }
    expect(mail.body.reply_to).toBeUndefined();
    expect(Object.keys(welcome.body.headers ?? {}).sort()).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post']);
  });

  it('a client receives a branded weekly digest whose numbers match the stored data, and a monthly report with the PDF', async () => {
    const owner = (await t.login('acme', 'owner@acme.test')).token;
    const schema = await t.schemaOf('acme');
    // The Monday before last, 10:00 UTC (acme's zone is UTC): never the hour another test ticked.
    const monday = new Date();
    monday.setUTCHours(10, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
    const day = (n: number) => new Date(monday.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const created = await t.request('POST', '/api/accounts/manual', { host: acme, token: owner, body: { username: 'digest.bakery', followersCount: 1000 } });
    const accountId = created.body.id as string;
    await t.sql(`delete from ${schema}.account_metrics where account_id = $1`, [accountId]);
    await t.sql(
      `insert into ${schema}.account_metrics (account_id, day, metric, value, status, source) values
        ($1, $2, 'followers_count', 1000, 'ok', 'manual'), ($1, $3, 'followers_count', 1034, 'ok', 'manual'),
        ($1, $4, 'reach', 2000, 'ok', 'api'), ($1, $5, 'reach', 3400, 'ok', 'api'), ($1, $6, 'reach', 999999, 'ok', 'api')`,
      [accountId, day(-8), day(-2), day(-7), day(-1), day(0)],
    );
    await t.sql(
      `insert into ${schema}.media (id, account_id, source, posted_at) values ('m1', $1, 'csv', $2), ('m2', $1, 'csv', $3), ('m3', $1, 'csv', $4), ('m4', $1, 'csv', $5)`,
      [accountId, `${day(-7)}T08:00:00Z`, `${day(-3)}T12:00:00Z`, `${day(-1)}T23:00:00Z`, `${day(0)}T08:00:00Z`],
    );
    const client = await t.request('POST', '/api/clients', { host: acme, token: owner, body: { name: 'Bakery & Co' } });
    expect(client.status).toBe(201);
    const members = await t.request('GET', '/api/team/members', { host: acme, token: owner });
    const clientUser = members.body.data.find((m: { email: string }) => m.email === 'client@acme.test');
    expect((await t.request('PUT', `/api/clients/${client.body.id}/accounts`, { host: acme, token: owner, body: { ids: [accountId] } })).status).toBe(200);
    expect((await t.request('PUT', `/api/clients/${client.body.id}/members`, { host: acme, token: owner, body: { ids: [clientUser.id] } })).status).toBe(200);

    await tick(monday);
    await tick(monday);
    const [digest] = await settled('client@acme.test', 'weekly-digest');
    expect(digest.status).toBe('sent');
    const mails = sentTo('client@acme.test', 'weekly-digest');
    expect(mails).toHaveLength(1);
    const { body } = mails[0];
    expect(body.from).toBe('"Acme Agency" <hello@instagrowth.test>');
    expect(body.subject).toBe(`Bakery & Co: your week on Instagram (${day(-7)} – ${day(-1)})`);
    // 1034 followers (+34 over the week), 3 posts in the week (not the one today), reach 2000 + 3400.
    expect(body.text).toContain('@digest.bakery: 1034 followers (+34), 3 posts, reach 5400');
    expect(body.html).toContain('Bakery &amp; Co');
    expect(body.html).toContain('#0ea5e9'); // acme's brand colour in the layout

    // The 1st of the month at 10:00 UTC: last month's report as a PDF attachment, once.
    const first = new Date(Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth(), 1, 10));
    await tick(first);
    await tick(first);
    await settled('client@acme.test', 'monthly-report');
    const reports = sentTo('client@acme.test', 'monthly-report');
    expect(reports).toHaveLength(1);
    expect(reports[0].body.attachments).toHaveLength(1);
    expect(reports[0].body.attachments[0].filename).toMatch(/^report-\d{4}-\d{2}\.pdf$/);
    expect(Buffer.from(reports[0].body.attachments[0].content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('trial ending goes out 3 days and 1 day before, once each, in the workspace time zone', async () => {
    const at = new Date(Date.UTC(2030, 0, 10, 10));
    await t.sql(`update control.tenants set trial_ends_at = $1, time_zone = 'Asia/Tokyo' where slug = 'nova'`, [new Date(Date.UTC(2030, 0, 13, 5)).toISOString()]);
    await t.sql(`delete from control.subscriptions where tenant_id = (select id from control.tenants where slug = 'nova')`);
    await tick(at);
    await tick(at);
    const [three] = await settled('nora@nova.test', 'trial-ending');
    expect(three.dedupe_key).toContain(':3:2030-01-13:');
    expect(sentTo('nora@nova.test', 'trial-ending')[0].body.subject).toBe('Your Nova Studio trial ends in 3 days');
    await tick(new Date(Date.UTC(2030, 0, 11, 10)));
    expect(await log('nora@nova.test', 'trial-ending')).toHaveLength(1);
    await tick(new Date(Date.UTC(2030, 0, 12, 10)));
    const rows = await settled('nora@nova.test', 'trial-ending', 2);
    expect(rows.map((r) => r.dedupe_key.split(':')[2])).toEqual(['3', '1']);
  });

  it('the super-admin edits, previews and test-sends a template with its variables documented; reads the platform log', async () => {
    const admin = await t.adminLogin();
    const adminHost = host('admin');
    const list = await t.request('GET', '/api/admin-panel/mail/templates', { host: adminHost, token: admin });
    expect(list.body.data.map((d: { key: string }) => d.key)).toEqual(expect.arrayContaining(['welcome', 'weekly-digest', 'payment-failed', 'instagram-reconnect']));
    const detail = await t.request('GET', '/api/admin-panel/mail/templates/welcome', { host: adminHost, token: admin });
    expect(detail.body.variables).toMatchObject({ name: expect.any(String), url: expect.any(String), workspace: expect.any(String) });
    const draft = { subject: 'Hello {{name}}', html: '<p>Hi {{name}}, welcome to {{workspace}}</p>', text: 'Hi {{name}}' };
    const preview = await t.request('POST', '/api/admin-panel/mail/templates/welcome/preview', { host: adminHost, token: admin, body: { draft } });
    expect(preview.body.subject).toBe('Hello Ada Lovelace');
    expect(preview.body.html).toContain('<p>Hi Ada Lovelace, welcome to InstaGrowth OS</p>');
    const broken = await t.request('PUT', '/api/admin-panel/mail/templates/welcome', { host: adminHost, token: admin, body: { ...draft, html: '{{#if name}}unclosed' } });
    expect(broken.body).toMatchObject({ error: 'invalid_template' });
    expect(broken.body.error).toBe('invalid_template');
    expect((await t.request('PUT', '/api/admin-panel/mail/templates/welcome', { host: adminHost, token: admin, body: draft })).body.edited).toBe(true);
    const test = await t.request('POST', '/api/admin-panel/mail/templates/welcome/test', { host: adminHost, token: admin, body: { to: 'qa@platform.test' } });
    expect(test.status).toBe(200);
    await settled('qa@platform.test', 'welcome');
    expect(sentTo('qa@platform.test', 'welcome')[0].body).toMatchObject({ subject: 'Hello Ada Lovelace', from: '"InstaGrowth" <hello@instagrowth.test>' });
    expect((await t.request('DELETE', '/api/admin-panel/mail/templates/welcome', { host: adminHost, token: admin })).body.edited).toBe(false);
    const platformLog = await t.request('GET', '/api/admin-panel/mail/log?status=bounced', { host: adminHost, token: admin });
    expect(platformLog.body.data).toEqual([expect.objectContaining({ to: 'admin@acme.test', tenantSlug: 'acme', status: 'bounced' })]);
    // Workspaces cannot reach the console's routes.
    const owner = (await t.login('acme', 'owner@acme.test')).token;
    expect((await t.request('GET', '/api/admin-panel/mail/templates', { host: acme, token: owner })).status).toBe(404);
  });

  it('the super-admin lists suppressed addresses and clears one: audited, and mail reaches the address again', async () => {
    const admin = await t.adminLogin();
    const adminHost = host('admin');
    const post = (e: { body: string; headers: Record<string, string> }) => t.request('POST', '/api/mail/resend/webhook', { body: e.body, headers: e.headers });
    // A spam complaint for an address Resend reports (no log row of ours needed) suppresses it.
    expect((await post(resend.signedEvent('email.complained', { email_id: 'em_unknown_complaint', to: ['manager@acme.test'] }))).status).toBe(200);
    const listed = await t.request('GET', '/api/admin-panel/mail/suppressions', { host: adminHost, token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual(expect.arrayContaining([{ email: 'manager@acme.test', reason: 'complained', detail: 'Marked as spam by the recipient', createdAt: expect.any(String) }]));
    expect(Date.parse(listed.body.data.find((r: { email: string }) => r.email === 'manager@acme.test').createdAt)).not.toBeNaN();

    // While suppressed, a mail to it is skipped.
    await t.request('POST', '/api/auth/forgot-password', { host: acme, ip: '10.88.0.1', body: { email: 'manager@acme.test' } });
    expect((await settled('manager@acme.test', 'reset-password'))[0].status).toBe('suppressed');

    // Only the console may clear it; bad input is a 400 naming the field; an unknown address is a 404.
    const owner = (await t.login('acme', 'owner@acme.test')).token;
    expect((await t.request('DELETE', '/api/admin-panel/mail/suppressions/manager%40acme.test', { host: acme, token: owner })).status).toBe(404);
    expect((await t.request('DELETE', '/api/admin-panel/mail/suppressions/manager%40acme.test', { host: adminHost })).status).toBe(401);
    const bad = await t.request('DELETE', '/api/admin-panel/mail/suppressions/not-an-address', { host: adminHost, token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.email).toBeDefined();
    expect((await t.request('DELETE', '/api/admin-panel/mail/suppressions/nobody%40acme.test', { host: adminHost, token: admin })).status).toBe(404);

    // Cleared (the address is compared lower-case), audited with the reason it had.
    const cleared = await t.request('DELETE', '/api/admin-panel/mail/suppressions/Manager%40ACME.test', { host: adminHost, token: admin });
    expect(cleared.status).toBe(204);
    expect((await t.request('GET', '/api/admin-panel/mail/suppressions', { host: adminHost, token: admin })).body.data.map((r: { email: string }) => r.email)).not.toContain('manager@acme.test');
    const me = (await t.request('GET', '/api/admin-panel/auth/me', { host: adminHost, token: admin })).body.admin as { id: string };
    const audit = await t.sql<{ actor_id: string; target_id: string; meta: Record<string, unknown> }>(`select actor_id, target_id, meta from control.platform_audit_log where action = 'mail_suppression.cleared'`);
    expect(audit).toEqual([{ actor_id: me.id, target_id: 'manager@acme.test', meta: { reason: 'complained', detail: 'Marked as spam by the recipient' } }]);
    expect((await t.request('DELETE', '/api/admin-panel/mail/suppressions/manager%40acme.test', { host: adminHost, token: admin })).status).toBe(404);

    // The next mail goes out.
    await t.request('POST', '/api/auth/forgot-password', { host: acme, ip: '10.88.0.2', body: { email: 'manager@acme.test' } });
    const rows = await settled('manager@acme.test', 'reset-password', 2);
    expect(rows[1].status).toBe('sent');
    expect(sentTo('manager@acme.test', 'reset-password')).toHaveLength(1);
  });

  it('a mail whose job was lost after its log row was written is re-enqueued by the next tick, and sent once', async () => {
    const [{ id: acmeId }] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`);
    await t.sql(
      `insert into control.mail_log (id, tenant_id, dedupe_key, "to", template, category, vars, created_at)
       values (gen_random_uuid(), $1, 'lost-job-test', 'lost@acme.test', 'instagram-reconnect', 'alerts', '{"username": "lost.account", "url": "http://x.test"}'::jsonb, now() - interval '20 minutes')`,
      [acmeId],
    );
    // An hour no earlier test ticked (each hour's tick job runs once per workspace).
    const at = new Date(Date.now() + 5 * 3_600_000);
    await tick(at);
    await tick(at);
    expect((await settled('lost@acme.test', 'instagram-reconnect'))[0].status).toBe('sent');
    expect(sentTo('lost@acme.test', 'instagram-reconnect')).toHaveLength(1);
    expect(sentTo('lost@acme.test', 'instagram-reconnect')[0].body.subject).toBe('Reconnect @lost.account to Acme Agency');
  });

  it('audit ready goes to whoever asked for the audit, once', async () => {
    const owner = (await t.login('acme', 'owner@acme.test')).token;
    const created = await t.request('POST', '/api/accounts/manual', { host: acme, token: owner, body: { username: 'audited.one', followersCount: 500 } });
    const members = await t.request('GET', '/api/team/members', { host: acme, token: owner });
    const managerId = members.body.data.find((m: { email: string }) => m.email === 'manager@acme.test').id;
    expect((await t.request('PUT', `/api/accounts/${created.body.id}/assignments`, { host: acme, token: owner, body: { userIds: [managerId] } })).status).toBeLessThan(300);
    // Signed in after the assignment, so the token carries it.
    const manager = (await t.login('acme', 'manager@acme.test')).token;
    const run = await t.request('POST', `/api/accounts/${created.body.id}/audits`, { host: acme, token: manager });
    expect(run.status).toBe(202);
    const [row] = await settled('manager@acme.test', 'audit-ready');
    expect(row.status).toBe('sent');
    expect(row.dedupe_key).toBe(`audit-ready:${(await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`))[0].id}:${run.body.id}:manager@acme.test`);
    const [mail] = sentTo('manager@acme.test', 'audit-ready');
    expect(mail.body.subject).toBe('The audit of @audited.one is ready');
    expect(mail.body.text).toContain(`/audits/${run.body.id}`);
    expect(await log('owner@acme.test', 'audit-ready')).toHaveLength(0);
  });

  it('a sending domain: created at Resend with its DNS records, verified, then used as the sender', async () => {
    const owner = (await t.login('acme', 'owner@acme.test')).token;
    // A white-label feature: Starter has none; the super-admin then moves acme to Agency.
    const [{ id: acmeId }] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`);
    const assign = async (plan: string) => expect((await t.request('PUT', `/api/admin-panel/tenants/${acmeId}/plan`, { host: host('admin'), token: await t.adminLogin(), body: { plan } })).status).toBe(200);
    await assign('starter');
    const refused = await t.request('POST', '/api/mail/domain', { host: acme, token: owner, body: { domain: 'mail.acme.example' } });
    expect(refused.body.error).toBe('plan_feature_unavailable');
    await assign('agency');
    const created = await t.request('POST', '/api/mail/domain', { host: acme, token: owner, body: { domain: 'mail.acme.example' } });
    expect(created.body).toMatchObject({ allowed: true });
    expect(created.body.domain).toMatchObject({ domain: 'mail.acme.example', status: 'not_started', sender: 'hello@mail.acme.example' });
    expect(created.body.domain.records.map((r: { type: string }) => r.type)).toEqual(['MX', 'TXT', 'TXT']);
    const verified = await t.request('POST', '/api/mail/domain/verify', { host: acme, token: owner });
    expect(verified.body.domain.status).toBe('verified');
    await t.request('POST', '/api/auth/forgot-password', { host: acme, body: { email: 'owner@acme.test' } });
    await settled('owner@acme.test', 'reset-password');
    expect(sentTo('owner@acme.test', 'reset-password')[0].body.from).toBe('"Acme Agency" <hello@mail.acme.example>');
    const manager = (await t.login('acme', 'manager@acme.test')).token;
    expect((await t.request('POST', '/api/mail/domain', { host: acme, token: manager, body: { domain: 'x.example' } })).status).toBe(403);
  });
});
