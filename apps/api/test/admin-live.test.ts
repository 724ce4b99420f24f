import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeInstagram, type FakeInstagram } from '@instagrowth/instagram-graph/testing';
import WebSocket from 'ws';
import { AdminActivityGateway } from '../src/admin-activity/admin-activity.gateway.js';
import { AdminPanelService } from '../src/admin-panel/admin-panel.service.js';
import { AuditsService } from '../src/audits/audits.service.js';
import { TenantsRepository } from '../src/control/tenants.repository.js';
import { SettingsService } from '../src/core/settings/settings.service.js';
import { TenantContext } from '../src/core/tenancy/tenant-context.js';
import { FakeStripe } from './support/fake-stripe.js';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/** A minimal Resend API (GET /domains) with Resend's error shape for a bad key. */
async function startResend(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== 'Bearer re_good_key') return json(401, { statusCode: 401, name: 'validation_error', message: 'API key is invalid' });
    if (req.method === 'GET' && req.url === '/domains') {
      return json(200, { object: 'list', has_more: false, data: [{ id: 'd91cd9bd', name: 'mail.platform.test', status: 'verified', created_at: '2026-01-01 00:00:00+00', region: 'us-east-1', capabilities: { sending: 'enabled', receiving: 'disabled' } }] });
    }
    json(404, { statusCode: 404, name: 'not_found', message: 'Route not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Opens the admin socket, sends `first` (if any) and collects frames until it closes. */
function openSocket(url: string, first?: unknown, hostHeader = host('admin')) {
  const ws = new WebSocket(url, { headers: { host: hostHeader } });
  const frames: Record<string, unknown>[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => {
      if (first !== undefined) ws.send(typeof first === 'string' ? first : JSON.stringify(first));
      resolve();
    });
    ws.on('error', reject);
  });
  const waitFor = async (predicate: (f: Record<string, unknown>) => boolean, ms = 10_000) => {
    for (let waited = 0; waited < ms; waited += 25) {
      const hit = frames.find(predicate);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(frames)}`);
  };
  return { ws, frames, closed, opened, waitFor };
}

describe('console live activity, settings across processes, test connection', () => {
  let t: TestApp;
  let other: TestApp;
  let openai: FakeOpenAi;
  let stripe: FakeStripe;
  let instagram: FakeInstagram;
  let resend: Awaited<ReturnType<typeof startResend>>;
  let wsUrl: string;

  beforeAll(async () => {
    openai = await startFakeOpenAi();
    stripe = await new FakeStripe().start();
    instagram = await startFakeInstagram({ appSecret: 'ig_app_secret_for_tests' });
    resend = await startResend();
    const env = {
      STRIPE_API_BASE_URL: stripe.url,
      INSTAGRAM_API_BASE_URL: instagram.apiBaseUrl,
      INSTAGRAM_GRAPH_BASE_URL: instagram.graphBaseUrl,
      INSTAGRAM_AUTHORIZE_URL: instagram.authorizeUrl,
      RESEND_BASE_URL: resend.url,
    };
    t = await createTestApp(env);
    // A second process on the same database and Redis prefix (an API replica or the worker).
    other = await createTestApp({ ...env, DATABASE_URL: t.config.databaseUrl!, REDIS_PREFIX: t.config.redisPrefix });
    await t.app.listen(0, '127.0.0.1');
    wsUrl = `ws://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api/admin-ws`;
  });
  afterAll(async () => {
    // The replica first: it shares the first app's database, which the first app's close drops.
    await other?.close();
    await t?.close();
    await Promise.all([openai?.close(), stripe?.close(), instagram?.close(), resend?.close()]);
  });

  const put = async (values: Record<string, string | null>) => {
    const res = await t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token: await t.adminLogin(), body: { values } });
    expect(res.status).toBe(200);
  };
  const test = async (service: string) => {
    const res = await t.request('POST', '/api/admin-panel/settings/test-connection', { host: host('admin'), token: await t.adminLogin(), body: { service } });
    expect(res.status).toBe(200);
    return res.body as { ok: boolean; message: string };
  };

  it('a settings change in one process reaches the other at once (Redis pub/sub), not after its cache ages', async () => {
    const replica = other.app.get(SettingsService);
    await put({ 'openai.model': 'gpt-4o-mini' });
    expect(await replica.get('openai.model')).toBe('gpt-4o-mini');
    const version = replica.currentVersion();
    await put({ 'openai.model': 'gpt-4.1-mini' });
    let seen: string | null = null;
    for (let i = 0; i < 200 && seen !== 'gpt-4.1-mini'; i++) {
      seen = await replica.get('openai.model');
      if (seen !== 'gpt-4.1-mini') await new Promise((r) => setTimeout(r, 25));
    }
    expect(seen).toBe('gpt-4.1-mini');
    expect(replica.currentVersion()).toBeGreaterThan(version);
  });

  it('the admin socket receives a sign-up made on another process', async () => {
    const socket = openSocket(wsUrl, { type: 'auth', token: await t.adminLogin() });
    await socket.opened;
    await socket.waitFor((f) => f.type === 'session.ready');
    const signup = await other.request('POST', '/api/auth/register', {
      host: host(),
      body: { workspaceName: 'Live Sign-up', slug: 'live-signup', name: 'Liv Owner', email: 'liv@live.test', password: 'live-signup-password-1' },
    });
    expect(signup.status).toBe(201);
    const event = await socket.waitFor((f) => f.type === 'tenant.created' && f.tenantSlug === 'live-signup');
    expect(event).toMatchObject({ type: 'tenant.created', tenantSlug: 'live-signup', summary: expect.stringContaining('Live Sign-up') });
    expect(Date.parse(String(event.at))).not.toBeNaN();
    expect(typeof event.tenantId).toBe('number');
    socket.ws.close();
    await socket.closed;
  });

  it('a finished audit in another process reaches the socket as audit.completed', async () => {
    const socket = openSocket(wsUrl, { type: 'auth', token: await t.adminLogin() });
    await socket.waitFor((f) => f.type === 'session.ready');
    const owner = await t.login('acme', 'owner@acme.test');
    const account = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner.token, body: { username: 'live.audit', followersCount: 4200 } });
    expect(account.status).toBe(201);
    const rows = ['posted_at,caption,media_type,likes,comments,saves,shares,reach,views'];
    for (let i = 0; i < 12; i++) rows.push(`${new Date(Date.now() - (i + 1) * 86_400_000).toISOString().slice(0, 10)},Post ${i},IMAGE,${100 + i},${5 + i},3,2,2000,2500`);
    expect((await t.request('POST', `/api/accounts/${account.body.id}/posts/import`, { host: host('acme'), token: owner.token, body: { csv: rows.join('\n') } })).body.imported).toBe(12);
    // The same code path as the audit job, run by the second instance.
    const tenant = (await other.app.get(TenantsRepository).findBySlug('acme'))!;
    await other.app.get(TenantContext).run(tenant, () => other.app.get(AuditsService).runOffline(account.body.id));
    const event = await socket.waitFor((f) => f.type === 'audit.completed');
    expect(event).toMatchObject({ tenantSlug: 'acme', summary: expect.stringContaining('@live.audit') });
    socket.ws.close();
    await socket.closed;
  });

  it('refuses a workspace token, any other first message and silence with 4401', async () => {
    const member = await t.login('acme', 'owner@acme.test');
    const workspace = openSocket(wsUrl, { type: 'auth', token: member.token });
    expect((await workspace.closed).code).toBe(4401);
    expect(workspace.frames).toEqual([]);
    const wrong = openSocket(wsUrl, { type: 'subscribe' });
    expect((await wrong.closed).code).toBe(4401);
    const garbage = openSocket(wsUrl, 'not json');
    expect((await garbage.closed).code).toBe(4401);
    // An admin token on a workspace host: the socket is the console's, like its routes.
    const elsewhere = openSocket(wsUrl, { type: 'auth', token: await t.adminLogin() }, host('acme'));
    expect((await elsewhere.closed).code).toBe(4401);
    expect(elsewhere.frames).toEqual([]);
    const silent = openSocket(wsUrl);
    const started = Date.now();
    expect((await silent.closed).code).toBe(4401);
    // The 5-second deadline, not an immediate refusal (a lower bound only: never a timing assertion on speed).
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
  });

  describe('the socket lives no longer than the admin session it was opened with', () => {
    /** A fresh admin session of its own (signing it out must not end the token the other tests share). */
    const newSession = async () => {
      const me = (await t.request('GET', '/api/admin-panel/auth/me', { host: host('admin'), token: await t.adminLogin() })).body.admin as { id: string; email: string };
      const { accessToken } = await t.app.get(AdminPanelService).startSession(me, '127.0.0.1');
      const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { sid: string; exp: number };
      return { token: accessToken, sid: claims.sid, exp: claims.exp };
    };
    const ready = async (token: string) => {
      const socket = openSocket(wsUrl, { type: 'auth', token });
      await socket.waitFor((f) => f.type === 'session.ready');
      return socket;
    };

    it('signing out in another process closes the socket with 4401 at once; another session’s socket stays; the token cannot reopen it', async () => {
      const session = await newSession();
      const bystander = await ready(await t.adminLogin());
      const socket = await ready(session.token);
      const out = await other.request('POST', '/api/admin-panel/auth/logout', { host: host('admin'), token: session.token });
      expect(out.status).toBe(204);
      expect(await socket.closed).toEqual({ code: 4401, reason: 'session ended: signed out' });
      // The other session's feed still streams.
      await t.app.get(AdminActivityGateway).checkSessions();
      expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
      const again = openSocket(wsUrl, { type: 'auth', token: session.token });
      expect((await again.closed).code).toBe(4401);
      expect(again.frames).toEqual([]);
      bystander.ws.close();
      await bystander.closed;
    });

    it('an idle-timed-out session closes its socket at the next session check, as its HTTP requests are refused', async () => {
      const session = await newSession();
      const socket = await ready(session.token);
      // Still in use: the check keeps it.
      await t.app.get(AdminActivityGateway).checkSessions();
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
      await t.sql(`update control.admin_sessions set last_seen_at = now() - make_interval(mins => $2) where id = $1`, [session.sid, t.config.console.adminIdleTimeoutMinutes + 1]);
      await t.app.get(AdminActivityGateway).checkSessions();
      expect(await socket.closed).toEqual({ code: 4401, reason: 'session ended: signed out or idle timeout' });
      const me = await t.request('GET', '/api/admin-panel/auth/me', { host: host('admin'), token: session.token });
      expect(me.status).toBe(401);
      expect(me.body.error).toBe('admin_session_expired');
    });

    it('the token’s expiry closes the socket (the check is asked about that moment rather than waiting for it)', async () => {
      const session = await newSession();
      const socket = await ready(session.token);
      const gateway = t.app.get(AdminActivityGateway);
      // The admin kept using the session until a minute before its token expires: idleness is not the reason.
      await t.sql(`update control.admin_sessions set last_seen_at = $2 where id = $1`, [session.sid, new Date(session.exp * 1000 - 60_000)]);
      await gateway.checkSessions(new Date(session.exp * 1000 - 1_000));
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
      await gateway.checkSessions(new Date(session.exp * 1000));
      expect(await socket.closed).toEqual({ code: 4401, reason: 'session ended: token expired' });
    });
  });

  it('test connection: each provider not configured, then its own error words, then success', async () => {
    await put({ 'openai.apiKey': null, 'stripe.secretKey': null, 'resend.apiKey': null, 'instagram.appId': null, 'instagram.appSecret': null });
    for (const service of ['openai', 'stripe', 'resend', 'instagram']) {
      const r = await test(service);
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/not configured/i);
    }

    await put({ 'openai.apiKey': 'sk-invalid-key-0000', 'openai.baseUrl': openai.baseUrl, 'openai.model': 'gpt-4o-mini' });
    expect(await test('openai')).toEqual({ ok: false, message: expect.stringContaining('401 Incorrect API key provided') });
    await put({ 'openai.apiKey': 'sk-good-key-1234' });
    expect(await test('openai')).toEqual({ ok: true, message: 'Connected: 3 model(s) available, including gpt-4o-mini.' });

    await put({ 'stripe.secretKey': 'sk_test_wrong' });
    expect(await test('stripe')).toEqual({ ok: false, message: 'Stripe: Invalid API Key provided.' });
    await put({ 'stripe.secretKey': stripe.secretKey });
    expect(await test('stripe')).toEqual({ ok: true, message: 'Connected to Stripe account acct_fake_platform (Fake Platform) in test mode.' });

    await put({ 'instagram.appId': instagram.state.settings.appId, 'instagram.appSecret': 'not-the-secret' });
    expect(await test('instagram')).toEqual({ ok: false, message: 'Instagram: Invalid platform app' });
    await put({ 'instagram.appSecret': instagram.state.settings.appSecret });
    const ig = await test('instagram');
    expect(ig.ok).toBe(true);
    expect(ig.message).toMatch(/accepted the app ID and secret/);

    await put({ 'resend.apiKey': 're_bad_key' });
    expect(await test('resend')).toEqual({ ok: false, message: 'Resend: API key is invalid' });
    await put({ 'resend.apiKey': 're_good_key', 'resend.from': 'Platform <hello@mail.platform.test>' });
    expect(await test('resend')).toEqual({ ok: true, message: 'Connected: 1 domain(s); mail.platform.test is verified.' });

    const bad = await t.request('POST', '/api/admin-panel/settings/test-connection', { host: host('admin'), token: await t.adminLogin(), body: { service: 'twitter' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.service).toBeDefined();
    const audited = await t.sql<{ n: number }>(`select count(*)::int as n from control.platform_audit_log where action = 'settings.connection_tested'`);
    expect(audited[0].n).toBeGreaterThanOrEqual(12);
  });
});
