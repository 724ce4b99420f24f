import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findForeignNumbers, type Audit } from '@instagrowth/growth-engine';
import { TenantsRepository } from '../src/control/tenants.repository.js';
import { seedFromManifest } from '../src/workspaces/demo-seed.js';
import { TenantContext } from '../src/core/tenancy/tenant-context.js';
import { CreditsService } from '../src/credits/credits.service.js';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

const acme = host('acme');
const DAY = 86_400_000;

/** Posts every other day for `count` posts back from now, with every metric. */
function csv(count: number): string {
  const rows = ['posted_at,caption,media_type,likes,comments,saves,shares,reach,views'];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.now() - (i * 2 + 1) * DAY - (i % 5) * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    rows.push(`${at},Post ${i} #growth #tips #reels,${['IMAGE', 'REEL', 'CAROUSEL_ALBUM'][i % 3]},${120 + ((i * 37) % 90)},${8 + (i % 7)},${5 + (i % 4)},${2 + (i % 3)},${2400 + ((i * 211) % 900)},${3000 + i * 10}`);
  }
  return rows.join('\n');
}

describe('audits: AI core, job, credits, history, share links, roles, dashboard', () => {
  let t: TestApp;
  let ai: FakeOpenAi;
  let owner: string;
  let adminToken: string;
  let accountId: string;
  let inAcme: <T>(fn: () => Promise<T>) => Promise<T>;
  let schema: string;

  beforeAll(async () => {
    ai = await startFakeOpenAi();
    t = await createTestApp({ DEFAULT_AI_CREDITS: '20', OPENAI_TIMEOUT_MS: '800', OPENAI_MAX_RETRIES: '1' });
    const tenant = (await t.app.get(TenantsRepository).findBySlug('acme'))!;
    schema = tenant.schemaName;
    inAcme = (fn) => t.app.get(TenantContext).run(tenant, fn);
    owner = (await t.login('acme', 'owner@acme.test')).token;
    adminToken = await t.adminLogin();
    const created = await t.request('POST', '/api/accounts/manual', { host: acme, token: owner, body: { username: 'audit.me', followersCount: 5200 } });
    expect(created.status).toBe(201);
    accountId = created.body.id;
    // Follower counts for 30 days (growth needs ≥ 7, the dashboard's change 28), then 40 posts.
    for (let d = 30; d >= 0; d--) {
      const day = new Date(Date.now() - d * DAY).toISOString().slice(0, 10);
      const res = await t.request('PUT', `/api/accounts/${accountId}/metrics`, { host: acme, token: owner, body: { followersCount: 4900 + (30 - d) * 10, day } });
      expect(res.status).toBe(200);
    }
    const imported = await t.request('POST', `/api/accounts/${accountId}/posts/import`, { host: acme, token: owner, body: { csv: csv(40) } });
    expect(imported.body.imported).toBe(40);
  });
  afterAll(async () => {
    await t?.close();
    await ai?.close();
  });

  const setAi = (on: boolean) =>
    t.request('PUT', '/api/admin-panel/settings', {
      host: host('admin'),
      token: adminToken,
      body: { values: on ? { 'openai.apiKey': 'sk-test-key', 'openai.baseUrl': ai.baseUrl, 'openai.model': 'gpt-4o-mini' } : { 'openai.apiKey': null, 'openai.baseUrl': null } },
    });
  const balance = async () => (await t.request('GET', '/api/credits', { host: acme, token: owner })).body.balance as number;
  /** Polls the audit until it finishes (bounded), recording every progress percent seen. */
  async function finish(id: string, token = owner) {
    const seen: number[] = [];
    for (let i = 0; i < 300; i++) {
      const res = await t.request('GET', `/api/audits/${id}`, { host: acme, token });
      if (res.status !== 200) throw new Error(`GET audit: ${res.status} ${JSON.stringify(res.body)}`);
      seen.push(res.body.progress.percent);
      if (res.body.status === 'completed' || res.body.status === 'failed') return { audit: res.body, seen };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`audit ${id} did not finish within 15 s`);
  }
  async function runAudit(token = owner, account = accountId) {
    const res = await t.request('POST', `/api/accounts/${account}/audits`, { host: acme, token });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    return finish(res.body.id, token);
  }

  it('offline writer: no key → a finished audit written without AI, 0 credits, numbers only from the computed data', async () => {
    const before = await balance();
    const { audit } = await runAudit();
    expect(audit).toMatchObject({ status: 'completed', source: 'offline', credits: 0, narrativeFallback: false, error: null });
    expect(await balance()).toBe(before);
    expect(audit.progress.steps.map((s: { percent: number }) => s.percent)).toEqual([10, 35, 60, 90, 100]);
    const result = audit.result;
    expect(result.notEnoughData).toBe(false);
    expect(result.overall.score).toMatchObject({ status: 'ok', formula: expect.any(String), inputs: expect.any(Object) });
    expect(result.scores.map((s: { area: string }) => s.area)).toEqual(['engagement', 'consistency', 'growth', 'content', 'risk']);
    expect(result.roadmap).toHaveLength(4);
    expect(result.risk.estimate).toBe(true);
    for (const r of result.recommendations) for (const id of r.evidence) expect(result.evidence[id] ?? id.includes('.')).toBeTruthy();
    // Every number in the narrative exists in the computed audit (read straight from the database).
    const [{ result: stored }] = await t.sql<{ result: Audit }>(`select result from "${schema}".audits where id = $1`, [audit.id]);
    const text = [audit.narrative.summary, ...audit.narrative.areas.map((a: { text: string }) => a.text), ...audit.narrative.recommendations.map((r: { text: string }) => r.text)].join('\n');
    expect(text).toMatch(/\d/);
    expect(findForeignNumbers(text, stored, { scope: 'summary' })).toEqual([]);
  });

  it('AI: structured answer via the settings key → source ai, 1 credit, usage recorded in the workspace and rolled up per day', async () => {
    expect((await setAi(true)).status).toBe(200);
    ai.mode = 'ok';
    const before = await balance();
    const sent = ai.requests.length;
    const { audit } = await runAudit();
    expect(audit).toMatchObject({ status: 'completed', source: 'ai', credits: 1, narrativeFallback: false });
    expect(audit.narrative.summary).toContain('audit.me');
    expect(await balance()).toBe(before - 1);
    const request = ai.requests[sent];
    expect(request.model).toBe('gpt-4o-mini');
    expect(request.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'audit_narrative', strict: true } });
    const usage = await t.sql<{ feature: string; prompt_tokens: number; completion_tokens: number; cost_usd: string }>(`select * from "${schema}".ai_usage where reference_id = $1`, [audit.id]);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ feature: 'audit', prompt_tokens: 1200, completion_tokens: 300 });
    expect(Number(usage[0].cost_usd)).toBeCloseTo((1200 * 0.15 + 300 * 0.6) / 1e6, 9);
    const [daily] = await t.sql<{ generations: number; prompt_tokens: string }>(`select generations, prompt_tokens from control.ai_usage_daily d join control.tenants t on t.id = d.tenant_id where t.slug = 'acme' and feature = 'audit'`);
    expect(daily.generations).toBeGreaterThanOrEqual(1);
    expect(Number(daily.prompt_tokens)).toBe(1200 * daily.generations);
  });

  it('AI: 429 then success is retried by the SDK and completes', async () => {
    ai.mode = 'rate-limit-then-ok';
    const from = ai.statuses.length;
    const { audit } = await runAudit();
    expect(audit).toMatchObject({ status: 'completed', source: 'ai' });
    expect(ai.statuses.slice(from)).toEqual([429, 200]);
  });

  it('AI: malformed JSON is retried once, then the audit fails cleanly and the credit is refunded', async () => {
    ai.mode = 'malformed';
    const before = await balance();
    const sent = ai.requests.length;
    const { audit } = await runAudit();
    expect(audit).toMatchObject({ status: 'failed', credits: 0, result: null });
    expect(audit.error).toMatch(/could not be used/);
    expect(ai.requests.length - sent).toBe(2);
    expect(ai.requests[sent + 1].messages.at(-1)?.content).toMatch(/rejected/);
    expect(await balance()).toBe(before);
    const ledger = await t.sql<{ kind: string; amount: number }>(`select kind, amount from "${schema}".credit_ledger where reference_id = $1 order by created_at`, [audit.id]);
    expect(ledger.map((l) => [l.kind, l.amount])).toEqual([['debit', -1], ['refund', 1]]);
  });

  it('AI: a timeout fails the audit with a clear error and refunds', async () => {
    ai.mode = 'timeout';
    const before = await balance();
    const { audit } = await runAudit();
    expect(audit.status).toBe('failed');
    expect(audit.error).toMatch(/did not answer in time/);
    expect(await balance()).toBe(before);
  });

  it('AI: a narrative inventing a number is rejected, retried once, then replaced by offline prose (flagged, refunded)', async () => {
    ai.mode = 'invent';
    const before = await balance();
    const sent = ai.requests.length;
    const { audit } = await runAudit();
    expect(audit).toMatchObject({ status: 'completed', source: 'offline', narrativeFallback: true, credits: 0 });
    expect(ai.requests.length - sent).toBe(2);
    expect(ai.requests[sent + 1].messages.at(-1)?.content).toContain('987654');
    expect(audit.narrative.summary).not.toContain('987654');
    expect(await balance()).toBe(before);
  });

  it('history is newest first with each score’s change since the previous completed audit', async () => {
    const res = await t.request('GET', `/api/accounts/${accountId}/audits`, { host: acme, token: owner });
    expect(res.status).toBe(200);
    const list = res.body.data;
    expect(list.length).toBeGreaterThanOrEqual(6);
    const times = list.map((a: { createdAt: string }) => Date.parse(a.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const completed = list.filter((a: { status: string }) => a.status === 'completed');
    // Same data → same scores → every change is 0; the oldest audit has no previous one.
    expect(completed[0].overallChange).toBe(0);
    expect(completed[0].scores.find((s: { area: string }) => s.area === 'engagement').change).toBe(0);
    expect(completed.at(-1).overallChange).toBeNull();
    // A change shows up when the data changes: 15 more posts with much higher engagement.
    await setAi(false);
    await t.sql(`update "${schema}".media_insights set value = value * 3 where metric in ('likes', 'comments')`);
    const { audit } = await runAudit();
    const after = (await t.request('GET', `/api/accounts/${accountId}/audits`, { host: acme, token: owner })).body.data[0];
    expect(after.id).toBe(audit.id);
    const eng = after.scores.find((s: { area: string }) => s.area === 'engagement');
    expect(eng.change).not.toBe(0);
    expect(eng.change).toBeCloseTo(eng.value - completed[0].scores.find((s: { area: string }) => s.area === 'engagement').value, 5);
  });

  it('an empty wallet answers 402 credits_exhausted and writes no audit', async () => {
    await setAi(true);
    ai.mode = 'ok';
    const left = await balance();
    await inAcme(() => t.app.get(CreditsService).debit({ amount: left, feature: 'test', referenceId: 'drain' }));
    const [{ n: before }] = await t.sql<{ n: number }>(`select count(*)::int as n from "${schema}".audits`);
    const res = await t.request('POST', `/api/accounts/${accountId}/audits`, { host: acme, token: owner });
    expect(res.status).toBe(402);
    expect(res.body.error).toBe('credits_exhausted');
    expect(res.body.message).toMatch(/credit pack|upgrade/);
    const [{ n: after }] = await t.sql<{ n: number }>(`select count(*)::int as n from "${schema}".audits`);
    expect(after).toBe(before);
    await inAcme(() => t.app.get(CreditsService).refund('drain', 'test: refill'));
    await setAi(false);
  });

  it('five posts → "not enough data" for the overall score, still a finished audit', async () => {
    await setAi(false);
    const created = await t.request('POST', '/api/accounts/manual', { host: acme, token: owner, body: { username: 'tiny.account', followersCount: 800 } });
    await t.request('POST', `/api/accounts/${created.body.id}/posts/import`, { host: acme, token: owner, body: { csv: csv(5) } });
    const { audit } = await runAudit(owner, created.body.id);
    expect(audit.status).toBe('completed');
    expect(audit.result.notEnoughData).toBe(true);
    expect(audit.result.overall.score).toMatchObject({ status: 'insufficient_data', need: expect.any(String) });
    expect(audit.result.scores.find((s: { area: string }) => s.area === 'engagement').score.status).toBe('insufficient_data');
    expect(audit.narrative.summary).toMatch(/Not enough data yet/);
  });

  it('share links: hashed token, logged-out HTML and PDF, open counts, revoked and expired → 410', async () => {
    const [{ id: auditId }] = await t.sql<{ id: string }>(`select id from "${schema}".audits where account_id = $1 and status = 'completed' order by created_at desc limit 1`, [accountId]);
    expect((await t.request('POST', `/api/audits/${auditId}/share-links`, { host: acme, token: owner, body: { expiresInDays: 0 } })).body.fields).toHaveProperty('expiresInDays');
    const created = await t.request('POST', `/api/audits/${auditId}/share-links`, { host: acme, token: owner, body: {} });
    expect(created.status).toBe(201);
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(29.9 * DAY);
    const url = new URL(created.body.url);
    expect(url.hostname).toBe(acme);
    const token = url.pathname.split('/')[2];
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const stored = await t.sql<{ token_hash: string }>(`select token_hash from "${schema}".share_links where id = $1`, [created.body.id]);
    expect(stored[0].token_hash).not.toContain(token);

    const page = await t.request('GET', `/r/${token}`, { host: acme });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Acme Agency');
    expect(page.body).toContain('@audit.me');
    const pdf = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/r/${token}/pdf`, headers: { host: acme } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'audit-pdf-'));
    writeFileSync(join(dir, 'a.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Acme Agency');
    expect(text).toContain('30-day roadmap');

    const list = await t.request('GET', `/api/audits/${auditId}/share-links`, { host: acme, token: owner });
    expect(list.body.data[0]).toMatchObject({ id: created.body.id, openCount: 2, lastOpenedAt: expect.any(String) });

    expect((await t.request('GET', `/r/${'x'.repeat(32)}`, { host: acme })).status).toBe(404);
    expect((await t.request('GET', `/r/${token}`, { host: host('globex') })).status).toBe(404);

    expect((await t.request('DELETE', `/api/share-links/${created.body.id}`, { host: acme, token: owner })).status).toBe(204);
    const revoked = await t.request('GET', `/r/${token}`, { host: acme });
    expect(revoked.status).toBe(410);
    expect(revoked.body).toContain('revoked');

    const second = await t.request('POST', `/api/audits/${auditId}/share-links`, { host: acme, token: owner, body: { expiresInDays: 1 } });
    await t.sql(`update "${schema}".share_links set expires_at = now() - interval '1 minute' where id = $1`, [second.body.id]);
    const expired = await t.request('GET', new URL(second.body.url).pathname, { host: acme });
    expect(expired.status).toBe(410);
    expect(expired.body).toContain('expired');
  });

  it('GET /api/audits/:id/pdf answers a branded PDF', async () => {
    const [{ id }] = await t.sql<{ id: string }>(`select id from "${schema}".audits where account_id = $1 and status = 'completed' limit 1`, [accountId]);
    const res = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/api/audits/${id}/pdf`, headers: { host: acme, authorization: `Bearer ${owner}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('roles: managers and clients see audits of their assigned accounts only; clients cannot run or share', async () => {
    const manager = await t.login('acme', 'manager@acme.test');
    const client = await t.login('acme', 'client@acme.test');
    const [{ id: auditId }] = await t.sql<{ id: string }>(`select id from "${schema}".audits where account_id = $1 and status = 'completed' limit 1`, [accountId]);
    for (const who of [manager, client]) {
      expect((await t.request('GET', `/api/audits/${auditId}`, { host: acme, token: who.token })).status).toBe(404);
      expect((await t.request('GET', `/api/accounts/${accountId}/audits`, { host: acme, token: who.token })).status).toBe(404);
      // A client may run no audit at all (403 by role); a manager gets 404 for an account not assigned.
      expect((await t.request('POST', `/api/accounts/${accountId}/audits`, { host: acme, token: who.token })).status).toBe(who === client ? 403 : 404);
      expect((await t.request('GET', '/api/dashboard', { host: acme, token: who.token })).body.data).toEqual([]);
    }
    await t.request('PUT', `/api/accounts/${accountId}/assignments`, { host: acme, token: owner, body: { userIds: [manager.user.id, client.user.id] } });
    const m = await t.login('acme', 'manager@acme.test');
    const c = await t.login('acme', 'client@acme.test');
    expect((await t.request('GET', `/api/audits/${auditId}`, { host: acme, token: c.token })).status).toBe(200);
    expect((await t.request('POST', `/api/accounts/${accountId}/audits`, { host: acme, token: c.token })).status).toBe(403);
    expect((await t.request('POST', `/api/audits/${auditId}/share-links`, { host: acme, token: c.token, body: {} })).status).toBe(403);
    expect((await t.request('POST', `/api/audits/${auditId}/share-links`, { host: acme, token: m.token, body: {} })).status).toBe(201);
    const { audit } = await runAudit(m.token);
    expect(audit.status).toBe('completed');
    const dash = await t.request('GET', '/api/dashboard', { host: acme, token: c.token });
    expect(dash.body.data.map((d: { accountId: string }) => d.accountId)).toEqual([accountId]);
  });

  it('dashboard: figures from the engine, latest audit score and change; account time zone validated', async () => {
    const res = await t.request('GET', '/api/dashboard', { host: acme, token: owner });
    expect(res.status).toBe(200);
    const row = res.body.data.find((d: { accountId: string }) => d.accountId === accountId);
    expect(row.followers).toMatchObject({ status: 'ok', value: 5200 });
    expect(row.followerChange28d).toMatchObject({ status: 'ok' });
    expect(row.engagementMedian).toMatchObject({ status: 'ok', formula: expect.any(String) });
    expect(row.sparkline.length).toBeGreaterThan(7);
    const history = (await t.request('GET', `/api/accounts/${accountId}/audits`, { host: acme, token: owner })).body.data.filter((a: { status: string }) => a.status === 'completed');
    expect(row.latestAudit).toMatchObject({ id: history[0].id, score: history[0].overall, change: history[0].overallChange });

    const bad = await t.request('PUT', `/api/accounts/${accountId}/time-zone`, { host: acme, token: owner, body: { timeZone: 'Mars/Olympus' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('timeZone');
    expect((await t.request('GET', `/api/accounts/${accountId}/time-zone`, { host: acme, token: owner })).body).toEqual({ timeZone: 'UTC' });
    expect((await t.request('PUT', `/api/accounts/${accountId}/time-zone`, { host: acme, token: owner, body: { timeZone: 'Asia/Tokyo' } })).status).toBe(200);
    const { audit } = await runAudit();
    expect(audit.result.timeZone).toBe('Asia/Tokyo');
  });

  it('demo seed: every demo account has one finished audit written without AI, visible at first login', async () => {
    const { created, manifest } = await seedFromManifest(t.app, join(process.cwd(), 'tenants/demo/tenant.json'));
    expect(created).toBe(true);
    const demo = await t.login('demo', manifest.users[0].email, manifest.users[0].password);
    const accounts = (await t.request('GET', '/api/accounts', { host: host('demo'), token: demo.token })).body.data;
    expect(accounts.length).toBe(manifest.manualAccounts!.length);
    for (const account of accounts) {
      const history = (await t.request('GET', `/api/accounts/${account.id}/audits`, { host: host('demo'), token: demo.token })).body.data;
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ status: 'completed', source: 'offline' });
      const audit = (await t.request('GET', `/api/audits/${history[0].id}`, { host: host('demo'), token: demo.token })).body;
      expect(audit.result.scores).toHaveLength(5);
      expect(audit.narrative.summary.length).toBeGreaterThan(20);
    }
  });
});
