import { jest } from '@jest/globals';
import { JobsService } from '../src/core/queue/jobs.service.js';
import { createTestApp, host, tokenFromMail, type TestApp } from './support/test-app.js';

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `ig_refresh=${res.cookies.find((c) => c.name === 'ig_refresh')!.value}`;

/** Refresh races, cookie-route Origin checks, forgot-password off the request path, and the profile API. */
describe('sessions and profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  describe('refresh', () => {
    it('the same token twice at once (two tabs) keeps the family alive; both answers work', async () => {
      const { refreshCookie } = await t.login('acme', 'admin@acme.test');
      const refresh = () => t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie });
      const [a, b] = await Promise.all([refresh(), refresh()]);
      expect([a.status, b.status]).toEqual([200, 200]);
      // Both tabs go on with their own token: neither was revoked.
      const [a2, b2] = await Promise.all([
        t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(a) }),
        t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(b) }),
      ]);
      expect([a2.status, b2.status]).toEqual([200, 200]);
      const revoked = await t.sql(`select 1 from ${await t.schemaOf('acme')}.refresh_tokens rt join ${await t.schemaOf('acme')}.users u on u.id = rt.user_id where u.email = 'admin@acme.test' and revoked_at is not null`);
      expect(revoked).toEqual([]);
    });

    it('the same token again after the grace revokes the whole family', async () => {
      const { refreshCookie } = await t.login('acme', 'client@acme.test');
      const first = await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie });
      expect(first.status).toBe(200);
      await t.sql(`update ${await t.schemaOf('acme')}.refresh_tokens set used_at = used_at - interval '5 seconds' where used_at is not null`);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie })).status).toBe(401);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(first) })).status).toBe(401);
    });
  });

  describe('Origin on cookie routes', () => {
    it('refresh and logout refuse a foreign Origin with 403; same host or no Origin passes', async () => {
      const { refreshCookie } = await t.login('acme', 'manager@acme.test');
      const foreign = await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie, headers: { origin: 'https://evil.example' } });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error).toBe('foreign_origin');
      const sibling = await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie, headers: { origin: `http://${host('globex')}` } });
      expect(sibling.status).toBe(403);
      const logout = await t.request('POST', '/api/auth/logout', { host: host('acme'), cookie: refreshCookie, headers: { origin: 'null' } });
      expect(logout.status).toBe(403);
      const same = await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: refreshCookie, headers: { origin: `http://${host('acme')}` } });
      expect(same.status).toBe(200);
      const none = await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(same) });
      expect(none.status).toBe(200);
    });
  });

  describe('forgot-password', () => {
    it('answers alike for known and unknown addresses; the lookup and mail run in a job', async () => {
      const jobs = t.app.get(JobsService);
      const spy = jest.spyOn(jobs, 'dispatch');
      try {
        const known = await t.request('POST', '/api/auth/forgot-password', { host: host('globex'), body: { email: 'owner@globex.test' } });
        const unknown = await t.request('POST', '/api/auth/forgot-password', { host: host('globex'), body: { email: 'ghost@globex.test' } });
        expect([known.status, unknown.status]).toEqual([202, 202]);
        expect(unknown.body).toEqual(known.body);
        const calls = spy.mock.calls.filter((c) => c[0].name === 'forgot-password');
        expect(calls.map((c) => (c[1] as { email: string }).email)).toEqual(['owner@globex.test', 'ghost@globex.test']);
      } finally {
        spy.mockRestore();
      }
      await t.waitForMail('owner@globex.test', 'reset-password');
    });
  });

  describe('profile', () => {
    it('PATCH /api/auth/profile changes the name and answers the /me user shape', async () => {
      const { token } = await t.login('acme', 'owner@acme.test');
      const res = await t.request('PATCH', '/api/auth/profile', { host: host('acme'), token, body: { name: '  Olive Owner ' } });
      expect(res.status).toBe(200);
      const me = await t.request('GET', '/api/auth/me', { host: host('acme'), token });
      expect(res.body.user).toEqual(me.body.user);
      expect(res.body.user.name).toBe('Olive Owner');
      const bad = await t.request('PATCH', '/api/auth/profile', { host: host('acme'), token, body: { name: '' } });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields)).toEqual(['name']);
    });

    it('lists sessions with device and address, marks the current one, ends one or all others', async () => {
      const login = (ua: string, ip: string) =>
        t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'owner@acme.test', password: 'acme-password-123' }, ip, headers: { 'user-agent': ua } });
      const phone = await login('PhoneBrowser/1.0', '10.1.0.1');
      const laptop = await login('LaptopBrowser/2.0', '10.1.0.2');
      const tablet = await login('TabletBrowser/3.0', '10.1.0.3');
      const token = laptop.body.accessToken;
      const list = await t.request('GET', '/api/auth/sessions', { host: host('acme'), token });
      expect(list.status).toBe(200);
      const mine = list.body.sessions.filter((s: { userAgent: string | null }) => /^(Phone|Laptop|Tablet)Browser/.test(s.userAgent ?? ''));
      expect(mine).toHaveLength(3);
      const current = list.body.sessions.filter((s: { current: boolean }) => s.current);
      expect(current).toEqual([{ id: expect.any(String), createdAt: expect.any(String), lastUsedAt: expect.any(String), userAgent: 'LaptopBrowser/2.0', ip: '10.1.0.2', current: true }]);
      const phoneSession = list.body.sessions.find((s: { userAgent: string }) => s.userAgent === 'PhoneBrowser/1.0');
      expect(phoneSession.ip).toBe('10.1.0.1');

      expect((await t.request('DELETE', `/api/auth/sessions/${phoneSession.id}`, { host: host('acme'), token })).status).toBe(204);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(phone) })).status).toBe(401);
      // Not the caller's (another user's session, or gone): 404.
      expect((await t.request('DELETE', `/api/auth/sessions/${phoneSession.id}`, { host: host('acme'), token })).status).toBe(404);
      const other = await t.login('acme', 'client@acme.test');
      const theirs = (await t.request('GET', '/api/auth/sessions', { host: host('acme'), token: other.token })).body.sessions[0];
      expect((await t.request('DELETE', `/api/auth/sessions/${theirs.id}`, { host: host('acme'), token })).status).toBe(404);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: other.refreshCookie })).status).toBe(200);
      expect((await t.request('DELETE', '/api/auth/sessions/not-a-uuid', { host: host('acme'), token })).status).toBe(400);

      expect((await t.request('POST', '/api/auth/sessions/revoke-others', { host: host('acme'), token })).status).toBe(204);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(tablet) })).status).toBe(401);
      const after = await t.request('GET', '/api/auth/sessions', { host: host('acme'), token });
      expect(after.body.sessions.map((s: { current: boolean }) => s.current)).toEqual([true]);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(laptop) })).status).toBe(200);
    });

    it('change-password: wrong current is a 400 on currentPassword; success ends other sessions, keeps this one', async () => {
      const here = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'manager@acme.test', password: 'acme-password-123' } });
      const elsewhere = await t.request('POST', '/api/auth/login', { host: host('acme'), body: { email: 'manager@acme.test', password: 'acme-password-123' } });
      const token = here.body.accessToken;
      const wrong = await t.request('POST', '/api/auth/change-password', { host: host('acme'), token, body: { currentPassword: 'not-my-password', newPassword: 'manager-new-pass-1' } });
      expect(wrong.status).toBe(400);
      expect(Object.keys(wrong.body.fields)).toEqual(['currentPassword']);
      const weak = await t.request('POST', '/api/auth/change-password', { host: host('acme'), token, body: { currentPassword: 'acme-password-123', newPassword: 'manager@acme.test' } });
      expect(weak.status).toBe(400);
      expect(Object.keys(weak.body.fields)).toEqual(['newPassword']);
      const ok = await t.request('POST', '/api/auth/change-password', { host: host('acme'), token, body: { currentPassword: 'acme-password-123', newPassword: 'manager-new-pass-1' } });
      expect(ok.status).toBe(204);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(elsewhere) })).status).toBe(401);
      expect((await t.request('POST', '/api/auth/refresh', { host: host('acme'), cookie: cookieOf(here) })).status).toBe(200);
      await expect(t.login('acme', 'manager@acme.test', 'manager-new-pass-1')).resolves.toBeTruthy();
    });

    it('change-email: mails a link to the new address; confirming switches it once; a taken address is 409', async () => {
      const { token } = await t.login('acme', 'admin@acme.test');
      const taken = await t.request('POST', '/api/auth/change-email', { host: host('acme'), token, body: { password: 'acme-password-123', email: 'owner@acme.test' } });
      expect(taken.status).toBe(409);
      expect(taken.body.fields).toEqual({ email: 'is taken' });
      const wrong = await t.request('POST', '/api/auth/change-email', { host: host('acme'), token, body: { password: 'nope-nope-nope', email: 'new.admin@acme.test' } });
      expect(wrong.status).toBe(400);
      expect(Object.keys(wrong.body.fields)).toEqual(['password']);
      const asked = await t.request('POST', '/api/auth/change-email', { host: host('acme'), token, body: { password: 'acme-password-123', email: 'New.Admin@acme.test' } });
      expect(asked.status).toBe(202);
      const mail = await t.waitForMail('new.admin@acme.test', 'confirm-email-change');
      // Nothing changes until the link is followed.
      expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token })).body.user.email).toBe('admin@acme.test');
      const confirm = await t.request('POST', '/api/auth/confirm-email-change', { host: host('acme'), body: { token: tokenFromMail(mail.text) } });
      expect(confirm.status).toBe(204);
      expect((await t.request('GET', '/api/auth/me', { host: host('acme'), token })).body.user.email).toBe('new.admin@acme.test');
      expect((await t.request('POST', '/api/auth/confirm-email-change', { host: host('acme'), body: { token: tokenFromMail(mail.text) } })).status).toBe(400);
      await expect(t.login('acme', 'new.admin@acme.test', 'acme-password-123')).resolves.toBeTruthy();

      // Expired after 24 h.
      await t.request('POST', '/api/auth/change-email', { host: host('acme'), token, body: { password: 'acme-password-123', email: 'later.admin@acme.test' } });
      const late = await t.waitForMail('later.admin@acme.test', 'confirm-email-change');
      await t.sql(`update ${await t.schemaOf('acme')}.user_tokens set expires_at = now() - interval '1 second' where purpose = 'change_email' and used_at is null`);
      expect((await t.request('POST', '/api/auth/confirm-email-change', { host: host('acme'), body: { token: tokenFromMail(late.text) } })).status).toBe(400);
    });

    it('every profile route needs a signed-in member', async () => {
      for (const [method, url] of [['PATCH', '/api/auth/profile'], ['POST', '/api/auth/change-password'], ['POST', '/api/auth/change-email'], ['GET', '/api/auth/sessions'], ['POST', '/api/auth/sessions/revoke-others']]) {
        expect((await t.request(method, url, { host: host('acme'), body: {} })).status).toBe(401);
      }
    });
  });
});
