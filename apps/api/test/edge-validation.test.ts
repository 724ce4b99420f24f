import { jest } from '@jest/globals';
import { AuthRepository } from '../src/auth/auth.repository.js';
import { InstagramDataRepository } from '../src/instagram-data/instagram-data.repository.js';
import { InstagramClientProvider } from '../src/core/instagram/instagram-client.provider.js';
import { createTestApp, host, tokenFromMail, type TestApp } from './support/test-app.js';

const NUL = 'Ann\u0000Owner';
const LONE = 'Ann \uD800 Owner';

/** What an outside prober sent: text the database cannot store, numbers and dates past their columns. */
describe('edge validation', () => {
  let t: TestApp;
  let owner: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = (await t.login('acme', 'owner@acme.test')).token;
  });
  afterAll(async () => t.close());

  const register = (body: Record<string, unknown>) =>
    t.request('POST', '/api/auth/register', {
      body: { workspaceName: 'Probe Works', slug: 'probe-works', name: 'Pat Probe', email: 'pat@probe.test', password: 'probe-password-77', ...body },
    });

  it('register: a NUL or lone surrogate in any text is a 400 naming the field, and creates nothing', async () => {
    for (const [field, value] of [['name', NUL], ['workspaceName', LONE], ['email', 'pat\u0000@probe.test'], ['referralCode', NUL]] as const) {
      const res = await register({ [field]: value });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual([field]);
      expect(res.body.fields[field]).toMatch(/NUL|surrogate/);
    }
    expect(await t.sql(`select 1 from control.tenants where slug = 'probe-works'`)).toEqual([]);
    expect((await t.request('GET', '/api/auth/slug/probe-works')).body).toEqual({ slug: 'probe-works', available: true });
  });

  it('register: a failure after the schema exists removes schema and registry row, so the slug stays free', async () => {
    const users = t.app.get(AuthRepository);
    const spy = jest.spyOn(users, 'createUser').mockRejectedValueOnce(new Error('owner insert failed'));
    try {
      const res = await register({ slug: 'probe-rollback', email: 'rollback@probe.test' });
      expect(res.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(await t.sql(`select 1 from control.tenants where slug = 'probe-rollback'`)).toEqual([]);
    expect(await t.sql(`select 1 from information_schema.schemata where schema_name like 'pending_%' or schema_name not in (select schema_name from control.tenants) and schema_name like 't\\_%'`)).toEqual([]);
    const again = await register({ slug: 'probe-rollback', email: 'rollback@probe.test' });
    expect(again.status).toBe(201);
  });

  it('accept-invitation, login and tokens in paths refuse NUL with the field named', async () => {
    const accept = await t.request('POST', '/api/auth/accept-invitation', { host: host('acme'), body: { token: 'a'.repeat(43), name: NUL, password: 'probe-password-77' } });
    expect(accept.status).toBe(400);
    expect(accept.body.fields).toEqual({ name: 'must not contain NUL characters' });
    const login = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'owner@acme.test', password: 'acme\u0000password' } });
    expect(login.status).toBe(400);
    expect(login.body.fields).toEqual({ password: 'must not contain NUL characters' });
    const preview = await t.request('GET', `/api/auth/invitations/${'a'.repeat(20)}%00`, { host: host('acme') });
    expect(preview.status).toBe(400);
    expect(Object.keys(preview.body.fields)).toEqual(['token']);
    const slug = await t.request('GET', '/api/auth/slug/ab%00cd');
    expect(slug.status).toBe(400);
    expect(Object.keys(slug.body.fields)).toEqual(['slug']);
  });

  it('manual accounts and metrics: numbers bounded to int4, dates to 1970–2100, text without NUL', async () => {
    const big = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'probe.big', followersCount: 2_147_483_648 } });
    expect(big.status).toBe(400);
    expect(big.body.fields).toEqual({ followersCount: 'must be at most 2147483647' });
    const name = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'probe.nul', name: NUL, followersCount: 1 } });
    expect(name.status).toBe(400);
    expect(name.body.fields).toEqual({ name: 'must not contain NUL characters' });
    const user = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'probe\u0000x', followersCount: 1 } });
    expect(user.status).toBe(400);
    expect(Object.keys(user.body.fields)).toEqual(['username']);

    const created = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'probe.ok', followersCount: 2_147_483_647 } });
    expect(created.status).toBe(201);
    const far = await t.request('PUT', `/api/accounts/${created.body.id}/metrics`, { host: host('acme'), token: owner, body: { followersCount: 5, day: '9999-12-31' } });
    expect(far.status).toBe(400);
    expect(far.body.fields).toEqual({ day: 'must be between 1970-01-01 and 2100-12-31' });
    const old = await t.request('PUT', `/api/accounts/${created.body.id}/metrics`, { host: host('acme'), token: owner, body: { followersCount: 5, day: '0001-01-01' } });
    expect(old.status).toBe(400);
    const huge = await t.request('PUT', `/api/accounts/${created.body.id}/metrics`, { host: host('acme'), token: owner, body: { followersCount: 1e300 } });
    expect(huge.status).toBe(400);
    expect(Object.keys(huge.body.fields)).toEqual(['followersCount']);
  });

  it('manual account: if its first numbers cannot be stored, the account is not left behind', async () => {
    const spy = jest.spyOn(t.app.get(InstagramDataRepository), 'upsertAccountMetrics').mockRejectedValueOnce(new Error('metrics insert failed'));
    try {
      const res = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'probe.atomic', followersCount: 5 } });
      expect(res.status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(await t.sql(`select 1 from ${await t.schemaOf('acme')}.instagram_accounts where username = 'probe.atomic'`)).toEqual([]);
  });

  it('CSV import: a cell the database cannot store rejects its row, never the file', async () => {
    const created = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'probe.csv', followersCount: 10 } });
    const csv = [
      'posted_at,caption,likes,reach,permalink',
      '2026-10-01,fine,1,2,https://example.test/p/1',
      '2026-10-02,nul\u0000here,1,2,',
      '2026-10-03,big,99999999999,2,',
      '1800-01-01,ancient,1,2,',
      '2026-10-04,lone \uDC00,1,2,',
      '2026-10-05,link,1,2,javascript:alert(1)',
    ].join('\n');
    const res = await t.request('POST', `/api/accounts/${created.body.id}/posts/import`, { host: host('acme'), token: owner, body: { csv } });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(1);
    expect(res.body.rejected.map((r: { row: number }) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect(res.body.rejected[0].reason).toMatch(/caption must not contain NUL/);
    expect(res.body.rejected[1].reason).toMatch(/likes must be at most 2147483647/);
    expect(res.body.rejected[2].reason).toMatch(/between 1970-01-01 and 2100-12-31/);
    expect(res.body.rejected[3].reason).toMatch(/surrogate/);
    expect(res.body.rejected[4].reason).toMatch(/permalink/);
  });

  it('admin status route: a bad reason applies nothing and writes no audit row; the id is bounded', async () => {
    const token = await t.adminLogin();
    const [globex] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'globex'`);
    const res = await t.request('PUT', `/api/admin-panel/tenants/${globex.id}/status`, { host: host('admin'), token, body: { status: 'suspended', reason: `late\u0000payer` } });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ reason: 'must not contain NUL characters' });
    expect(await t.sql(`select status from control.tenants where id = $1`, [globex.id])).toEqual([{ status: 'active' }]);
    expect(await t.sql(`select 1 from control.platform_audit_log where action = 'tenant.suspended' and tenant_id = $1`, [globex.id])).toEqual([]);
    const bigId = await t.request('PUT', '/api/admin-panel/tenants/99999999999/status', { host: host('admin'), token, body: { status: 'active' } });
    expect(bigId.status).toBe(400);
    expect(bigId.body.fields).toEqual({ id: 'must be at most 2147483647' });
  });

  it('admin settings are validated by type, naming the setting', async () => {
    const token = await t.adminLogin();
    const put = (values: Record<string, string>) => t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token, body: { values } });
    const cases: [string, string, RegExp][] = [
      ['openai.baseUrl', 'not a url', /absolute URL/],
      ['openai.baseUrl', 'ftp://x.example', /https/],
      ['instagram.redirectUri', 'http://evil.example/cb', /https/],
      ['instagram.redirectUri', 'javascript:alert(1)', /https/],
      ['resend.from', 'not-an-email', /e-mail/],
      ['stripe.secretKey', 'sk with spaces', /no spaces/],
      ['openai.apiKey', 'sk-\u0000', /NUL/],
    ];
    for (const [key, value, reason] of cases) {
      const res = await put({ [key]: value });
      expect(res.status).toBe(400);
      expect(res.body.fields[`values.${key}`]).toMatch(reason);
    }
    expect(await t.sql(`select key from control.system_settings`)).toEqual([]);
    const ok = await put({
      'openai.baseUrl': 'http://127.0.0.1:4010/v1',
      'instagram.redirectUri': 'https://app.example.com/api/instagram/callback',
      'resend.from': 'Acme Growth <hello@acme.example>',
    });
    expect(ok.status).toBe(200);
  });

  it('the Instagram redirect URI is checked again before it goes into an authorize URL', async () => {
    // As if configured before validation existed: the app's env says an http URI on a foreign host.
    // No console setting may override the env value here.
    const admin = await t.adminLogin();
    await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token: admin, body: { values: { 'instagram.redirectUri': null, 'instagram.appId': null, 'instagram.appSecret': null } } });
    const ig = t.config.instagram;
    const saved = { ...ig };
    const provider = t.app.get(InstagramClientProvider);
    Object.assign(ig, { appId: '123', appSecret: 'secret', redirectUri: 'http://evil.example/cb' });
    provider.invalidate();
    try {
      const res = await t.request('GET', '/api/instagram/auth/url', { host: host('acme'), token: owner });
      expect(res.status).toBe(503);
      expect(res.body.error).toBe('instagram_misconfigured');
      expect(JSON.stringify(res.body)).not.toContain('evil.example');
    } finally {
      Object.assign(ig, saved);
      provider.invalidate();
    }
  });

  it('slugs: no punycode, no double hyphens, conventional host names reserved (demo too)', async () => {
    for (const slug of ['xn--80ak6aa92e', 'my--shop']) {
      expect((await t.request('GET', `/api/auth/slug/${slug}`)).body).toMatchObject({ available: false, reason: 'invalid' });
    }
    for (const slug of ['demo', 'autodiscover', 'webmail', 'localhost', 'mail', 'smtp', 'ftp', 'ns1', 'www', 'api', 'admin', 'app', 'static']) {
      expect((await t.request('GET', `/api/auth/slug/${slug}`)).body).toMatchObject({ available: false, reason: 'reserved' });
    }
    const res = await register({ slug: 'autodiscover' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ slug: 'is reserved' });
  });

  it('passwords (NIST 800-63B): 10+ characters, not common, not the e-mail, not one repeated character', async () => {
    const cases: [string, RegExp][] = [
      [' '.repeat(10), /only spaces/],
      ['1234567890', /common/],
      ['Password123', /common/],
      ['aaaaaaaaaaaa', /repeat/],
      ['PAT.PROBE@PROBE.TEST', /e-mail/],
      ['pat.probe123', /e-mail/],
      ['pat.probe@probe.test', /e-mail/],
      ['short', /at least 10/],
    ];
    for (const [password, reason] of cases) {
      const res = await register({ slug: 'probe-pw', email: 'pat.probe@probe.test', password });
      expect(res.status).toBe(400);
      expect(res.body.fields.password).toMatch(reason);
    }
    expect(await t.sql(`select 1 from control.tenants where slug = 'probe-pw'`)).toEqual([]);
  });

  it('password reset and invitation accept apply the same rules; a refused password keeps the link usable', async () => {
    await t.request('POST', '/api/auth/forgot-password', { host: host('acme'), body: { email: 'client@acme.test' }, ip: '10.55.0.1' });
    const token = tokenFromMail((await t.waitForMail('client@acme.test', 'reset-password')).text);
    const weak = await t.request('POST', '/api/auth/reset-password', { host: host('acme'), body: { token, password: 'qwertyuiop' } });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.password).toMatch(/common/);
    const ok = await t.request('POST', '/api/auth/reset-password', { host: host('acme'), body: { token, password: 'client-new-password-4' } });
    expect(ok.status).toBe(200);

    await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'invitee.probe@example.test', role: 'client' } });
    const invite = tokenFromMail((await t.waitForMail('invitee.probe@example.test', 'invitation')).text);
    const mine = await t.request('POST', '/api/auth/accept-invitation', { host: host('acme'), body: { token: invite, name: 'Ivo', password: 'invitee.probe@example.test' } });
    expect(mine.status).toBe(400);
    expect(mine.body.fields.password).toMatch(/e-mail/);
    const accepted = await t.request('POST', '/api/auth/accept-invitation', { host: host('acme'), body: { token: invite, name: 'Ivo', password: 'a long passphrase here' } });
    expect(accepted.status).toBe(200);
  });

  it('manual accounts: the same handle twice (any case) is a 409 naming it', async () => {
    const first = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'twice.shop', followersCount: 1 } });
    expect(first.status).toBe(201);
    const again = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: '@Twice.Shop', followersCount: 2 } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'account_exists', fields: { username: expect.stringContaining('@twice.shop') } });
    // Once disconnected, the handle may be added again.
    await t.request('DELETE', `/api/accounts/${first.body.id}`, { host: host('acme'), token: owner });
    expect((await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'twice.shop', followersCount: 3 } })).status).toBe(201);
  });

  it('Cache-Control: no-store on API answers with tokens or personal data', async () => {
    const login = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'manager@acme.test', password: 'acme-password-123' } });
    expect(login.headers['cache-control']).toBe('no-store');
    const me = await t.request('GET', '/api/auth/me', { host: host('acme'), token: owner });
    expect(me.headers['cache-control']).toBe('no-store');
    const accounts = await t.request('GET', '/api/accounts', { host: host('acme'), token: owner });
    expect(accounts.headers['cache-control']).toBe('no-store');
    const error = await t.request('GET', '/api/auth/me', { host: host('acme') });
    expect(error.headers['cache-control']).toBe('no-store');
  });

  it('console: tenants list owner e-mail and usage; an outbox mail keeps its workspace', async () => {
    const token = await t.adminLogin();
    const tenants = await t.request('GET', '/api/admin-panel/tenants', { host: host('admin'), token });
    const acme = tenants.body.data.find((x: { slug: string }) => x.slug === 'acme');
    expect(acme).toMatchObject({ ownerEmail: 'owner@acme.test', userCount: expect.any(Number), accountCount: expect.any(Number) });
    expect(acme.userCount).toBeGreaterThanOrEqual(4);
    await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'label.probe@example.test', role: 'client' } });
    await t.waitForMail('label.probe@example.test', 'invitation');
    const list = await t.request('GET', '/api/admin-panel/outbox', { host: host('admin'), token });
    const item = list.body.data.find((m: { to: string }) => m.to === 'label.probe@example.test');
    const full = await t.request('GET', `/api/admin-panel/outbox/${item.id}`, { host: host('admin'), token });
    expect(full.body.tenantSlug).toBe('acme');
  });

  it('router errors answer in the API shape: bad percent-encoding and over-long path parts are a 400 naming (path); a long e-mail still routes', async () => {
    for (const url of ['/api/accounts/%ud800', '/api/auth/sessions/%ED%A0%80', `/api/auth/sessions/${'a'.repeat(600)}`]) {
      const res = await t.request(url.includes('sessions') ? 'DELETE' : 'GET', url, { host: host('acme'), token: owner });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'validation_failed', message: expect.stringMatching(/^Invalid input: \(path\) /), fields: { '(path)': expect.any(String) }, correlationId: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toContain('aaaaaaaa');
    }
    // 190 characters, a valid address: Fastify's default (100) answered 414 before the route ran.
    const email = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.example`;
    await t.sql(`insert into control.mail_suppressions (email, reason) values ($1, 'bounced')`, [email]);
    const admin = await t.adminLogin();
    const cleared = await t.request('DELETE', `/api/admin-panel/mail/suppressions/${encodeURIComponent(email)}`, { host: host('admin'), token: admin });
    expect(cleared.status).toBe(204);
    expect(await t.sql(`select 1 from control.mail_suppressions where email = $1`, [email])).toEqual([]);
  });

  it('a value of the wrong type is named with the type expected, never "is required"', async () => {
    const profile = (body: unknown) => t.request('PATCH', '/api/auth/profile', { host: host('acme'), token: owner, body });
    expect((await profile({ name: 123 })).body.fields).toEqual({ name: 'must be a string' });
    expect((await profile({ name: null })).body.fields).toEqual({ name: 'must be a string, not null' });
    expect((await profile({})).body.fields).toEqual({ name: 'is required' });
    expect((await profile([])).body.fields).toEqual({ '(body)': 'must be an object (given once, not a list)' });
    const page = await t.request('GET', '/api/content?page=abc', { host: host('acme'), token: owner });
    expect(page.status).toBe(400);
    expect(page.body.fields).toEqual({ page: 'must be a number' });
    const twice = await t.request('GET', '/api/content?page=1&page=2', { host: host('acme'), token: owner });
    expect(twice.status).toBe(400);
    expect(twice.body.fields).toEqual({ page: 'must be a number (given once, not a list)' });
  });

  it('an unknown invitation token is a 404 that names the token, like the other one-time links', async () => {
    const accept = await t.request('POST', '/api/auth/accept-invitation', { host: host('acme'), body: { token: 'a'.repeat(43), name: 'Pat Probe', password: 'probe-password-77' } });
    const preview = await t.request('GET', `/api/auth/invitations/${'a'.repeat(43)}`, { host: host('acme') });
    for (const res of [accept, preview]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: 'invalid_token', fields: { token: 'is invalid, used or expired' } });
    }
  });

  it('a JSON body with __proto__ or constructor.prototype is refused as such (it is valid JSON), and changes nothing', async () => {
    for (const body of ['{"__proto__":{"role":"owner"},"name":"Pat Proto"}', '{"constructor":{"prototype":{"role":"owner"}},"name":"Pat Proto"}']) {
      const res = await t.request('PATCH', '/api/auth/profile', { host: host('acme'), token: owner, body });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ '(body)': 'must not contain the keys __proto__ or constructor.prototype' });
    }
    const broken = await t.request('PATCH', '/api/auth/profile', { host: host('acme'), token: owner, body: '{"name":' });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/not valid JSON/);
    expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token: owner })).body.user.name).not.toBe('Pat Proto');
  });

  it('branding upload: a multipart body without boundary or cut short is a 400 not_multipart, not a 500', async () => {
    const before = await t.request('GET', '/api/branding', { host: host('acme'), token: owner });
    const send = (contentType: string, payload: string) =>
      t.app.getHttpAdapter().getInstance().inject({ method: 'POST', url: '/api/branding/assets', headers: { host: host('acme'), authorization: `Bearer ${owner}`, 'content-type': contentType }, payload });
    for (const [contentType, payload] of [['multipart/form-data', 'x'], ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nlo']]) {
      const res = await send(contentType, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'not_multipart', fields: { file: 'could not be read' } });
    }
    expect((await t.request('GET', '/api/branding', { host: host('acme'), token: owner })).body).toEqual(before.body);
  });
});
