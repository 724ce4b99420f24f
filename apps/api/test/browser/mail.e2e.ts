// E-mail automations in the browser: the super-admin previews and edits a template (variables
// documented, unsaved drafts previewed), reads the platform mail log and clears a suppressed
// address; the workspace owner reads the workspace's log; the unsubscribe link works without a session.
import { describe, expect } from '@jest/globals';
import { generateSync } from 'otplib';
import { ADMIN } from '../support/services.mjs';
import { expectNotVisible, expectText, expectUrl, expectVisible, useBrowserApp, withResponse } from './support/browser-app.js';

const browser = useBrowserApp();

async function freshTotp(): Promise<string> {
  const left = 30 - (Math.floor(Date.now() / 1000) % 30);
  if (left < 4) await new Promise((r) => setTimeout(r, left * 1000 + 200));
  return generateSync({ secret: ADMIN.totpSecret });
}

describe('mail (browser)', () => {
  browser.test('the super-admin previews a template and reads the log; the owner reads the workspace log', async ({ app, t, page }) => {
    const forgot = await t.request('POST', '/api/auth/forgot-password', { host: `acme.localhost:${app.port}`, body: { email: 'owner@acme.test' } });
    expect(forgot.status).toBe(202);
    await t.waitForMail('owner@acme.test', 'reset-password');
    // An address Resend reported as a hard bounce, for the suppressions list.
    await t.sql(`insert into control.mail_suppressions (email, reason, detail) values ('gone@bounce.test', 'bounced', 'Bounced (Permanent / General): Mailbox does not exist')`);

    await page.goto(app.url('admin', '/login'));
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByLabel('Authenticator code').fill(await freshTotp());
    const login = await withResponse(page, 'POST', '/api/admin-panel/auth/login', () => page.getByRole('button', { name: 'Log in' }).click());
    expect(login.status()).toBe(200);

    const nav = page.getByRole('navigation', { name: 'Admin' });
    await nav.getByRole('link', { name: 'Mail templates' }).click();
    await expectUrl(page, (u) => u.pathname === '/mail-templates');
    await page.getByRole('navigation', { name: 'Templates' }).getByRole('button', { name: 'Welcome (sign-up)' }).click();
    await expectText(page.getByTestId('template-variables'), '{{name}}');
    await expectText(page.getByTestId('preview-subject'), 'Welcome to InstaGrowth OS');
    const frame = page.frameLocator('[data-testid="template-preview"]');
    await expectText(frame.locator('h1'), 'Welcome, Ada Lovelace!');

    // An unsaved draft previews with the sample values, escaped.
    await page.getByLabel('Subject').fill('Hi {{name}} <b>');
    await withResponse(page, 'POST', '/api/admin-panel/mail/templates/welcome/preview', () => page.getByRole('button', { name: 'Preview' }).click());
    await expectText(page.getByTestId('preview-subject'), 'Hi Ada Lovelace <b>');

    await nav.getByRole('link', { name: 'Mail log' }).click();
    await expectUrl(page, (u) => u.pathname === '/mail-log');
    const row = page.getByTestId('admin-mail-log-row').filter({ hasText: 'owner@acme.test' });
    await expectText(row, 'Reset your Acme Agency password');
    await expectText(row.getByTestId('admin-mail-status'), 'sent');

    // Suppressed addresses, below the log: clear one after confirming.
    const suppression = page.getByTestId('mail-suppression-row').filter({ hasText: 'gone@bounce.test' });
    await expectText(suppression.getByTestId('suppression-reason'), 'bounced');
    await expectText(suppression, 'Mailbox does not exist');
    await suppression.getByRole('button', { name: 'Clear the suppression of gone@bounce.test' }).click();
    const cleared = await withResponse(page, 'DELETE', '/api/admin-panel/mail/suppressions/gone%40bounce.test', () => page.getByRole('button', { name: 'Clear suppression' }).click());
    expect(cleared.status()).toBe(204);
    await expectText(page.getByText('No suppressed addresses'), 'No suppressed addresses');
    await expectNotVisible(suppression);
    expect(await t.sql(`select email from control.mail_suppressions where email = 'gone@bounce.test'`)).toEqual([]);

    // The owner's workspace log.
    await page.goto(app.url('acme', '/login'));
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill('acme-password-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'E-mail' }).click();
    await expectVisible(page.getByRole('heading', { name: 'E-mail preferences', level: 1 }));
    await expectVisible(page.getByLabel('Reports and digests'));
    await page.getByRole('link', { name: 'Open the workspace’s e-mail log' }).click();
    const wsRow = page.getByTestId('mail-log-row').filter({ hasText: 'owner@acme.test' });
    await expectText(wsRow.getByTestId('mail-status'), 'Sent');
  });

  browser.test('the unsubscribe link from a mail works without signing in', async ({ app, t, page }) => {
    const [{ id }] = await t.sql<{ id: number }>(`select id from control.tenants where slug = 'acme'`);
    const { signUnsubscribe } = await import('../../src/core/mail/unsubscribe-token.js');
    const token = signUnsubscribe(t.config.appSecret, { t: id, e: 'client@acme.test', c: 'reports' });
    await page.goto(app.url('acme', `/unsubscribe?token=${token}`));
    await expectText(page.locator('main'), 'client@acme.test');
    await withResponse(page, 'POST', '/api/mail/unsubscribe', () => page.getByRole('button', { name: 'Unsubscribe' }).click());
    await expectVisible(page.getByText('You are unsubscribed'));
    const rows = await t.sql<{ category: string }>('select category from control.mail_unsubscribes where email = $1', ['client@acme.test']);
    expect(rows.map((r) => r.category)).toEqual(['reports']);
  });
});
