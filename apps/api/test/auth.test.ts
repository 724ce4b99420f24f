import { TENANT_MIGRATIONS } from '../src/core/database/migrations/index.js';
import { TenantResolver } from '../src/core/tenancy/tenant-resolver.service.js';
import { createTestApp, host, tokenFromMail, type TestApp } from './support/test-app.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  describe('login', () => {
    it('answers { accessToken, expiresIn, user } and sets an httpOnly refresh cookie', async () => {
      const res = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'owner@acme.test', password: 'acme-password-123' } });
      expect(res.status).toBe(200);
      expect(res.body.expiresIn).toBeLessThanOrEqual(900);
      expect(res.body.user).toMatchObject({ email: 'owner@acme.test', role: 'owner' });
      const [header] = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
      expect(header).toMatch(/^ig_refresh=/);
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/Path=\/api\/auth/);
    });

    it('pins the JWT algorithm, audience, issuer and type', async () => {
      const { token } = await t.login('acme', 'owner@acme.test');
      const [h, p] = token.split('.').slice(0, 2).map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(h.alg).toBe('HS256');
      expect(p).toMatchObject({ aud: 'instagrowth:workspace', iss: 'http://instagrowth.test', typ: 'access' });
      expect(p.exp - p.iat).toBeLessThanOrEqual(900);
      // alg=none is refused.
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${token.split('.')[1]}.`;
      expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token: none })).status).toBe(401);
    });

    it('rejects a wrong password with 401 and the same answer for an unknown e-mail', async () => {
      const wrong = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'admin@acme.test', password: 'nope-nope-nope' }, ip: '10.0.0.9' });
      const unknown = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'ghost@acme.test', password: 'nope-nope-nope' }, ip: '10.0.0.9' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.error).toBe('invalid_credentials');
      expect(unknown.body.message).toBe(wrong.body.message);
    });

    it('names the bad field on bad input', async () => {
      const res = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'not-an-email' } });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(res.body.fields).toMatchObject({ email: expect.any(String), password: 'is required' });
      const notJson = await t.request('POST', '/api/auth/login', { host: host('acme'), body: '{"email":', headers: { 'content-type': 'application/json' } });
      expect(notJson.status).toBe(400);
    });

    it('answers 429 with Retry-After on the Nth failure, without locking out another account on the same IP', async () => {
      const ip = '10.1.2.3';
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'manager@acme.test', password: `wrong-${i}-password` }, ip });
        statuses.push(r.status);
        if (r.status === 429) {
          expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
          expect(r.body.error).toBe('too_many_attempts');
        }
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      // Even the right password is refused while locked.
      const locked = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'manager@acme.test', password: 'acme-password-123' }, ip });
      expect(locked.status).toBe(429);
      const colleague = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'client@acme.test', password: 'acme-password-123' }, ip });
      expect(colleague.status).toBe(200);
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use; a reused token answers 401 and revokes the whole family', async () => {
      const { refreshCookie } = await t.login('acme', 'admin@acme.test');
      const first = await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie });
      expect(first.status).toBe(200);
      expect(first.body.accessToken).toEqual(expect.any(String));
      const rotated = `ig_refresh=${first.cookies.find((c) => c.name === 'ig_refresh')!.value}`;
      expect(rotated).not.toBe(refreshCookie);

      // Past the two-tab grace: age the used token instead of waiting.
      await t.sql(`update ${await t.schemaOf('acme')}.refresh_tokens set used_at = used_at - interval '10 seconds' where used_at is not null`);
      const reuse = await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie });
      expect(reuse.status).toBe(401);
      // The legitimate newer token died with its family.
      const afterReuse = await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: rotated });
      expect(afterReuse.status).toBe(401);
      const acme = await t.schemaOf('acme');
      const family = await t.sql<{ revoked: string }>(
        `select count(*) filter (where revoked_at is null) as revoked from ${acme}.refresh_tokens rt join ${acme}.users u on u.id = rt.user_id where u.email = 'admin@acme.test'`,
      );
      expect(Number(family[0].revoked)).toBe(0);
    });

    it('logout revokes the session', async () => {
      const { refreshCookie } = await t.login('acme', 'client@acme.test');
      expect((await t.request('POST', '/api/auth/logout', { host: host('acme'), cookie: refreshCookie })).status).toBe(204);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie })).status).toBe(401);
    });

    it('does not accept a refresh cookie on another workspace', async () => {
      const { refreshCookie } = await t.login('acme', 'owner@acme.test');
      expect((await t.request('POST', '/api/auth/refresh', { host: host('globex'), cookie: refreshCookie })).status).toBe(401);
    });
  });

  describe('me', () => {
    it('returns the user, the workspace and the ability rules', async () => {
      const { token } = await t.login('acme', 'admin@acme.test');
      const res = await t.request('GET', '/api/auth/me', { host: host('acme'), token });
      expect(res.status).toBe(200);
      expect(res.body.workspace).toMatchObject({ slug: 'acme', name: 'Acme Agency' });
      expect(Array.isArray(res.body.rules)).toBe(true);
    });

    it("refuses another workspace's token with 401", async () => {
      const { token } = await t.login('acme', 'owner@acme.test');
      const res = await t.request('GET', '/api/auth/me', { host: host('globex'), token });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('wrong_workspace');
    });
  });

  describe('sign-up', () => {
    it('says whether a slug is free, taken, reserved or invalid', async () => {
      expect((await t.request('GET', '/api/auth/slug/acme')).body).toMatchObject({ available: false, reason: 'taken' });
      expect((await t.request('GET', '/api/auth/slug/admin')).body).toMatchObject({ available: false, reason: 'reserved' });
      expect((await t.request('GET', '/api/auth/slug/A_B')).body).toMatchObject({ available: false, reason: 'invalid' });
      expect((await t.request('GET', '/api/auth/slug/fresh-one')).body).toEqual({ slug: 'fresh-one', available: true });
    });

    it('creates a workspace with its own schema, owner and verification mail; then the owner logs in', async () => {
      const res = await t.request('POST', '/api/auth/register', {
        body: { workspaceName: 'Initech Growth', slug: 'initech', name: 'Ivy Owner', email: 'ivy@initech.test', password: 'initech-password-1' },
      });
      expect(res.status).toBe(201);
      expect(res.body.workspaceUrl).toBe('http://initech.instagrowth.test');
      expect(res.body.loginUrl).toContain('/login?email=ivy%40initech.test');
      const [tenant] = await t.sql<{ schema_name: string; status: string; schema_version: number }>(`select schema_name, status, schema_version from control.tenants where slug = 'initech'`);
      expect(tenant).toMatchObject({ status: 'active', schema_version: TENANT_MIGRATIONS.length });
      expect(tenant.schema_name).toMatch(/^t_[a-z0-9]+$/);
      const owners = await t.sql(`select role from ${tenant.schema_name}.users`);
      expect(owners).toEqual([{ role: 'owner' }]);

      const mail = await t.waitForMail('ivy@initech.test', 'verify-email');
      const session = await t.login('initech', 'ivy@initech.test', 'initech-password-1');
      expect(session.user.emailVerified).toBe(false);
      const verified = await t.request('POST', '/api/auth/verify-email', { host: host('initech'), body: { token: tokenFromMail(mail.text) } });
      expect(verified.status).toBe(200);
      const me = await t.request('GET', '/api/auth/me', { host: host('initech'), token: session.token });
      expect(me.body.user.emailVerified).toBe(true);
      // Single use.
      expect((await t.request('POST', '/api/auth/verify-email', { host: host('initech'), body: { token: tokenFromMail(mail.text) } })).status).toBe(400);
    });

    it('refuses a taken slug with 409 naming the field, and bad input with 400 naming each field', async () => {
      const taken = await t.request('POST', '/api/auth/register', { body: { workspaceName: 'Acme 2', slug: 'acme', name: 'X', email: 'x@x.test', password: 'long-enough-pw' } });
      expect(taken.status).toBe(409);
      expect(taken.body.fields).toEqual({ slug: 'is taken' });
      const bad = await t.request('POST', '/api/auth/register', { body: { workspaceName: 'A', slug: 'www', name: '', email: 'nope', password: 'short' } });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'name', 'password', 'slug', 'workspaceName']);
      expect(bad.body.fields.slug).toBe('is reserved');
    });

    it('is only on the root host', async () => {
      const res = await t.request('POST', '/api/auth/register', { host: host('acme'), body: {} });
      expect(res.status).toBe(404);
    });
  });

  describe('password reset', () => {
    it('mails a single-use link, changes the password and ends every session', async () => {
      const before = await t.login('globex', 'owner@globex.test');
      const ask = await t.request('POST', '/api/auth/forgot-password', { host: host('globex'), body: { email: 'owner@globex.test' } });
      expect(ask.status).toBe(202);
      const unknown = await t.request('POST', '/api/auth/forgot-password', { host: host('globex'), body: { email: 'nobody@globex.test' } });
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(ask.body);

      const mail = await t.waitForMail('owner@globex.test', 'reset-password');
      const token = tokenFromMail(mail.text);
      const weak = await t.request('POST', '/api/auth/reset-password', { host: host('globex'), body: { token, password: 'short' } });
      expect(weak.status).toBe(400);
      expect(weak.body.fields.password).toMatch(/at least 10/);
      const ok = await t.request('POST', '/api/auth/reset-password', { host: host('globex'), body: { token, password: 'brand-new-password-9' } });
      expect(ok.status).toBe(200);
      expect((await t.request('POST', '/api/auth/reset-password', { host: host('globex'), body: { token, password: 'another-password-9' } })).status).toBe(400);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('globex'), cookie: before.refreshCookie })).status).toBe(401);
      await expect(t.login('globex', 'owner@globex.test', 'globex-password-123')).rejects.toThrow(/401/);
      await expect(t.login('globex', 'owner@globex.test', 'brand-new-password-9')).resolves.toBeTruthy();
    });
  });

  describe('mail and sign-up limits', () => {
    it('limits reset requests per address, answering 429 with Retry-After', async () => {
      const ask = () => t.request('POST', '/api/auth/forgot-password', { host: host('acme'), body: { email: 'client@acme.test' }, ip: '10.7.7.7' });
      expect([(await ask()).status, (await ask()).status, (await ask()).status]).toEqual([202, 202, 202]);
      const limited = await ask();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      expect((await t.request('POST', '/api/auth/forgot-password', { host: host('acme'), body: { email: 'admin@acme.test' }, ip: '10.7.7.7' })).status).toBe(202);
    });

    it('limits sign-ups per network', async () => {
      const register = (i: number) =>
        t.request('POST', '/api/auth/register', { ip: '10.8.8.8', body: { workspaceName: `Burst ${i}`, slug: `burst-${i}`, name: 'B', email: `b${i}@burst.test`, password: 'burst-password-1' } });
      for (let i = 0; i < 10; i++) expect((await register(i)).status).toBe(201);
      const limited = await register(10);
      expect(limited.status).toBe(429);
      expect(limited.body.message).toMatch(/sign-ups/);
      expect((await t.sql(`select 1 from control.tenants where slug = 'burst-10'`)).length).toBe(0);
    });
  });

  describe('hosts', () => {
    it('answers an unknown workspace with 404 unknown_workspace', async () => {
      const res = await t.request('GET', '/api/context', { host: host('nope') });
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('unknown_workspace');
      expect((await t.request('POST', '/api/auth/login', { host: host('nope'), body: {} })).body.error).toBe('unknown_workspace');
    });

    it('answers health on every host, a bare IP included', async () => {
      for (const h of ['127.0.0.1:3000', host(), host('nope'), host('acme')]) {
        const res = await t.request('GET', '/api/health', { host: h });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'ok', database: { ok: true }, queue: { ok: true } });
      }
    });

    it('answers a suspended workspace with 403', async () => {
      await t.request('POST', '/api/auth/register', { body: { workspaceName: 'Sleepy', slug: 'sleepy', name: 'S', email: 's@s.test', password: 'sleepy-password-1' } });
      await t.sql(`update control.tenants set status = 'suspended' where slug = 'sleepy'`);
      // Host resolution is cached briefly; suspending through the console drops the cache the same way.
      t.app.get(TenantResolver).invalidate();
      const res = await t.request('POST', '/api/auth/login', { host: host('sleepy'), body: { email: 's@s.test', password: 'sleepy-password-1' } });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('workspace_suspended');
    });

    it('sends security headers (CSP without inline scripts, no framing, nosniff)', async () => {
      const res = await t.request('GET', '/api/health', { host: host('acme') });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // Swagger UI needs inline scripts; it alone goes without a CSP.
      expect((await t.request('GET', '/api/docs', { host: host() })).headers['content-security-policy']).toBeUndefined();
    });

    it('serves OpenAPI generated from the zod schemas', async () => {
      const res = await t.request('GET', '/api/docs-json');
      expect(res.status).toBe(200);
      const body = res.body.paths['/api/auth/register'].post.requestBody.content['application/json'].schema;
      expect(body.required).toEqual(expect.arrayContaining(['workspaceName', 'slug', 'email', 'password']));
    });
  });
});
