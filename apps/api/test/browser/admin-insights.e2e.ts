// The console's dashboard with a billing fixture (charts, figures, CSV export), a sign-up that
// appears live in the activity feed, and a test-connection button in the settings.
import { describe, expect } from '@jest/globals';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { RollupsService } from '../../src/admin-dashboard/rollups.service.js';
import { ADMIN } from '../support/services.mjs';
import { expectAttribute, expectNoConsoleErrors, expectText, expectUrl, expectVisible, useBrowserApp, withResponse } from './support/browser-app.js';

const browser = useBrowserApp();

async function freshTotp(): Promise<string> {
  const left = 30 - (Math.floor(Date.now() / 1000) % 30);
  if (left < 4) await new Promise((r) => setTimeout(r, left * 1000 + 200));
  return generateSync({ secret: ADMIN.totpSecret });
}

async function adminLogin(page: Page, origin: string) {
  await page.goto(`${origin}/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByLabel('Authenticator code').fill(await freshTotp());
  const res = await withResponse(page, 'POST', '/api/admin-panel/auth/login', () => page.getByRole('button', { name: 'Log in' }).click());
  expect(res.status()).toBe(200);
}

describe('console insights (browser)', () => {
  browser.test('the dashboard draws its charts from a billing fixture, exports CSV, and a sign-up appears live', async ({ app, t, page }) => {
    // Billing fixture: acme pays Pro monthly ($49 MRR) and paid two invoices this month.
    const [{ id: acme }] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`);
    await t.sql(`insert into control.subscriptions (tenant_id, plan_key, interval, status) values ($1, 'pro', 'month', 'active')
      on conflict (tenant_id) do update set plan_key = 'pro', interval = 'month', status = 'active', extra_accounts = 0, white_label_addon = false`, [acme]);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000);
    await t.sql(`insert into control.invoices (id, tenant_id, currency, amount_due, amount_paid, status, created_at) values ('in_b1', $1, 'usd', 4900, 4900, 'paid', $2), ('in_b2', $1, 'usd', 4900, 4900, 'paid', $3)`, [acme, day(3), day(1)]);
    await t.app.get(RollupsService).refreshAll();

    await adminLogin(page, app.origin('admin'));
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Dashboard' }).click();
    await expectUrl(page, (u) => u.pathname === '/dashboard');

    await expectText(page.getByTestId('kpi-mrr'), '$49.00');
    await expectText(page.getByTestId('kpi-revenue'), '$98.00');
    await expectText(page.getByTestId('kpi-subscriptions'), '1');
    // Recharts drew both charts: bars for the two paid days, lines for tenants and users.
    await expectVisible(page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle').first());
    expect(await page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(2);
    await expectVisible(page.getByTestId('growth-chart').locator('.recharts-line-curve').first());
    expect(await page.getByTestId('growth-chart').locator('.recharts-line-curve').count()).toBe(2);

    // CSV export of a table.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Subscriptions by MRR as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^subscriptions-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('tenant_id,slug,plan,status,mrr_minor_units,currency,users,accounts');
    expect(csv).toContain(`${acme},acme,pro,active,4900,usd,`);

    // A narrower range through the picker: the 7-day revenue still holds both invoices.
    await page.getByRole('button', { name: '7 days' }).click();
    await expectText(page.getByTestId('kpi-revenue'), '$98.00');

    // Live: the socket authenticates, then a sign-up on the root host appears without a reload.
    await expectAttribute(page.getByTestId('live-status'), 'data-status', 'live');
    const signup = await t.request('POST', '/api/auth/register', {
      host: `localhost:${app.port}`,
      body: { workspaceName: 'Live Browser Co', slug: 'live-browser', name: 'Lee Owner', email: 'lee@live-browser.test', password: 'live-browser-password-1' },
    });
    expect(signup.status).toBe(201);
    await expectText(page.getByTestId('live-event').filter({ hasText: 'Live Browser Co' }), 'Sign-up');

    // Settings: test connection reports honestly that Stripe is not configured.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('test-connection-stripe').click();
    await expectText(page.getByTestId('test-result-stripe'), 'Not configured');
    expectNoConsoleErrors(page);
  });
});
