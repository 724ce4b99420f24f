import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyManifest } from '../src/workspaces/manifest-apply.js';
import { routeTable } from './support/route-table.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

const NORTHWIND = resolve(process.cwd(), 'tenants/northwind-agency/tenant.json');

describe('tenant manifests, the northwind agency, clients and the client-user sweep', () => {
  let t: TestApp;
  let owner: string;
  let client: string;
  let harborId: string;
  let fjordId: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('creates northwind from its manifest, and a second run changes nothing', async () => {
    const first = await applyManifest(t.app, NORTHWIND);
    expect(first.created).toBe(true);
    expect(first.changes.join('\n')).toMatch(/plan: trial → agency/);
    expect(first.changes.join('\n')).toMatch(/branding: .*displayName/);
    expect(first.changes.join('\n')).toMatch(/client: add Harbor Coffee/);
    const second = await applyManifest(t.app, NORTHWIND);
    expect(second).toEqual({ slug: 'northwind', created: false, changes: [] });
  });

  it('dry-run reports a change without making it; the real run applies it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-manifest-'));
    cpSync(resolve(NORTHWIND, '..'), dir, { recursive: true });
    const file = join(dir, 'tenant.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    m.branding.accentColor = '#be123c';
    writeFileSync(file, JSON.stringify(m));
    const dry = await applyManifest(t.app, file, { dryRun: true });
    expect(dry.changes).toEqual(['branding: accentColor']);
    expect((await t.request('GET', '/api/branding', { host: host('northwind') })).body.accentColor).toBe('#c2410c');
    expect((await applyManifest(t.app, file)).changes).toEqual(['branding: accentColor']);
    expect((await t.request('GET', '/api/branding', { host: host('northwind') })).body.accentColor).toBe('#be123c');
    expect((await applyManifest(t.app, NORTHWIND)).changes).toEqual(['branding: accentColor']);
  });

  it('serves northwind in its own brand, with "powered by" hidden on the agency plan', async () => {
    const res = await t.request('GET', '/api/branding', { host: host('northwind') });
    expect(res.body).toMatchObject({ name: 'Northwind Growth', primaryColor: '#0e7490', accentColor: '#c2410c', showPoweredBy: false, canHidePoweredBy: true, emailSenderName: 'Northwind Growth' });
    expect(res.body.logoUrl).toMatch(/\.svg$/);
    const logo = await t.request('GET', res.body.logoUrl, { host: host('northwind') });
    expect(logo.status).toBe(200);
    expect(String(logo.body)).toContain('<rect');
    const domains = await t.sql<{ hostname: string }>(`select hostname from control.domains d join control.tenants t on t.id = d.tenant_id where t.slug = 'northwind'`);
    expect(domains.map((d) => d.hostname)).toEqual(['growth.northwind.test']);
  });

  it('lets the owner manage clients; bad input is a 400 naming the field', async () => {
    owner = (await t.login('northwind', 'owner@northwind.test', 'northwind-password-123')).token;
    const list = await t.request('GET', '/api/clients', { host: host('northwind'), token: owner });
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['Fjord Outdoor', 'Harbor Coffee']);
    const harbor = list.body.items.find((c: { name: string }) => c.name === 'Harbor Coffee');
    expect(harbor.members.map((m: { email: string }) => m.email)).toEqual(['client@harbor-coffee.test']);
    harborId = harbor.accountIds[0];
    fjordId = list.body.items.find((c: { name: string }) => c.name === 'Fjord Outdoor').accountIds[0];
    expect(harborId && fjordId).toBeTruthy();
    const bad = await t.request('POST', '/api/clients', { host: host('northwind'), token: owner, body: { name: '', contacts: [{ name: 'x', email: 'nope' }] } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['name', 'contacts.0.email']));
    const dup = await t.request('POST', '/api/clients', { host: host('northwind'), token: owner, body: { name: 'harbor coffee' } });
    expect(dup.status).toBe(409);
    const unknown = await t.request('PUT', `/api/clients/${harbor.id}/accounts`, { host: host('northwind'), token: owner, body: { ids: [harborId, '00000000-0000-4000-8000-000000000000'] } });
    expect(unknown.body.error).toBe('unknown_accounts');
    // Another workspace cannot see or touch it.
    const acme = (await t.login('acme', 'owner@acme.test')).token;
    expect((await t.request('GET', `/api/clients/${harbor.id}`, { host: host('acme'), token: acme })).status).toBe(404);
    expect((await t.request('PUT', `/api/clients/${harbor.id}/accounts`, { host: host('acme'), token: acme, body: { ids: [] } })).status).toBe(404);
  });

  it("client-user sweep: on every route the client user sees only their client's accounts", async () => {
    client = (await t.login('northwind', 'client@harbor-coffee.test', 'northwind-client-123')).token;
    const accounts = await t.request('GET', '/api/accounts', { host: host('northwind'), token: client });
    expect(accounts.status).toBe(200);
    expect(JSON.stringify(accounts.body)).toContain(harborId);
    const fjordUsername = 'fjord.outdoor';
    const failures: string[] = [];
    const routes = routeTable(t.app).filter((r) => r.realm === 'workspace' && r.method === 'GET');
    for (const r of routes) {
      // Share pages live outside the /api prefix and are public by token: a guessed token is a 404.
      if (r.path.startsWith('/api/r/')) {
        const share = await t.request('GET', r.path.replace('/api', '').replace(/:([A-Za-z]+)/g, fjordId), { host: host('northwind') });
        if (share.status !== 404) failures.push(`${r.path} → ${share.status} for a guessed token`);
        continue;
      }
      const path = r.path.replace(/:([A-Za-z]+)/g, fjordId);
      const res = await t.request('GET', path, { host: host('northwind'), token: client });
      const text = JSON.stringify(res.body ?? '');
      if (r.params.length && ![403, 404].includes(res.status)) failures.push(`${r.path} → ${res.status}`);
      if (text.includes(fjordId) || text.includes(fjordUsername)) failures.push(`${r.path} leaks the other client's account`);
      if (res.status >= 500) failures.push(`${r.path} → ${res.status}`);
    }
    expect(routes.length).toBeGreaterThan(5);
    expect(failures).toEqual([]);
    // Client users cannot manage clients, branding or domains.
    for (const [method, path] of [['GET', '/api/clients'], ['PUT', '/api/branding'], ['GET', '/api/domains']] as const) {
      expect((await t.request(method, path, { host: host('northwind'), token: client, body: method === 'PUT' ? { primaryColor: '#000000' } : undefined })).status).toBe(403);
    }
  });

  it('moving an account between clients moves the client user access with it', async () => {
    const list = (await t.request('GET', '/api/clients', { host: host('northwind'), token: owner })).body.items;
    const harbor = list.find((c: { name: string }) => c.name === 'Harbor Coffee');
    const set = await t.request('PUT', `/api/clients/${harbor.id}/accounts`, { host: host('northwind'), token: owner, body: { ids: [fjordId] } });
    expect(set.body.accountIds).toEqual([fjordId]);
    const seen = JSON.stringify((await t.request('GET', '/api/accounts', { host: host('northwind'), token: client })).body);
    expect(seen).toContain(fjordId);
    expect(seen).not.toContain(harborId);
    expect((await t.request('DELETE', `/api/clients/${harbor.id}`, { host: host('northwind'), token: owner })).status).toBe(204);
    const none = JSON.stringify((await t.request('GET', '/api/accounts', { host: host('northwind'), token: client })).body);
    expect(none).not.toContain(fjordId);
  });
});
