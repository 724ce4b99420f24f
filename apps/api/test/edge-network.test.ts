import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { generateSync } from 'otplib';
import { AdminPanelService } from '../src/admin-panel/admin-panel.service.js';
import { createHttpApp, openDatabase } from '../src/bootstrap.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/** Raw HTTP/1.1 over a socket: light-my-request cannot send a header twice. */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

describe('client IPs, hosts, the tenant cache across processes, TOTP replay', () => {
  let t: TestApp; // no trusted proxies (the default)
  let proxied: TestApp; // behind a trusted proxy at 10.0.0.1
  beforeAll(async () => {
    [t, proxied] = await Promise.all([
      createTestApp({ LOGIN_MAX_FAILURES_PER_IP: '3' }),
      createTestApp({ LOGIN_MAX_FAILURES_PER_IP: '3', TRUSTED_PROXIES: '10.0.0.1,192.168.0.0/16' }),
    ]);
  });
  afterAll(async () => Promise.all([t.close(), proxied.close()]));

  describe('X-Forwarded-For', () => {
    const failLogin = (app: TestApp, i: number, ip: string, xff: string) =>
      app.request('POST', '/api/auth/login', { host: host('acme'), ip, headers: { 'x-forwarded-for': xff }, body: { email: `nobody${i}@acme.test`, password: 'wrong-password-1' } });

    it('without trusted proxies, a rotating header does not escape the login limit', async () => {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await failLogin(t, i, '203.0.113.5', `198.51.100.${i}`)).status);
      expect(statuses).toEqual([401, 401, 429, 429, 429]);
    });

    it('nor the sign-up, reset and slug-check limits', async () => {
      const ip = '203.0.113.6';
      const signUps = [];
      for (let i = 0; i < 11; i++) {
        const res = await t.request('POST', '/api/auth/register', {
          ip,
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
          // The taken slug answers 409 after the limit counted the attempt: nothing is created.
          body: { workspaceName: 'Spoof', slug: 'acme', name: 'S', email: `s${i}@spoof.test`, password: 'spoof-password-1' },
        });
        signUps.push(res.status);
      }
      expect(signUps.slice(0, 10).every((s) => s === 409)).toBe(true);
      expect(signUps[10]).toBe(429);

      const resets = [];
      for (let i = 0; i < 21; i++) {
        resets.push((await t.request('POST', '/api/auth/forgot-password', { host: host('acme'), ip, headers: { 'x-forwarded-for': `198.51.100.${i}` }, body: { email: `r${i}@spoof.test` } })).status);
      }
      expect(resets.slice(0, 20).every((s) => s === 202)).toBe(true);
      expect(resets[20]).toBe(429);

      let limited = 0;
      for (let i = 0; i < 121; i++) {
        const res = await t.request('GET', `/api/auth/slug/free-${i}`, { ip, headers: { 'x-forwarded-for': `198.51.100.${i % 250}` } });
        if (res.status === 429) limited++;
      }
      expect(limited).toBe(1);
    });

    it('behind a trusted proxy, the right-most untrusted hop is the client', async () => {
      // Distinct clients behind the proxy have their own counters…
      for (let i = 0; i < 4; i++) expect((await failLogin(proxied, 100 + i, '10.0.0.1', `198.51.100.${i}`)).status).toBe(401);
      // …one client is limited whatever it prepends, and a trusted inner hop is skipped.
      const spoofed = [];
      for (let i = 0; i < 3; i++) spoofed.push((await failLogin(proxied, 200 + i, '10.0.0.1', `1.1.1.${i}, 198.51.100.77, 192.168.4.4`)).status);
      expect(spoofed).toEqual([401, 401, 429]);
      // From an untrusted peer the header is ignored: the peer itself is the client.
      const login = await proxied.request('POST', '/api/auth/login', {
        host: host('acme'),
        ip: '203.0.113.9',
        headers: { 'x-forwarded-for': '198.51.100.200' },
        body: { email: 'owner@acme.test', password: 'acme-password-123' },
      });
      const viaProxy = await proxied.request('POST', '/api/auth/login', {
        host: host('acme'),
        ip: '10.0.0.1',
        headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.201' },
        body: { email: 'owner@acme.test', password: 'acme-password-123' },
      });
      const sessions = await proxied.request('GET', '/api/auth/sessions', { host: host('acme'), token: viaProxy.body.accessToken });
      const ips = sessions.body.sessions.map((s: { ip: string }) => s.ip);
      expect(ips).toEqual(expect.arrayContaining(['203.0.113.9', '198.51.100.201']));
      expect(ips).not.toContain('198.51.100.200');
      expect(ips).not.toContain('6.6.6.6');
      expect(login.status).toBe(200);
    });
  });

  it('two Host headers are a 400', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const two = await rawRequest(port, `GET /api/health HTTP/1.1\r\nHost: ${host('acme')}\r\nHost: ${host('globex')}\r\nConnection: close\r\n\r\n`);
    expect(two).toMatch(/^HTTP\/1\.1 400/);
    expect(two).toContain('more than one Host header');
    const one = await rawRequest(port, `GET /api/health HTTP/1.1\r\nHost: ${host('acme')}\r\nConnection: close\r\n\r\n`);
    expect(one).toMatch(/^HTTP\/1\.1 200/);
  });

  it('a suspension takes effect at once in another process on the same database and Redis', async () => {
    const db2 = await openDatabase(t.config);
    const second = await createHttpApp(t.config, db2, { logger: ['error'] });
    try {
      const member = (await t.login('globex', 'owner@globex.test')).token;
      const me = async () =>
        (await second.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/auth/me', headers: { host: host('globex'), authorization: `Bearer ${member}` } })).statusCode;
      expect(await me()).toBe(200); // cached as active in the second process now
      const token = await t.adminLogin();
      const [globex] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'globex'`);
      const res = await t.request('PUT', `/api/admin-panel/tenants/${globex.id}/status`, { host: host('admin'), token, body: { status: 'suspended' } });
      expect(res.status).toBe(200);
      // Well under the cache TTL: only the invalidation message can make this true.
      await until('suspension seen by the second process', async () => (await me()) === 403, 2_000);
      await t.request('PUT', `/api/admin-panel/tenants/${globex.id}/status`, { host: host('admin'), token, body: { status: 'active' } });
      await until('reactivation seen by the second process', async () => (await me()) === 200, 2_000);
    } finally {
      await second.close();
      await db2.close();
    }
  });

  it('a TOTP code works once in its time step (RFC 6238 §5.2)', async () => {
    const created = await t.app.get(AdminPanelService).createAdmin('replay@platform.test', 'replay-password-123');
    const login = (totp: string) => t.request('POST', '/api/admin-panel/auth/login', { host: host('admin'), ip: '203.0.113.77', body: { email: 'replay@platform.test', password: 'replay-password-123', totp } });
    const code = generateSync({ secret: created.totpSecret });
    const [a, b] = await Promise.all([login(code), login(code)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    expect((await login(code)).status).toBe(401);
    const [{ totp_last_step }] = await t.sql<{ totp_last_step: string }>(`select totp_last_step from control.platform_admins where email = 'replay@platform.test'`);
    // The stored step is the code's own (the current one, give or take the step boundary).
    expect(Math.abs(Number(totp_last_step) - Math.floor(Date.now() / 30_000))).toBeLessThanOrEqual(1);
    // The next step's code (within the clock-drift tolerance) still works.
    expect((await login(generateSync({ secret: created.totpSecret, epoch: Number(totp_last_step) * 30 + 30 }))).status).toBe(200);
  });
});
