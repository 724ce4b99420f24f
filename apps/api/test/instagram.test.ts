import { readFileSync } from 'node:fs';
import { DEFAULT_FIXTURES_DIR, startFakeInstagram, type FakeInstagram } from '@instagrowth/instagram-graph/testing';
import { TenantsRepository } from '../src/control/tenants.repository.js';
import { TenantContext } from '../src/core/tenancy/tenant-context.js';
import { TokenRefreshService } from '../src/sync/token-refresh.service.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

/** acme's schema, set once the app is up (from the naming function). */
let ACME = '';

const FIXTURES = DEFAULT_FIXTURES_DIR;

/** Everything the app prints during this file, to prove no token ever reaches a log line. */
const printed: string[] = [];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);

describe('Instagram accounts', () => {
  let fake: FakeInstagram;
  let t: TestApp;
  let owner: string;

  const waitForSync = async (accountId: string, token = owner) => {
    for (let i = 0; i < 300; i++) {
      const res = await t.request('GET', `/api/accounts/${accountId}/sync`, { host: host('acme'), token });
      if (res.status === 200 && (res.body.status === 'completed' || res.body.status === 'failed')) return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('sync did not finish in 30 s');
  };

  /** Runs the whole OAuth dance against the fake: our authorize URL → fake consent → our callback. */
  const connect = async (opts: { token?: string; loginAs?: string; slug?: string; mangle?: (search: string) => string } = {}) => {
    const start = await t.request('GET', '/api/instagram/auth/url', { host: host(opts.slug ?? 'acme'), token: opts.token ?? owner });
    expect(start.status).toBe(200);
    const url = new URL(start.body.url);
    if (opts.loginAs) url.searchParams.set('login_as', opts.loginAs);
    const consent = await fetch(url, { redirect: 'manual' });
    const location = new URL(consent.headers.get('location')!);
    const search = opts.mangle ? opts.mangle(location.search) : location.search;
    const callback = await t.request('GET', `/api/instagram/callback${search}`, { host: host() });
    return { start, callback, location, search };
  };

  beforeAll(async () => {
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      printed.push(String(chunk));
      return realOut(chunk, ...rest);
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      printed.push(String(chunk));
      return realErr(chunk, ...rest);
    }) as typeof process.stderr.write;
    // The fixtures' webhook signatures were made with this secret (fixtures/extra/webhook_signatures.json).
    fake = await startFakeInstagram({ autoApprove: 'allow', accounts: 3, mediaPerAccount: 40, appSecret: 'test_instagram_app_secret_not_real' });
    t = await createTestApp({
      INSTAGRAM_APP_ID: fake.state.settings.appId,
      INSTAGRAM_APP_SECRET: fake.state.settings.appSecret,
      INSTAGRAM_AUTHORIZE_URL: fake.authorizeUrl,
      INSTAGRAM_API_BASE_URL: fake.apiBaseUrl,
      INSTAGRAM_GRAPH_BASE_URL: fake.graphBaseUrl,
      INSTAGRAM_REDIRECT_URI: 'http://instagrowth.test/api/instagram/callback',
      INSTAGRAM_BACKFILL_DAYS: '35',
      INSTAGRAM_WEBHOOK_VERIFY_TOKEN: 'verify-me-please',
      DEFAULT_ACCOUNT_LIMIT: '4',
      LOG_LEVEL: 'debug',
    });
    owner = (await t.login('acme', 'owner@acme.test')).token;
    ACME = await t.schemaOf('acme');
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  });

  let accountId: string;

  it('connects through Business Login and redirects back to the workspace', async () => {
    const { start, callback, location } = await connect();
    const authorize = new URL(start.body.url);
    expect(authorize.searchParams.get('scope')!.split(',')).toEqual(
      expect.arrayContaining(['instagram_business_basic', 'instagram_business_manage_insights', 'instagram_business_manage_comments', 'instagram_business_manage_messages', 'instagram_business_content_publish']),
    );
    expect(authorize.searchParams.get('redirect_uri')).toBe('http://instagrowth.test/api/instagram/callback');
    expect(location.hash).toBe('#_');
    expect(callback.status).toBe(302);
    const back = new URL(callback.headers.location as string);
    expect(back.origin).toBe('http://acme.instagrowth.test');
    expect(back.pathname).toBe('/accounts');
    accountId = back.searchParams.get('connected')!;
    expect(accountId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('syncs with visible progress and stores the fixtures exactly', async () => {
    const run = await waitForSync(accountId);
    expect(run.status).toBe('completed');
    const intermediate = run.steps.filter((s: { percent: number }) => s.percent > 0 && s.percent < 100);
    expect(intermediate.length).toBeGreaterThanOrEqual(3);
    expect(new Set(intermediate.map((s: { step: string }) => s.step)).size).toBeGreaterThanOrEqual(3);

    const [account] = await t.sql<Record<string, unknown>>(`select * from ${ACME}.instagram_accounts where id = $1`, [accountId]);
    expect(account).toMatchObject({ ig_user_id: '17841405555512345', ig_app_scoped_id: '26123456789012345', username: 'lumen.studio.co', followers_count: 48213, follows_count: 612, media_count: 734, status: 'connected' });
    expect(account.granted_scopes).toHaveLength(5);
    expect(String(account.token_enc)).not.toContain('IGAA');

    const media = await t.sql<{ id: string; like_count: number; media_product_type: string }>(`select id, like_count, media_product_type from ${ACME}.media where account_id = $1 order by id`, [accountId]);
    expect(media.map((m) => m.id)).toEqual(expect.arrayContaining(['18034567890123456', '17987654321098765', '18011122233344455']));
    expect(media.find((m) => m.id === '18034567890123456')).toMatchObject({ like_count: 2841, media_product_type: 'REELS' });

    // Every metric of each insights fixture is stored with exactly the fixture's value (decimals included).
    for (const [mediaId, file] of [['18034567890123456', 'media_insights_reel.json'], ['18123456789000111', 'media_insights_image.json']]) {
      const expected = Object.fromEntries(
        (JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')).data as { name: string; values: { value: number }[] }[]).map((m) => [m.name, m.values[0].value]),
      );
      const rows = await t.sql<{ metric: string; value: number | null }>(`select metric, value from ${ACME}.media_insights where media_id = $1`, [mediaId]);
      const stored = Object.fromEntries(rows.map((r) => [r.metric, r.value]));
      expect(Object.keys(stored)).toEqual(expect.arrayContaining(['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions']));
      // A metric we asked for that the answer does not carry is unavailable (null), never 0.
      for (const [metric, value] of Object.entries(stored)) expect([metric, value]).toEqual([metric, expected[metric] ?? null]);
    }
    // `values: []` is "unavailable", never 0.
    const empty = await t.sql<{ value: string | null; status: string }>(`select value, status from ${ACME}.media_insights where media_id = '18011122233344455'`);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((r) => r.value === null && r.status === 'unavailable')).toBe(true);

    const followers = await t.sql<{ value: number; source: string }>(`select value, source from ${ACME}.account_metrics where account_id = $1 and metric = 'followers_count'`, [accountId]);
    expect(followers).toEqual([{ value: 48213, source: 'api' }]);
    const reach = await t.sql<{ n: number }>(`select count(*)::int as n from ${ACME}.account_metrics where account_id = $1 and metric = 'reach'`, [accountId]);
    expect(reach[0].n).toBeGreaterThanOrEqual(30);
    const totals = await t.sql<{ n: number }>(`select count(distinct day)::int as n from ${ACME}.account_metrics where account_id = $1 and metric = 'accounts_engaged'`, [accountId]);
    expect(totals[0].n).toBe(35);

    const index = await t.sql(`select ig_user_id, tenant_id from control.instagram_account_index where account_id = $1`, [accountId]);
    expect(index).toEqual([{ ig_user_id: '17841405555512345', tenant_id: 1 }]);
  });

  it('serves the account page data: summary, history and media with engagement', async () => {
    const list = await t.request('GET', '/api/accounts', { host: host('acme'), token: owner });
    expect(list.body.data.map((a: { id: string }) => a.id)).toContain(accountId);
    expect(list.body.limit).toEqual({ used: 1, max: 4 });
    const detail = await t.request('GET', `/api/accounts/${accountId}`, { host: host('acme'), token: owner });
    expect(detail.body).toMatchObject({ username: 'lumen.studio.co', igUserId: '17841405555512345', status: 'connected', missingScopes: [] });
    expect(detail.body.history.at(-1)).toMatchObject({ followersCount: 48213, followersEstimated: false });
    const media = await t.request('GET', `/api/accounts/${accountId}/media?limit=10`, { host: host('acme'), token: owner });
    const reel = media.body.data.find((m: { id: string }) => m.id === '18034567890123456');
    expect(reel.insights.reach).toBe(40117);
    expect(reel.engagementRate).toBeGreaterThan(0);
    const empty = media.body.data.find((m: { id: string }) => m.id === '18011122233344455');
    expect(Object.values(empty.insights).every((v) => v === null)).toBe(true);
    expect((await t.request('GET', `/api/accounts/${accountId}/media?limit=0`, { host: host('acme'), token: owner })).body.fields).toEqual({ limit: 'must be at least 1' });
  });

  it('refuses a bad, reused or tampered state and a reused code with clear answers', async () => {
    const first = await connect({ loginAs: fake.state.accounts[1].username });
    expect(first.callback.status).toBe(302);
    // The same callback again: the state's nonce is spent.
    const replay = await t.request('GET', `/api/instagram/callback${first.search}`, { host: host() });
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('already used');
    // A fresh state with the old code: Instagram refuses the code.
    const reused = await connect({ mangle: (search) => search.replace(/code=[^&]+/, new URLSearchParams(first.search).get('code') ? `code=${encodeURIComponent(new URLSearchParams(first.search).get('code')!)}` : '') });
    expect(reused.callback.status).toBe(302);
    expect(new URL(reused.callback.headers.location as string).searchParams.get('error')).toBe('code_rejected');
    const tampered = await t.request('GET', `/api/instagram/callback?code=abc&state=${encodeURIComponent('eyJ0Ijo5OX0.bad')}`, { host: host() });
    expect(tampered.status).toBe(400);
    expect(tampered.body).toContain('did not start from InstaGrowth');
    // Denied consent goes back to the workspace with a message.
    fake.state.autoApprove = 'deny';
    const denied = await connect();
    fake.state.autoApprove = 'allow';
    const deniedUrl = new URL(denied.callback.headers.location as string);
    expect(deniedUrl.searchParams.get('error')).toBe('access_denied');
    expect(deniedUrl.searchParams.get('message')).toMatch(/cancelled/);
    // A `#_` glued to the code (copied by a framework) is stripped.
    const glued = await connect({ loginAs: fake.state.accounts[2].username, mangle: (search) => search.replace(/code=([^&]+)/, 'code=$1%23_') });
    expect(new URL(glued.callback.headers.location as string).searchParams.get('connected')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an expired token marks only that account "reconnect required" and notifies the workspace', async () => {
    const accounts = (await t.request('GET', '/api/accounts', { host: host('acme'), token: owner })).body.data as { id: string; username: string }[];
    const second = accounts.find((a) => a.username === fake.state.accounts[1].username)!;
    await waitForSync(second.id);
    for (const token of [...(fake.state as unknown as { tokens: Map<string, { igUserId: string; kind: string }> }).tokens.entries()].filter(([, v]) => v.igUserId === fake.state.accounts[1].igUserId && v.kind === 'long').map(([k]) => k)) {
      fake.state.expireToken(token);
    }
    expect((await t.request('POST', `/api/accounts/${second.id}/refresh`, { host: host('acme'), token: owner })).status).toBe(202);
    expect((await t.request('POST', `/api/accounts/${accountId}/refresh`, { host: host('acme'), token: owner })).status).toBe(202);
    const failed = await waitForSync(second.id);
    expect(failed.status).toBe('failed');
    const ok = await waitForSync(accountId);
    expect(ok.status).toBe('completed');
    const after = (await t.request('GET', '/api/accounts', { host: host('acme'), token: owner })).body.data as { id: string; status: string }[];
    expect(after.find((a) => a.id === second.id)!.status).toBe('reconnect_required');
    expect(after.find((a) => a.id === accountId)!.status).toBe('connected');
    const mail = await t.waitForMail('owner@acme.test', 'instagram-reconnect');
    expect(mail.subject).toContain(fake.state.accounts[1].username);
    expect((await t.request('POST', `/api/accounts/${second.id}/refresh`, { host: host('acme'), token: owner })).body.error).toBe('reconnect_required');
  });

  it('reconnects an account that needs it, keeping its id and history', async () => {
    const accounts = (await t.request('GET', '/api/accounts', { host: host('acme'), token: owner })).body.data as { id: string; username: string; status: string }[];
    const second = accounts.find((a) => a.username === fake.state.accounts[1].username)!;
    expect(second.status).toBe('reconnect_required');
    const start = await t.request('GET', `/api/instagram/auth/url?accountId=${second.id}`, { host: host('acme'), token: owner });
    const url = new URL(start.body.url);
    // Signing in as someone else is refused with a message naming both accounts.
    url.searchParams.set('login_as', fake.state.accounts[2].username);
    const wrong = await t.request('GET', `/api/instagram/callback${new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!).search}`, { host: host() });
    expect(new URL(wrong.headers.location as string).searchParams.get('error')).toBe('wrong_account');
    const again = new URL((await t.request('GET', `/api/instagram/auth/url?accountId=${second.id}`, { host: host('acme'), token: owner })).body.url);
    again.searchParams.set('login_as', fake.state.accounts[1].username);
    const ok = await t.request('GET', `/api/instagram/callback${new URL((await fetch(again, { redirect: 'manual' })).headers.get('location')!).search}`, { host: host() });
    expect(Object.fromEntries(new URL(ok.headers.location as string).searchParams)).toEqual({ connected: second.id });
    expect((await waitForSync(second.id)).status).toBe('completed');
    expect((await t.request('GET', `/api/accounts/${second.id}`, { host: host('acme'), token: owner })).body.status).toBe('connected');
    expect(fake.state.subscriptions.size).toBeGreaterThan(0);
  });

  it('a throttled account backs off on its own while the others sync', async () => {
    const accounts = (await t.request('GET', '/api/accounts', { host: host('acme'), token: owner })).body.data as { id: string; username: string }[];
    const third = accounts.find((a) => a.username === fake.state.accounts[2].username)!;
    await waitForSync(third.id);
    const tokens = [...(fake.state as unknown as { tokens: Map<string, { igUserId: string }> }).tokens.entries()].filter(([, v]) => v.igUserId === fake.state.accounts[2].igUserId).map(([k]) => k);
    for (const token of tokens) fake.state.throttle(token, { code: 80002, regainMinutes: 7, times: 1000 });
    await t.request('POST', `/api/accounts/${third.id}/refresh`, { host: host('acme'), token: owner });
    await t.request('POST', `/api/accounts/${accountId}/refresh`, { host: host('acme'), token: owner });
    expect((await waitForSync(accountId)).status).toBe('completed');
    let throttled: { status: string; lastSyncError: string | null } | undefined;
    for (let i = 0; i < 100 && !throttled?.lastSyncError; i++) {
      throttled = (await t.request('GET', `/api/accounts/${third.id}`, { host: host('acme'), token: owner })).body;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(throttled!.lastSyncError).toMatch(/slow down.*retrying in about 7 min/);
    expect(throttled!.status).not.toBe('reconnect_required');
    for (const token of tokens) fake.state.unthrottle(token);
  });

  it('refreshes tokens older than 24 h that expire soon, and flags refused ones', async () => {
    const accounts = (await t.request('GET', '/api/accounts', { host: host('acme'), token: owner })).body.data as { id: string; username: string }[];
    const first = accountId;
    const third = accounts.find((a) => a.username === fake.state.accounts[2].username)!.id;
    const before = await t.sql<{ id: string; token_enc: string }>(`select id, token_enc from ${ACME}.instagram_accounts where id = any($1)`, [[first, third]]);
    // Both tokens are 2 days old and expire in 5 days; the third account's token is dead at Instagram.
    await t.sql(`update ${ACME}.instagram_accounts set token_refreshed_at = now() - interval '2 days', token_expires_at = now() + interval '5 days' where id = any($1)`, [[first, third]]);
    for (const [token, v] of (fake.state as unknown as { tokens: Map<string, { igUserId: string; kind: string }> }).tokens) if (v.igUserId === fake.state.accounts[2].igUserId && v.kind === 'long') fake.state.expireToken(token);
    const tenant = (await t.app.get(TenantsRepository).findBySlug('acme'))!;
    const result = await t.app.get(TenantContext).run(tenant, () => t.app.get(TokenRefreshService).refreshDue());
    expect(result).toEqual({ refreshed: 1, failed: 1 });
    const after = await t.sql<{ id: string; token_enc: string; status: string; days: number }>(
      `select id, token_enc, status, extract(day from token_expires_at - now())::int as days from ${ACME}.instagram_accounts where id = any($1)`,
      [[first, third]],
    );
    const a = after.find((r) => r.id === first)!;
    expect(a.token_enc).not.toBe(before.find((r) => r.id === first)!.token_enc);
    expect(a.days).toBeGreaterThanOrEqual(58);
    expect(after.find((r) => r.id === third)!.status).toBe('reconnect_required');
    // The refreshed token works: a sync completes.
    await t.request('POST', `/api/accounts/${first}/refresh`, { host: host('acme'), token: owner });
    expect((await waitForSync(first)).status).toBe('completed');
  });

  it('adds manual accounts, imports a CSV with a row-by-row report, and enforces the plan limit', async () => {
    const bad = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'no spaces!', followersCount: -1 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['followersCount', 'username']);
    const created = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: '@Corner.Bakery', followersCount: 1200, followsCount: 300, mediaCount: 88 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'manual', status: 'manual', username: 'corner.bakery', followersCount: 1200 });
    const csv = 'posted_at,caption,media_type,likes,comments,reach\n2026-10-01,"Fresh bread, today",IMAGE,120,4,2000\nnot-a-date,x,IMAGE,1,1,1\n2026-10-02,Reel,REEL,80,,';
    const imported = await t.request('POST', `/api/accounts/${created.body.id}/posts/import`, { host: host('acme'), token: owner, body: { csv } });
    expect(imported.body).toEqual({ imported: 2, rejected: [{ row: 3, reason: expect.stringContaining('not a date') }] });
    const media = await t.request('GET', `/api/accounts/${created.body.id}/media`, { host: host('acme'), token: owner });
    expect(media.body.data).toHaveLength(2);
    const reel = media.body.data.find((m: { caption: string }) => m.caption === 'Reel');
    expect(reel.insights.comments).toBeNull();
    expect(reel.insights.likes).toBe(80);
    // Importing the same file again updates, it does not duplicate.
    await t.request('POST', `/api/accounts/${created.body.id}/posts/import`, { host: host('acme'), token: owner, body: { csv } });
    expect((await t.request('GET', `/api/accounts/${created.body.id}/media`, { host: host('acme'), token: owner })).body.data).toHaveLength(2);
    // Pages: newest first, with the total for the pager; a bad offset is a 400 naming it.
    const page2 = await t.request('GET', `/api/accounts/${created.body.id}/media?limit=1&offset=1`, { host: host('acme'), token: owner });
    expect(page2.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page2.body.data.map((m: { caption: string }) => m.caption)).toEqual(['Fresh bread, today']);
    const badOffset = await t.request('GET', `/api/accounts/${created.body.id}/media?offset=-1`, { host: host('acme'), token: owner });
    expect({ status: badOffset.status, fields: badOffset.body.fields }).toEqual({ status: 400, fields: { offset: 'must be at least 0' } });
    const numbers = await t.request('PUT', `/api/accounts/${created.body.id}/metrics`, { host: host('acme'), token: owner, body: { followersCount: 1250 } });
    expect(numbers.body.followersCount).toBe(1250);
    // 4 accounts now: the limit names itself.
    const over = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: owner, body: { username: 'one.more', followersCount: 1 } });
    expect(over.status).toBe(402);
    expect(over.body).toMatchObject({ error: 'account_limit_reached', message: expect.stringContaining('4 Instagram accounts') });
    const connectOver = await t.request('GET', '/api/instagram/auth/url', { host: host('acme'), token: owner });
    expect(connectOver.body.error).toBe('account_limit_reached');
  });

  it('shows managers and clients only their assigned accounts; owners and admins assign', async () => {
    const manager = await t.login('acme', 'manager@acme.test');
    const client = await t.login('acme', 'client@acme.test');
    const admin = await t.login('acme', 'admin@acme.test');
    const list = (token: string) => t.request('GET', '/api/accounts', { host: host('acme'), token }).then((r) => r.body.data.map((a: { id: string }) => a.id));
    expect(await list(manager.token)).toEqual([]);
    expect(await list(client.token)).toEqual([]);
    expect((await list(admin.token)).length).toBe(4);
    expect((await t.request('GET', `/api/accounts/${accountId}`, { host: host('acme'), token: manager.token })).status).toBe(404);

    const assign = await t.request('PUT', `/api/accounts/${accountId}/assignments`, { host: host('acme'), token: admin.token, body: { userIds: [manager.user.id, client.user.id] } });
    expect(assign.status).toBe(200);
    expect(assign.body.data.map((a: { email: string }) => a.email).sort()).toEqual(['client@acme.test', 'manager@acme.test']);
    expect(await list(manager.token)).toEqual([accountId]);
    expect(await list(client.token)).toEqual([accountId]);
    expect((await t.request('GET', `/api/accounts/${accountId}/media`, { host: host('acme'), token: client.token })).status).toBe(200);
    // Clients read; they do not sync, change or assign.
    expect((await t.request('POST', `/api/accounts/${accountId}/refresh`, { host: host('acme'), token: client.token })).status).toBe(403);
    expect((await t.request('PUT', `/api/accounts/${accountId}/assignments`, { host: host('acme'), token: manager.token, body: { userIds: [] } })).status).toBe(403);
    expect((await t.request('DELETE', `/api/accounts/${accountId}`, { host: host('acme'), token: manager.token })).status).toBe(403);
    // Only managers and clients can be assigned, all or nothing.
    const wrong = await t.request('PUT', `/api/accounts/${accountId}/assignments`, { host: host('acme'), token: owner, body: { userIds: [admin.user.id] } });
    expect(wrong.status).toBe(400);
    expect(await list(manager.token)).toEqual([accountId]);
    // A manager who adds an account is assigned to it.
    await t.request('PUT', `/api/accounts/${accountId}/assignments`, { host: host('acme'), token: owner, body: { userIds: [] } });
    const accounts = (await t.request('GET', '/api/accounts', { host: host('acme'), token: owner })).body.data as { id: string; kind: string }[];
    await t.request('DELETE', `/api/accounts/${accounts.find((a) => a.kind === 'manual')!.id}`, { host: host('acme'), token: owner });
    const own = await t.request('POST', '/api/accounts/manual', { host: host('acme'), token: manager.token, body: { username: 'managers.own', followersCount: 10 } });
    expect(own.status).toBe(201);
    expect(await list(manager.token)).toEqual([own.body.id]);
  });

  it('answers the webhook handshake and routes signed events to every workspace that connected the account', async () => {
    const ok = await t.request('GET', '/api/instagram/webhooks?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me-please');
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(1158201444);
    expect((await t.request('GET', '/api/instagram/webhooks?hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong')).status).toBe(403);

    // The same Instagram account connected in a second workspace.
    const globexOwner = (await t.login('globex', 'owner@globex.test')).token;
    const other = await connect({ slug: 'globex', token: globexOwner });
    const globexAccount = new URL(other.callback.headers.location as string).searchParams.get('connected')!;
    expect(new URL(other.callback.headers.location as string).origin).toBe('http://globex.instagrowth.test');

    const signatures = JSON.parse(readFileSync(new URL('extra/webhook_signatures.json', FIXTURES), 'utf8')).signatures;
    const raw = readFileSync(new URL('webhook_comment.json', FIXTURES));
    const post = (body: Buffer, signature: string) =>
      t.request('POST', '/api/instagram/webhooks', { body: body.toString('utf8'), headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
    const delivered = await post(raw, signatures['../webhook_comment.json']);
    expect(delivered.status).toBe(200);
    expect(delivered.body).toEqual({ stored: 2, routed: 2 });
    // Meta retries: the same event is stored once per workspace.
    expect((await post(raw, signatures['../webhook_comment.json'])).body).toEqual({ stored: 0, routed: 2 });
    const acmeRows = await t.sql(`select account_id, field from ${ACME}.webhook_events`);
    expect(acmeRows).toEqual([{ account_id: accountId, field: 'comments' }]);
    const globexSchema = (await t.sql<{ schema_name: string }>(`select schema_name from control.tenants where slug = 'globex'`))[0].schema_name;
    expect(await t.sql(`select account_id from ${globexSchema}.webhook_events`)).toEqual([{ account_id: globexAccount }]);
    // One byte changed, or the signature of another body: refused.
    const tampered = Buffer.from(raw.toString('utf8').replace('"comments"', '"Comments"'));
    expect((await post(tampered, signatures['../webhook_comment.json'])).status).toBe(401);
    expect((await post(raw, signatures['../webhook_message.json'])).status).toBe(401);
    expect((await post(raw, '')).status).toBe(401);
  });

  it("uses the super-admin's Instagram settings over the environment, at once", async () => {
    const admin = await t.adminLogin();
    const put = (values: Record<string, string | null>) => t.request('PUT', '/api/admin-panel/settings', { host: host('admin'), token: admin, body: { values } });
    const clientId = async () => new URL((await t.request('GET', '/api/instagram/auth/url', { host: host('globex'), token: (await t.login('globex', 'owner@globex.test')).token })).body.url).searchParams.get('client_id');
    expect(await clientId()).toBe(fake.state.settings.appId);
    await put({ 'instagram.appId': 'agency-app-id-from-settings' });
    expect(await clientId()).toBe('agency-app-id-from-settings');
    await put({ 'instagram.appId': null });
    expect(await clientId()).toBe(fake.state.settings.appId);
  });

  it('never printed an access token', () => {
    const tokens = [...(fake.state as unknown as { tokens: Map<string, unknown> }).tokens.keys()];
    expect(tokens.length).toBeGreaterThan(3);
    const text = printed.join('');
    expect(text.length).toBeGreaterThan(0);
    for (const token of tokens) expect(text).not.toContain(token);
  });
});
