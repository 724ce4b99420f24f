// The super-admin console on admin.<base domain>: password + TOTP sign-in, the tenants list, a
// secret setting that is never shown again in full, and the outbox.
import { randomBytes } from 'node:crypto';
import { describe, expect } from '@jest/globals';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { ADMIN } from '../support/services.mjs';
import { expectNotVisible, expectText, expectUrl, expectVisible, useBrowserApp, withResponse } from './support/browser-app.js';

const browser = useBrowserApp();

/** A TOTP code with at least a few seconds of validity left, so it cannot expire mid-request. */
async function freshTotp(): Promise<string> {
  const left = 30 - (Math.floor(Date.now() / 1000) % 30);
  if (left < 4) await new Promise((r) => setTimeout(r, left * 1000 + 200));
  return generateSync({ secret: ADMIN.totpSecret });
}

async function adminLogin(page: Page, origin: string) {
  await page.goto(`${origin}/login`);
  await expectVisible(page.getByRole('heading', { name: 'Platform admin sign-in' }));
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByLabel('Authenticator code').fill(await freshTotp());
  return withResponse(page, 'POST', '/api/admin-panel/auth/login', () => page.getByRole('button', { name: 'Log in' }).click());
}

describe('admin console (browser)', () => {
  browser.test('a wrong authenticator code is refused', async ({ app, page }) => {
    await page.goto(app.url('admin', '/login'));
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    const good = await freshTotp();
    await page.getByLabel('Authenticator code').fill(good === '000000' ? '111111' : '000000');
    const res = await withResponse(page, 'POST', '/api/admin-panel/auth/login', () => page.getByRole('button', { name: 'Log in' }).click());
    expect(res.status()).toBe(401);
    await expectText(page.getByTestId('form-error'), 'E-mail, password or authenticator code is wrong.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNotVisible(page.getByRole('navigation', { name: 'Admin' }));
  });

  browser.test('the super-admin signs in with TOTP, sees the tenants, stores a masked secret and reads the outbox', async ({ app, t, page }) => {
    // A mail to look for in the outbox later.
    const forgot = await t.request('POST', '/api/auth/forgot-password', { host: `acme.localhost:${app.port}`, body: { email: 'owner@acme.test' } });
    expect(forgot.status).toBe(202);
    const resetMail = await t.waitForMail('owner@acme.test', 'reset-password');

    const login = await adminLogin(page, app.origin('admin'));
    expect(login.status()).toBe(200);
    // The console lands on the dashboard, like other SaaS consoles.
    await expectUrl(page, (u) => u.origin === app.origin('admin') && u.pathname === '/dashboard');
    await expectVisible(page.getByTestId('kpi-mrr'));
    const nav = page.getByRole('navigation', { name: 'Admin' });
    await nav.getByRole('link', { name: 'Tenants' }).click();
    await expectUrl(page, (u) => u.pathname === '/tenants');

    // --- Tenants.
    const rows = page.getByTestId('tenant-row');
    await expectText(rows.filter({ hasText: 'acme' }), 'Acme Agency');
    await expectText(rows.filter({ hasText: 'globex' }), 'Globex Social');
    expect(await rows.count()).toBe(2);
    // Usage instead of the raw schema version.
    await expectText(rows.filter({ hasText: 'acme' }).getByTestId('tenant-usage'), /\d+ users · \d+ accounts?/);
    await expectNotVisible(page.getByRole('columnheader', { name: 'Schema' }));
    expect(await rows.filter({ hasText: 'Acme Agency' }).getByRole('link', { name: 'Open Acme Agency in a new tab' }).getAttribute('href')).toBe(
      app.origin('acme'),
    );

    // --- Settings: set the OpenAI API key.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expectUrl(page, (u) => u.pathname === '/settings');
    const openai = page.getByTestId('settings-group-openai');
    await expectVisible(openai);
    const secret = `sk-test-${randomBytes(12).toString('hex')}`;
    const keyInput = openai.getByLabel('OpenAI API key');
    await keyInput.fill(secret);
    await expectText(page.getByText(/unsaved change/), '1 unsaved change');
    const saved = await withResponse(page, 'PUT', '/api/admin-panel/settings', () => page.getByRole('button', { name: 'Save settings' }).click());
    expect(saved.status()).toBe(200);
    await expectText(page.getByText(/unsaved changes?$/), 'No unsaved changes');
    const masked = page.getByTestId('masked-openai.apiKey');
    await expectText(masked, secret.slice(-4));

    // --- Reload: still signed in, the secret is shown masked and nowhere in plain text.
    await page.reload();
    await expectUrl(page, (u) => u.pathname === '/settings');
    await expectVisible(page.getByTestId('settings-group-openai'));
    const shown = await expectText(masked, secret.slice(-4));
    expect(shown).not.toContain(secret);
    expect(shown).toMatch(/^•+[0-9a-f]{4}$/);
    await expectText(openai, 'Set');
    expect(await keyInput.inputValue()).toBe('');
    const text = (await page.locator('html').textContent()) ?? '';
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(0, -4));
    expect(await page.content()).not.toContain(secret);

    // --- Outbox lists the mails the platform sent.
    await nav.getByRole('link', { name: 'Outbox' }).click();
    await expectUrl(page, (u) => u.pathname === '/outbox');
    const outbox = page.getByTestId('outbox-row');
    await expectVisible(outbox);
    expect(await outbox.count()).toBeGreaterThan(0);
    const resetRow = outbox.filter({ hasText: 'owner@acme.test' }).first();
    await expectText(resetRow, resetMail.subject);

    // Opening a mail shows its text.
    await resetRow.getByRole('button').first().click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, 'owner@acme.test');
    await dialog.getByRole('tab', { name: 'Plain text' }).click();
    await expectText(page.getByTestId('outbox-text'), 'token=');
  });
});
