import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_FIXTURES_DIR, startFakeInstagram, type FakeInstagram } from '@instagrowth/instagram-graph/testing';
import { tenant0012Integrations } from '../src/core/database/migrations/tenant-0012-integrations.js';
import { InstagramClientProvider } from '../src/core/instagram/instagram-client.provider.js';
import { TenantsRepository } from '../src/control/tenants.repository.js';
import { TenantContext } from '../src/core/tenancy/tenant-context.js';
import { TokenRefreshService } from '../src/sync/token-refresh.service.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/**
 * A workspace's own Instagram app. The fake Graph server plays the AGENCY's app: it accepts only
 * the agency's app id on the consent screen and only the agency's secret in both token exchanges,
 * while the platform's app (env) has other credentials. So a connection that works proves the
 * agency's app was used end to end.
 */
const AGENCY_APP_ID = '1234567890123456';
const AGENCY_SECRET = 'agencySecret0123456789abcdefABCD';
const PLATFORM_APP_ID = '9990001112223334';
const PLATFORM_SECRET = 'platformSecret0123456789abcdefXY';

const sign = (body: Buffer, secret: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('per-workspace Instagram app', () => {
  let fake: FakeInstagram;
  let t: TestApp;
  let owner: string;
  let ACME = '';

  const acme = () => ({ host: host('acme'), token: owner });
  const clientIdOf = async (slug: string, token: string) => {
    const res = await t.request('GET', '/api/instagram/auth/url', { host: host(slug), token });
    expect(res.status).toBe(200);
    return new URL(res.body.url).searchParams.get('client_id');
  };

  beforeAll(async () => {
    fake = await startFakeInstagram({ autoApprove: 'allow', accounts: 2, mediaPerAccount: 5, appId: AGENCY_APP_ID, appSecret: AGENCY_SECRET });
    t = await createTestApp({
      INSTAGRAM_APP_ID: PLATFORM_APP_ID,
      INSTAGRAM_APP_SECRET: PLATFORM_SECRET,
      INSTAGRAM_AUTHORIZE_URL: fake.authorizeUrl,
      INSTAGRAM_API_BASE_URL: fake.apiBaseUrl,
      INSTAGRAM_GRAPH_BASE_URL: fake.graphBaseUrl,
      INSTAGRAM_REDIRECT_URI: 'http://instagrowth.test/api/instagram/callback',
      INSTAGRAM_WEBHOOK_VERIFY_TOKEN: 'platform-verify-token',
      INSTAGRAM_BACKFILL_DAYS: '3',
    });
    owner = (await t.login('acme', 'owner@acme.test')).token;
    ACME = await t.schemaOf('acme');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('is plan-gated, owner-only, validated, and never answers the secret', async () => {
    const before = await t.request('GET', '/api/instagram-app', acme());
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ available: false, configured: false, appId: null, secretLast4: null, redirectUri: 'http://instagrowth.test/api/instagram/callback', webhookUrl: null });
    const refused = await t.request('PUT', '/api/instagram-app', { ...acme(), body: { appId: AGENCY_APP_ID, appSecret: AGENCY_SECRET } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('plan_feature_unavailable');
    expect(refused.body.message).toContain('Agency');

    await t.sql(`update control.tenants set plan_code = 'agency' where slug = 'acme'`);
    const bad = await t.request('PUT', '/api/instagram-app', { ...acme(), body: { appId: 'my app', appSecret: 'short' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['appId', 'appSecret']);

    const admin = (await t.login('acme', 'admin@acme.test')).token;
    expect((await t.request('PUT', '/api/instagram-app', { host: host('acme'), token: admin, body: { appId: AGENCY_APP_ID, appSecret: AGENCY_SECRET } })).status).toBe(403);
    const manager = (await t.login('acme', 'manager@acme.test')).token;
    expect((await t.request('GET', '/api/instagram-app', { host: host('acme'), token: manager })).status).toBe(403);

    const saved = await t.request('PUT', '/api/instagram-app', { ...acme(), body: { appId: AGENCY_APP_ID, appSecret: AGENCY_SECRET } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ available: true, configured: true, appId: AGENCY_APP_ID, secretLast4: 'ABCD', connectedAccounts: 0 });
    expect(saved.body.webhookUrl).toMatch(new RegExp(`/api/instagram/webhooks/apps/${AGENCY_APP_ID}$`));
    expect(saved.body.webhookVerifyToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(JSON.stringify(saved.body)).not.toContain(AGENCY_SECRET);
    // The admin sees the state (not the secret).
    expect((await t.request('GET', '/api/instagram-app', { host: host('acme'), token: admin })).body.configured).toBe(true);
    // Sealed at rest.
    const [row] = await t.sql<{ secret_enc: string; secret_last4: string }>(`select secret_enc, secret_last4 from control.instagram_apps`);
    expect(row.secret_enc).not.toContain(AGENCY_SECRET);
    expect(row.secret_enc.startsWith('v1.')).toBe(true);
    expect(row.secret_last4).toBe('ABCD');
  });

  let accountId = '';
  const IG_USER = '17841405555512345';

  it("connects through the agency's app: its id in the authorize URL, its secret in both exchanges", async () => {
    expect(await clientIdOf('acme', owner)).toBe(AGENCY_APP_ID);
    // A workspace without its own app keeps the platform's.
    const globexOwner = (await t.login('globex', 'owner@globex.test')).token;
    expect(await clientIdOf('globex', globexOwner)).toBe(PLATFORM_APP_ID);

    const start = await t.request('GET', '/api/instagram/auth/url', acme());
    const consent = await fetch(start.body.url, { redirect: 'manual' });
    // The fake knows only the agency's app: with the platform's id it would answer 400 "Invalid app ID".
    expect(consent.status).toBe(302);
    const callback = await t.request('GET', `/api/instagram/callback${new URL(consent.headers.get('location')!).search}`, { host: host() });
    expect(callback.status).toBe(302);
    const back = new URL(callback.headers.location as string);
    // The fake refuses any other client_secret in the code and long-lived exchanges, so this proves the agency's secret.
    expect(back.searchParams.get('error')).toBeNull();
    accountId = back.searchParams.get('connected')!;
    expect(accountId).toMatch(/^[0-9a-f-]{36}$/);

    const [account] = await t.sql<{ ig_app_id: string; ig_user_id: string }>(`select ig_app_id, ig_user_id from ${ACME}.instagram_accounts where id = $1`, [accountId]);
    expect(account).toEqual({ ig_app_id: AGENCY_APP_ID, ig_user_id: IG_USER });
    expect(await t.sql(`select app_id from control.instagram_account_index where account_id = $1`, [accountId])).toEqual([{ app_id: AGENCY_APP_ID }]);
    expect((await t.request('GET', '/api/instagram-app', acme())).body.connectedAccounts).toBe(1);
  });

  it("refreshes the account's token through the agency's app", async () => {
    await t.sql(`update ${ACME}.instagram_accounts set token_refreshed_at = now() - interval '3 days', token_expires_at = now() + interval '2 days' where id = $1`, [accountId]);
    const provider = t.app.get(InstagramClientProvider);
    const used: string[] = [];
    const original = provider.forAccount;
    // Records which app's client each refresh went through.
    provider.forAccount = async (...args) => {
      const client = await original.apply(provider, args);
      used.push(client.config.appId);
      return client;
    };
    try {
      const tenant = (await t.app.get(TenantsRepository).findBySlug('acme'))!;
      const result = await t.app.get(TenantContext).run(tenant, () => t.app.get(TokenRefreshService).refreshDue());
      expect(result).toEqual({ refreshed: 1, failed: 0 });
      expect(used).toEqual([AGENCY_APP_ID]);
    } finally {
      provider.forAccount = original;
    }
    const [after] = await t.sql<{ fresh: boolean }>(`select token_expires_at > now() + interval '30 days' as fresh from ${ACME}.instagram_accounts where id = $1`, [accountId]);
    expect(after.fresh).toBe(true);
  });

  it("accepts webhooks signed with the agency's secret at its app's URL and refuses the platform's for that workspace", async () => {
    const raw = readFileSync(new URL('webhook_comment.json', DEFAULT_FIXTURES_DIR));
    const post = (path: string, secret: string) =>
      t.request('POST', path, { body: raw.toString('utf8'), headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw, secret) } });
    const appPath = `/api/instagram/webhooks/apps/${AGENCY_APP_ID}`;

    const view = (await t.request('GET', '/api/instagram-app', acme())).body;
    const hs = await t.request('GET', `${appPath}?hub.mode=subscribe&hub.challenge=42424242&hub.verify_token=${encodeURIComponent(view.webhookVerifyToken)}`);
    expect(hs.status).toBe(200);
    expect(String(hs.body)).toBe('42424242');
    expect((await t.request('GET', `${appPath}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=platform-verify-token`)).status).toBe(403);

    const platformSigned = await post(appPath, PLATFORM_SECRET);
    expect(platformSigned.status).toBe(401);
    expect(platformSigned.body.error).toBe('invalid_signature');
    // The platform's URL verifies with the platform's secret, but this connection was made through the agency's app: not routed here.
    expect((await post('/api/instagram/webhooks', PLATFORM_SECRET)).body).toEqual({ stored: 0, routed: 0 });
    expect((await post('/api/instagram/webhooks', AGENCY_SECRET)).status).toBe(401);
    expect(await t.sql(`select count(*)::int as n from ${ACME}.webhook_events`)).toEqual([{ n: 0 }]);

    const accepted = await post(appPath, AGENCY_SECRET);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ stored: 1, routed: 1 });
    expect(await t.sql(`select account_id, field from ${ACME}.webhook_events`)).toEqual([{ account_id: accountId, field: 'comments' }]);
    // An app id nobody entered, and a malformed one.
    expect((await post('/api/instagram/webhooks/apps/5555555555555', AGENCY_SECRET)).status).toBe(401);
    const malformed = await post('/api/instagram/webhooks/apps/not-an-id', AGENCY_SECRET);
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields).toEqual({ appId: 'must be a numeric Instagram app ID' });
  });

  it('removing the app sends new connections back to the platform app', async () => {
    const removed = await t.request('DELETE', '/api/instagram-app', acme());
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ configured: false, appId: null, secretLast4: null });
    expect(await t.sql(`select count(*)::int as n from control.instagram_apps`)).toEqual([{ n: 0 }]);
    expect(await clientIdOf('acme', owner)).toBe(PLATFORM_APP_ID);
  });

  it('reads the OAuth callback and the webhook handshake through a schema: 400 naming the field', async () => {
    const noCode = await t.request('GET', '/api/instagram/callback?state=abc', { host: host() });
    expect(noCode.status).toBe(400);
    expect(noCode.body).toMatchObject({ error: 'validation_failed', fields: { code: 'is required (or error)' } });
    const twice = await t.request('GET', '/api/instagram/callback?code=a&code=b&state=abc', { host: host() });
    expect(twice.status).toBe(400);
    expect(Object.keys(twice.body.fields)).toEqual(['code']);
    const long = await t.request('GET', `/api/instagram/callback?code=a&state=${'s'.repeat(2000)}`, { host: host() });
    expect(long.status).toBe(400);
    expect(long.body.fields).toEqual({ state: 'must be at most 1024 characters' });
    // A well-formed query still gets the HTML page for a bad state.
    const forged = await t.request('GET', '/api/instagram/callback?code=a&state=abc.def', { host: host() });
    expect(forged.status).toBe(400);
    expect(String(forged.headers['content-type'])).toContain('text/html');

    const missing = await t.request('GET', '/api/instagram/webhooks?hub.mode=subscribe&hub.verify_token=platform-verify-token');
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual({ 'hub.challenge': 'is required' });
    const mode = await t.request('GET', '/api/instagram/webhooks?hub.mode=unsubscribe&hub.verify_token=platform-verify-token&hub.challenge=1');
    expect(mode.status).toBe(400);
    expect(Object.keys(mode.body.fields)).toEqual(['hub.mode']);
    const ok = await t.request('GET', '/api/instagram/webhooks?hub.mode=subscribe&hub.verify_token=platform-verify-token&hub.challenge=777');
    expect(ok.status).toBe(200);
    expect(String(ok.body)).toBe('777');
  });

  it('makes the same manual handle impossible to add twice, even at once', async () => {
    const adds = await Promise.all(
      ['Twin.Handle', 'twin.handle', 'TWIN.handle', 'twin.Handle'].map((username) => t.request('POST', '/api/accounts/manual', { ...acme(), body: { username, followersCount: 10 } })),
    );
    expect(adds.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of adds.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ error: 'account_exists', fields: { username: expect.stringContaining('already added') } });
    expect(await t.sql(`select count(*)::int as n from ${ACME}.instagram_accounts where lower(username) = 'twin.handle' and status <> 'disconnected'`)).toEqual([{ n: 1 }]);
  });

  it('the migration keeps the oldest of duplicates that already exist and retires the others', async () => {
    const schema = `"${ACME.replace(/"/g, '')}"`;
    const [dedupe, createIndex] = tenant0012Integrations.up(schema);
    await t.sql(`drop index ${schema}.instagram_accounts_live_manual_handle_idx`);
    for (const [i, username] of ['dupe.one', 'Dupe.One', 'DUPE.ONE'].entries()) {
      await t.sql(`insert into ${schema}.instagram_accounts (id, kind, username, status, created_at) values (gen_random_uuid(), 'manual', $1, 'manual', now() - make_interval(days => $2))`, [username, 10 - i]);
    }
    await t.sql(dedupe!);
    await t.sql(createIndex!);
    const rows = await t.sql<{ username: string; status: string }>(`select username, status from ${schema}.instagram_accounts where lower(username) = 'dupe.one' order by created_at`);
    expect(rows).toEqual([
      { username: 'dupe.one', status: 'manual' },
      { username: 'Dupe.One', status: 'disconnected' },
      { username: 'DUPE.ONE', status: 'disconnected' },
    ]);
  });
});
