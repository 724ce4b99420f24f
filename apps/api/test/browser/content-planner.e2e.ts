// The content engine and the planner in a real browser: set a brand voice, generate every kind
// (offline writer: no AI key), save an item, export the library, build a 30-day plan, check off a
// task, drag a task to another day, download the plan PDF; then, with an AI key and no credits
// left, the generator says what to do.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { GENERATION_KINDS } from '@instagrowth/contracts';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { ADMIN } from '../support/services.mjs';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import type { Response } from 'playwright-core';
import { expectText, expectUrl, expectVisible, useBrowserApp, type BrowserApp } from './support/browser-app.js';

/** The response of the first `method` request whose path contains `part`, triggered by `action`. */
async function withResponse(page: Page, method: string, part: string, action: () => Promise<unknown>): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.includes(part)), action()]);
  return response;
}

let ai: FakeOpenAi | undefined;
beforeAll(async () => {
  ai = await startFakeOpenAi();
});
afterAll(async () => ai?.close());

// No monthly allowance: the AI path must block with the credits message (offline stays free).
const browser = useBrowserApp({ env: () => ({ DEFAULT_AI_CREDITS: '0' }) });

const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function seedAccount(app: BrowserApp): Promise<void> {
  const h = `acme.localhost:${app.port}`;
  const login = await app.t.request('POST', '/api/auth/login', { host: h, body: { email: 'owner@acme.test', password: 'acme-password-123' } });
  const token = login.body.accessToken as string;
  const created = await app.t.request('POST', '/api/accounts/manual', { host: h, token, body: { username: 'crumb.lab', followersCount: 3200 } });
  expect(created.status).toBe(201);
  const rows = ['posted_at,caption,media_type,likes,comments,saves,shares,reach'];
  for (let i = 0; i < 12; i++) rows.push(`${day(2 + i * 2)}T17:00:00Z,"Loaf ${i} #sourdough #crumb",${i % 2 ? 'REEL' : 'CAROUSEL_ALBUM'},${80 + i},${6 + i},4,2,${1500 + i * 40}`);
  const imported = await app.t.request('POST', `/api/accounts/${created.body.id}/posts/import`, { host: h, token, body: { csv: rows.join('\n') } });
  expect(imported.body.imported).toBe(12);
}

async function logIn(app: BrowserApp, page: Page, path: string): Promise<void> {
  await page.goto(app.url('acme', '/login'));
  await page.getByLabel('Email').fill('owner@acme.test');
  await page.getByLabel('Password').fill('acme-password-123');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
  await page.goto(app.url('acme', path));
}

describe('content engine and planner (browser)', () => {
  browser.test('brand voice, every kind generated offline, save, export, a 30-day plan worked through, PDF, and the out-of-credits message', async ({ app, t, page }) => {
    await seedAccount(app);
    await logIn(app, page, '/content');
    await expectVisible(page.getByRole('heading', { name: 'Content', level: 1 }));

    // --- Brand voice.
    await page.getByRole('tab', { name: 'Brand voice' }).click();
    await page.getByLabel('Niche').fill('sourdough micro-bakery');
    await page.getByLabel('Words to use').fill('crumb, levain');
    await page.getByLabel('Audience time zone').fill('Europe/Berlin');
    const saved = await withResponse(page, 'PUT', '/brand-voice', () => page.getByRole('button', { name: 'Save brand voice' }).click());
    expect(saved.status()).toBe(200);

    // --- Every kind, offline and labelled.
    await page.getByRole('tab', { name: 'Generate' }).click();
    for (const kind of GENERATION_KINDS) {
      await page.getByLabel('What to write').selectOption(kind);
      const res = await withResponse(page, 'POST', '/generations', () => page.getByRole('button', { name: 'Generate', exact: true }).click());
      expect(res.status()).toBe(200);
      await expectText(page.getByTestId('generation-source'), 'Template-based');
      await expectVisible(page.getByTestId('generated-item').first());
    }
    // Regenerate one item, then save it.
    const regen = await withResponse(page, 'POST', '/generations', () => page.getByTestId('generated-item').first().getByRole('button', { name: 'Regenerate' }).click());
    expect(regen.status()).toBe(200);
    const save = await withResponse(page, 'POST', '/api/content', () => page.getByTestId('generated-item').first().getByRole('button', { name: 'Save' }).click());
    expect(save.status()).toBe(201);

    // --- Library and export.
    await page.getByRole('tab', { name: 'Library' }).click();
    await expectVisible(page.getByTestId('library-item').first());
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toMatch(/^content-.*\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('id,account_id,kind,status,favourite,tags,title,text,source,created_at');
    expect(csvText).toContain('post_ideas');

    // --- Planner: build, check off, move, PDF.
    await page.goto(app.url('acme', '/planner'));
    await expectVisible(page.getByRole('heading', { name: 'Growth planner', level: 1 }));
    const built = await withResponse(page, 'POST', '/growth-plans', () => page.getByRole('button', { name: '30-day plan' }).click());
    expect(built.status()).toBe(201);
    await expectVisible(page.getByTestId('plan-day-30'));
    await expectText(page.getByTestId('heatmap-source'), 'Europe/Berlin');
    const total = (await built.json()).progress.total as number;
    const checked = await withResponse(page, 'PATCH', '/tasks/', () => page.getByTestId('plan-day-1').getByRole('checkbox').first().click());
    expect(checked.status()).toBe(200);
    await expectText(page.getByTestId('plan-progress'), `1 / ${total} tasks done`);
    const before = await page.getByTestId('plan-day-2').getByTestId('plan-task').count();
    const moved = await withResponse(page, 'PATCH', '/tasks/', () => page.getByTestId('plan-day-1').getByTestId('plan-task').last().dragTo(page.getByTestId('plan-day-2')));
    expect(moved.status()).toBe(200);
    await expectVisible(page.getByTestId('plan-day-2').getByTestId('plan-task').nth(before));
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/^growth-plan-crumb\.lab-.*\.pdf$/);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

    // --- With an AI key and no credits, generating blocks with a message saying what to do.
    const adminHost = `admin.localhost:${app.port}`;
    const left = 30 - (Math.floor(Date.now() / 1000) % 30);
    if (left < 4) await new Promise((r) => setTimeout(r, left * 1000 + 200)); // a code that cannot expire mid-request
    const adminLogin = await t.request('POST', '/api/admin-panel/auth/login', { host: adminHost, body: { email: ADMIN.email, password: ADMIN.password, totp: generateSync({ secret: ADMIN.totpSecret }) } });
    expect(adminLogin.status).toBe(200);
    const settings = await t.request('PUT', '/api/admin-panel/settings', { host: adminHost, token: adminLogin.body.accessToken, body: { values: { 'openai.apiKey': 'sk-browser', 'openai.baseUrl': ai!.baseUrl } } });
    expect(settings.status).toBe(200);
    await page.goto(app.url('acme', '/content'));
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expectText(page.getByTestId('credits-exhausted'), 'credit pack');
    expect(ai!.requests).toHaveLength(0);
    await expectUrl(page, (u) => u.pathname === '/content');
  });
});
