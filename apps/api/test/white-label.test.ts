import { deflateSync } from 'node:zlib';
import { TenantResolver } from '../src/core/tenancy/tenant-resolver.service.js';
import { BrandingService } from '../src/branding/branding.service.js';
import { TenantContext } from '../src/core/tenancy/tenant-context.js';
import { DomainsService } from '../src/domains/domains.service.js';
import { startFakeDns, type FakeDns } from './support/fake-dns.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/** A real, decodable PNG of the given size (one colour). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x40)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function multipart(fields: Record<string, string>, file?: { name: string; filename: string; type: string; bytes: Buffer }) {
  const boundary = '----igtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\ncontent-type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('white-label: branding, assets, custom domains, TLS ask', () => {
  let t: TestApp;
  let dns: FakeDns;
  let owner: string;
  let manager: string | undefined;
  let globexOwner: string;

  const upload = async (kind: string, bytes: Buffer, filename = 'file.bin', token = owner, slug = 'acme') => {
    const form = multipart({ kind }, { name: 'file', filename, type: 'application/octet-stream', bytes });
    const res = await t.app.getHttpAdapter().getInstance().inject({
      method: 'POST',
      url: '/api/branding/assets',
      headers: { host: host(slug), authorization: `Bearer ${token}`, 'content-type': form.contentType },
      payload: form.body,
    });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };

  beforeAll(async () => {
    dns = await startFakeDns();
    t = await createTestApp({ DNS_SERVERS: dns.server, CUSTOM_DOMAIN_TARGET: 'edge.instagrowth.test' });
    // White-label features come from the plan (LimitsService): both are on Enterprise here (custom domains).
    await t.sql(`update control.tenants set plan_code = 'enterprise' where slug in ('acme', 'globex')`);
    await t.app.get(TenantResolver).invalidate();
    owner = (await t.login('acme', 'owner@acme.test')).token;
    globexOwner = (await t.login('globex', 'owner@globex.test')).token;
    const members = await t.sql<{ email: string; role: string }>(`select email, role from ${await t.schemaOf('acme')}.users where role = 'manager' limit 1`);
    if (members[0]) manager = (await t.login('acme', members[0].email)).token;
  });
  afterAll(async () => {
    await t.close();
    await dns.close();
  });

  describe('branding', () => {
    it('is public on the workspace host and changes with PUT, with contrast warnings', async () => {
      const before = await t.request('GET', '/api/branding', { host: host('acme') });
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({ showPoweredBy: true, faviconUrl: null });

      const put = await t.request('PUT', '/api/branding', { host: host('acme'), token: owner, body: { name: 'Acme Growth', primaryColor: '#0F766E', accentColor: '#ffff00', reportFooter: 'Acme Growth · hello@acme.test', emailReplyTo: 'Hello@Acme.test', showPoweredBy: false } });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ name: 'Acme Growth', primaryColor: '#0f766e', accentColor: '#ffff00', emailReplyTo: 'hello@acme.test', showPoweredBy: false, emailSenderName: 'Acme Growth' });
      // Yellow on white is about 1.07:1: warned, not refused.
      expect(put.body.warnings.some((w: { fields: string[] }) => w.fields.includes('accentColor'))).toBe(true);
      expect(put.body.warnings.some((w: { fields: string[] }) => w.fields.length === 1 && w.fields[0] === 'primaryColor')).toBe(false);

      const after = await t.request('GET', '/api/branding', { host: host('acme') });
      expect(after.body).toMatchObject({ name: 'Acme Growth', primaryColor: '#0f766e' });
      const context = await t.request('GET', '/api/context', { host: host('acme') });
      expect(context.body.workspace.branding.primaryColor).toBe('#0f766e');
      // The other workspace is untouched.
      expect((await t.request('GET', '/api/branding', { host: host('globex') })).body.name).not.toBe('Acme Growth');
    });

    it('refuses bad input naming the field, and non-admins', async () => {
      const bad = await t.request('PUT', '/api/branding', { host: host('acme'), token: owner, body: { primaryColor: 'red', emailReplyTo: 'nope', extra: 1 } });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['primaryColor', 'emailReplyTo']));
      expect((await t.request('PUT', '/api/branding', { host: host('acme'), body: { primaryColor: '#000000' } })).status).toBe(401);
      if (manager) expect((await t.request('PUT', '/api/branding', { host: host('acme'), token: manager, body: { primaryColor: '#000000' } })).status).toBe(403);
    });

    it('keeps "powered by" on plans that cannot hide it', async () => {
      await t.sql(`update control.tenants set plan_code = 'starter' where slug = 'globex'`);
      await t.app.get(TenantResolver).invalidate();
      const res = await t.request('PUT', '/api/branding', { host: host('globex'), token: globexOwner, body: { showPoweredBy: false } });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('plan_feature_unavailable');
      expect(res.body.message).toMatch(/Starter plan/);
      // Starter has no custom domains at all: 403 naming the plan, before any count.
      const domain = await t.request('POST', '/api/domains', { host: host('globex'), token: globexOwner, body: { hostname: 'growth.globex-agency.com' } });
      expect(domain.status).toBe(403);
      expect(domain.body.message).toMatch(/Custom domains is not part of your Starter plan/);
      expect((await t.request('GET', '/api/branding', { host: host('globex') })).body.showPoweredBy).toBe(true);
      await t.sql(`update control.tenants set plan_code = 'enterprise' where slug = 'globex'`);
      await t.app.get(TenantResolver).invalidate();
    });

    it('stores a PNG by content hash and serves it immutable', async () => {
      const bytes = png(64, 32);
      const res = await upload('logo', bytes, 'logo.svg');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'logo', contentType: 'image/png', width: 64, height: 32, sanitized: false });
      expect(res.body.url).toMatch(/^\/api\/branding\/assets\/[0-9a-f]{20}\.png$/);
      expect(res.body.branding.logoUrl).toBe(res.body.url);
      const served = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: res.body.url, headers: { host: host('acme') } });
      expect(served.statusCode).toBe(200);
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.rawPayload.equals(bytes)).toBe(true);
      // Another workspace's host does not serve it.
      expect((await t.request('GET', res.body.url, { host: host('globex') })).status).toBe(404);
      // The PDF renderer's input carries it inline.
      const pdf = await t.app.get(TenantContext).run((await t.app.get(TenantResolver).resolve(host('acme')) as unknown as { tenant: never }).tenant, () => t.app.get(BrandingService).forPdf());
      expect(pdf).toMatchObject({ name: 'Acme Growth', primaryColor: '#0f766e', footerText: 'Acme Growth · hello@acme.test', showPoweredBy: false });
      expect(pdf.logoDataUri).toBe(`data:image/png;base64,${bytes.toString('base64')}`);
    });

    it('checks type by content, size and dimensions', async () => {
      const text = await upload('logo', Buffer.from('GIF89a not really'), 'logo.png');
      expect(text.status).toBe(400);
      expect(text.body).toMatchObject({ error: 'unsupported_image', fields: { file: expect.any(String) } });
      const tiny = await upload('logo', png(8, 8));
      expect(tiny.body.error).toBe('bad_dimensions');
      const wide = await upload('favicon', png(64, 32));
      expect(wide.body.error).toBe('bad_dimensions');
      const missingKind = await upload('', png(32, 32));
      expect(missingKind.status).toBe(400);
      expect(missingKind.body.fields.kind).toBeDefined();
      const json = await t.request('POST', '/api/branding/assets', { host: host('acme'), token: owner, body: { kind: 'logo' } });
      expect(json.status).toBe(400);
    });

    it('cleans an SVG with a script, handlers and outside references', async () => {
      const evil = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="32" height="32" onload="alert(1)">
        <script>alert(document.cookie)</script>
        <foreignObject><iframe src="https://evil.test"></iframe></foreignObject>
        <image href="https://evil.test/track.png" width="10" height="10"/>
        <use xlink:href="https://evil.test/sprite.svg#a"/>
        <rect width="32" height="32" fill="url(https://evil.test/p)" style="fill:url(http://x)" onclick="x()"/>
        <circle cx="16" cy="16" r="8" fill="#0f766e"/></svg>`;
      const res = await upload('favicon', Buffer.from(evil), 'icon.png');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ contentType: 'image/svg+xml', sanitized: true, width: 32, height: 32 });
      const served = await t.request('GET', res.body.url, { host: host('acme') });
      const svg = String(served.body);
      for (const bad of ['script', 'onload', 'onclick', 'foreignObject', 'iframe', 'evil.test', '<image', 'http://x']) expect(svg).not.toContain(bad);
      expect(svg).toContain('<circle');
      expect(served.headers['content-security-policy']).toContain("default-src 'none'");
      const entity = await upload('logo', Buffer.from('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg width="20" height="20">&x;</svg>'));
      expect(entity).toMatchObject({ status: 400, body: { error: 'unsafe_svg' } });
    });
  });

  describe('custom domains', () => {
    let id: string;
    let token: string;

    it('adds a domain with its DNS records; bad and reserved names are 400', async () => {
      const res = await t.request('POST', '/api/domains', { host: host('acme'), token: owner, body: { hostname: 'Growth.Acme-Agency.com.' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ hostname: 'growth.acme-agency.com', status: 'pending' });
      id = res.body.id;
      const txt = res.body.records.find((r: { type: string }) => r.type === 'TXT');
      expect(txt.name).toBe('_instagrowth.growth.acme-agency.com');
      token = txt.value;
      expect(res.body.records).toContainEqual({ type: 'CNAME', name: 'growth.acme-agency.com', value: 'edge.instagrowth.test' });
      expect((await t.request('POST', '/api/domains', { host: host('acme'), token: owner, body: { hostname: 'http://x/y' } })).body.fields.hostname).toBeDefined();
      expect((await t.request('POST', '/api/domains', { host: host('acme'), token: owner, body: { hostname: 'x.instagrowth.test' } })).body.error).toBe('reserved_domain');
      expect((await t.request('POST', '/api/domains', { host: host('globex'), token: globexOwner, body: { hostname: 'growth.acme-agency.com' } })).status).toBe(409);
    });

    it('stays pending without the record or with a wrong token; the host does not route', async () => {
      let res = await t.request('POST', `/api/domains/${id}/verify`, { host: host('acme'), token: owner });
      expect(res.body).toMatchObject({ status: 'pending', reason: expect.stringContaining('No TXT record') });
      dns.records.set('_instagrowth.growth.acme-agency.com', { TXT: ['instagrowth-verify=wrong'] });
      res = await t.request('POST', `/api/domains/${id}/verify`, { host: host('acme'), token: owner });
      expect(res.body).toMatchObject({ status: 'pending', reason: expect.stringContaining('different token') });
      expect((await t.request('GET', '/api/branding', { host: 'growth.acme-agency.com' })).status).toBe(404);
      expect((await t.request('GET', '/api/tls/ask?domain=growth.acme-agency.com')).status).toBe(404);
    });

    it('verifies against DNS, routes the host to the workspace and lets TLS issue', async () => {
      dns.records.set('_instagrowth.growth.acme-agency.com', { TXT: [token] });
      dns.records.set('growth.acme-agency.com', { CNAME: 'edge.instagrowth.test' });
      const res = await t.request('POST', `/api/domains/${id}/verify`, { host: host('acme'), token: owner });
      expect(res.body).toMatchObject({ status: 'verified', reason: null, verifiedAt: expect.any(String) });
      const branded = await t.request('GET', '/api/branding', { host: 'growth.acme-agency.com' });
      expect(branded).toMatchObject({ status: 200, body: { name: 'Acme Growth' } });
      expect((await t.request('GET', '/api/context', { host: 'growth.acme-agency.com' })).body.workspace.slug).toBe('acme');
      // The ask answers on any host: root, a workspace, a bare IP.
      for (const h of [host(), host('globex'), '10.0.0.1']) expect((await t.request('GET', '/api/tls/ask?domain=growth.acme-agency.com', { host: h })).status).toBe(200);
      expect((await t.request('GET', '/api/tls/ask?domain=other.example.com')).status).toBe(404);
      expect((await t.request('GET', '/api/tls/ask')).status).toBe(400);
      // A suspended workspace gets no certificates.
      await t.sql(`update control.tenants set status = 'suspended' where slug = 'acme'`);
      expect((await t.request('GET', '/api/tls/ask?domain=growth.acme-agency.com')).status).toBe(404);
      await t.sql(`update control.tenants set status = 'active' where slug = 'acme'`);
      await t.app.get(TenantResolver).invalidate();
    });

    it('is invisible to another workspace', async () => {
      expect((await t.request('POST', `/api/domains/${id}/verify`, { host: host('globex'), token: globexOwner })).status).toBe(404);
      expect((await t.request('DELETE', `/api/domains/${id}`, { host: host('globex'), token: globexOwner })).status).toBe(404);
      expect(JSON.stringify((await t.request('GET', '/api/domains', { host: host('globex'), token: globexOwner })).body)).not.toContain(id);
      expect((await t.request('GET', '/api/domains', { host: host('acme'), token: owner })).body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    });

    it('drops back to pending when the record is removed later (periodic re-check)', async () => {
      dns.records.delete('_instagrowth.growth.acme-agency.com');
      const result = await t.app.get(DomainsService).recheckAll();
      expect(result).toMatchObject({ checked: 1, changed: 1 });
      const list = await t.request('GET', '/api/domains', { host: host('acme'), token: owner });
      expect(list.body.items[0]).toMatchObject({ status: 'pending', verifiedAt: null });
      expect((await t.request('GET', '/api/branding', { host: 'growth.acme-agency.com' })).status).toBe(404);
      expect((await t.request('GET', '/api/tls/ask?domain=growth.acme-agency.com')).status).toBe(404);
    });

    it('stops routing at once when deleted', async () => {
      dns.records.set('_instagrowth.growth.acme-agency.com', { TXT: [token] });
      await t.request('POST', `/api/domains/${id}/verify`, { host: host('acme'), token: owner });
      expect((await t.request('GET', '/api/branding', { host: 'growth.acme-agency.com' })).status).toBe(200);
      expect((await t.request('DELETE', `/api/domains/${id}`, { host: host('acme'), token: owner })).status).toBe(204);
      expect((await t.request('GET', '/api/branding', { host: 'growth.acme-agency.com' })).status).toBe(404);
      expect((await t.request('GET', '/api/tls/ask?domain=growth.acme-agency.com')).status).toBe(404);
    });
  });
});
