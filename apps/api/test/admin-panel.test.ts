import { generateSync } from 'otplib';
import { ADMIN } from './support/services.mjs';
import { createTestApp, host, type TestApp } from './support/test-app.js';

describe('super-admin realm', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const login = (body: Record<string, unknown>, ip = '127.0.0.1') => t.request('POST', '/api/admin-panel/auth/login', { host: host('admin'), body, ip });

  it('signs in with password + TOTP, and refuses either being wrong', async () => {
    const ok = await login({ email: ADMIN.email, password: ADMIN.password, totp: generateSync({ secret: ADMIN.totpSecret }) });
    expect(ok.status).toBe(200);
    expect(ok.body.admin.email).toBe(ADMIN.email);
    const badTotp = await login({ email: ADMIN.email, password: ADMIN.password, totp: '000000' }, '10.9.9.1');
    expect(badTotp.status).toBe(401);
    const badPassword = await login({ email: ADMIN.email, password: 'wrong-password', totp: generateSync({ secret: ADMIN.totpSecret }) }, '10.9.9.1');
    expect(badPassword.status).toBe(401);
    const malformed = await login({ email: ADMIN.email, password: ADMIN.password, totp: '12ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields.totp).toMatch(/6-digit/);
  });

  it('answers only on the admin host, and workspace tokens are not admin tokens', async () => {
    expect((await t.request('POST', '/api/admin-panel/auth/login', { host: host('acme'), body: {} })).status).toBe(404);
    const member = (await t.login('acme', 'owner@acme.test')).token;
    expect((await t.request('GET', '/api/admin-panel/settings', { host: host('admin'), token: member })).status).toBe(401);
    const admin = await t.adminLogin();
    expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token: admin })).status).toBe(401);
  });

  it('stores settings encrypted at rest and never returns a secret in plain text', async () => {
    const token = await t.adminLogin();
    const secret = 'sk-test-0123456789abcdefSECRET';
    const put = await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token, body: { values: { 'openai.apiKey': secret, 'openai.model': 'gpt-4.1-mini' } } });
    expect(put.status).toBe(200);
    const get = await t.request('GET', '/api/admin-panel/settings', { host: host('admin'), token });
    expect(get.status).toBe(200);
    const text = JSON.stringify(get.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('0123456789abcdef');
    const key = get.body.data.find((s: { key: string }) => s.key === 'openai.apiKey');
    expect(key).toMatchObject({ isSet: true, secret: true });
    expect(key.value.endsWith('CRET')).toBe(true);
    expect(get.body.data.find((s: { key: string }) => s.key === 'openai.model').value).toBe('gpt-4.1-mini');
    const rows = await t.sql<{ value_enc: string }>(`select value_enc from control.system_settings where key = 'openai.apiKey'`);
    expect(rows[0].value_enc).not.toContain('sk-test');
    const audit = await t.sql<{ meta: { keys: string[] } }>(`select meta from control.platform_audit_log where action = 'settings.updated'`);
    expect(JSON.stringify(audit)).not.toContain(secret);

    const cleared = await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token, body: { values: { 'openai.apiKey': null } } });
    expect(cleared.body.data.find((s: { key: string }) => s.key === 'openai.apiKey')).toMatchObject({ isSet: false, value: null });
  });

  it('rejects unknown settings keys and empty updates with 400', async () => {
    const token = await t.adminLogin();
    const unknown = await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token, body: { values: { 'db.password': 'x' } } });
    expect(unknown.status).toBe(400);
    const empty = await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token, body: { values: {} } });
    expect(empty.status).toBe(400);
    expect(empty.body.fields.values).toBeDefined();
  });

  it('suspends a workspace (403 at once, audited) and reactivates it', async () => {
    const token = await t.adminLogin();
    const member = (await t.login('globex', 'owner@globex.test')).token;
    const globex = (await t.request('GET', '/api/admin-panel/tenants', { host: host('admin'), token })).body.data.find((x: { slug: string }) => x.slug === 'globex');
    const suspended = await t.request('PUT', `/api/admin-panel/tenants/${globex.id}/status`, { host: host('admin'), token, body: { status: 'suspended', reason: 'unpaid' } });
    expect(suspended.body).toMatchObject({ slug: 'globex', status: 'suspended' });
    const blocked = await t.request('GET', '/api/auth/me', { host: host('globex'), token: member });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error).toBe('workspace_suspended');
    expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token: (await t.login('acme', 'owner@acme.test')).token })).status).toBe(200);
    const audit = await t.sql(`select meta from control.platform_audit_log where action = 'tenant.suspended' and tenant_id = $1`, [globex.id]);
    expect(audit).toEqual([{ meta: { reason: 'unpaid' } }]);
    await t.request('PUT', `/api/admin-panel/tenants/${globex.id}/status`, { host: host('admin'), token, body: { status: 'active' } });
    expect((await t.request('GET', '/api/auth/me', { host: host('globex'), token: member })).status).toBe(200);
    const bad = await t.request('PUT', `/api/admin-panel/tenants/${globex.id}/status`, { host: host('admin'), token, body: { status: 'deleted' } });
    expect(bad.status).toBe(400);
    expect((await t.request('PUT', '/api/admin-panel/tenants/99999/status', { host: host('admin'), token, body: { status: 'active' } })).status).toBe(404);
  });

  it('reads the mail outbox and the tenant list', async () => {
    const owner = (await t.login('acme', 'owner@acme.test')).token;
    await t.request('POST', '/api/team/invitations', { host: host('acme'), token: owner, body: { email: 'outbox@example.test', role: 'client' } });
    await t.waitForMail('outbox@example.test', 'invitation');
    const token = await t.adminLogin();
    const list = await t.request('GET', '/api/admin-panel/outbox', { host: host('admin'), token });
    const item = list.body.data.find((m: { to: string }) => m.to === 'outbox@example.test');
    expect(item).toMatchObject({ template: 'invitation', tenantSlug: 'acme' });
    const full = await t.request('GET', `/api/admin-panel/outbox/${item.id}`, { host: host('admin'), token });
    expect(full.body.html).toContain('Acme Agency');
    const tenants = await t.request('GET', '/api/admin-panel/tenants', { host: host('admin'), token });
    expect(tenants.body.data.map((x: { slug: string }) => x.slug)).toEqual(expect.arrayContaining(['acme', 'globex']));
  });
});
