// The console's dashboard with a billing fixture (charts, figures, CSV export), a sign-up that
// appears live in the activity feed, and a test-connection button in the settings.
import { describe, expect } from '@jest/globals';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { RollupsService } from '../../src/admin-dashboard/rollups.service.js';
import { ADMIN } from '../support/services.mjs';
import { expectAttribute, expectNoConsoleErrors, expectText, expectUrl, expectVisible, useBrowserApp, withResponse } from './support/browser-app.js';

const browser = useBrowserApp();

/**
 * A code works once (RFC 6238 §5.2) and both tests here sign in, maybe within one 30 s step: use the
 * next step's code (inside the ±30 s tolerance, valid for 30 s or more), waiting for a step no earlier
 * login of this file has claimed.
 */
let lastStep = 0;
async function freshTotp(): Promise<string> {
  while (Math.floor(Date.now() / 30_000) + 1 <= lastStep) await new Promise((r) => setTimeout(r, 500));
  lastStep = Math.floor(Date.now() / 30_000) + 1;
  return generateSync({ secret: ADMIN.totpSecret, epoch: lastStep * 30 });
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
    // Signing in lands on the dashboard.
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

describe('console catalogue (browser)', () => {
  browser.test('the admin edits a credit pack and the referral terms, and reads the payouts list', async ({ app, t, page }) => {
    await adminLogin(page, app.origin('admin'));
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Plans & products' }).click();
    await expectUrl(page, (u) => u.pathname === '/plans');
    await expectVisible(page.getByTestId('plan-pro'));
    const pack = page.getByTestId('product-audit_report');
    await pack.getByLabel('Price (USD)').fill('34.50');
    const saved = await withResponse(page, 'PUT', '/api/admin-panel/products/audit_report', () => pack.getByRole('button', { name: /^Save/ }).click());
    expect(saved.status()).toBe(200);
    expect((await t.sql<{ price: number }>(`select price from control.billing_products where key = 'audit_report'`))[0].price).toBe(3450);

    await page.getByLabel('Commission (%)').fill('25');
    await page.getByLabel('Hold period (days)').fill('14');
    const terms = await withResponse(page, 'PUT', '/api/admin-panel/settings', () => page.getByRole('button', { name: 'Save terms' }).click());
    expect(terms.status()).toBe(200);
    // Read back after a reload: the terms come from the settings store (the same the commission job reads).
    await page.reload();
    await expectVisible(page.getByTestId('plan-pro'));
    expect(await page.getByLabel('Commission (%)').inputValue()).toBe('25');
    expect(await page.getByLabel('Hold period (days)').inputValue()).toBe('14');
    expect(await page.getByTestId('product-audit_report').getByLabel('Price (USD)').inputValue()).toBe('34.50');

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Referral payouts' }).click();
    await expectText(page.getByRole('heading', { level: 3 }), 'Nothing here');
    expectNoConsoleErrors(page);
  });
});
