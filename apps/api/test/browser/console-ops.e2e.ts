// The super-admin console's operations in a real browser: tenant search → detail → impersonate
// with a reason → the banner in the workspace (and "End now"); an announcement published in the
// console reaches the workspace as a dismissible banner.
import { describe, expect } from '@jest/globals';
import { generateSync } from 'otplib';
import type { Page } from 'playwright-core';
import { ADMIN } from '../support/services.mjs';
import { expectNotVisible, expectText, expectUrl, expectVisible, useBrowserApp, withResponse } from './support/browser-app.js';

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
  // The console lands on its dashboard; these tests start from the tenants list.
  await expectUrl(page, (u) => u.pathname === '/dashboard');
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Tenants' }).click();
  await expectUrl(page, (u) => u.pathname === '/tenants');
}

describe('console operations (browser)', () => {
  browser.test('tenant search → detail → impersonate with a reason → banner in the workspace → end; an announcement reaches the workspace', async ({ app, t, page, context, newContext }) => {
    await adminLogin(page, app.origin('admin'));

    // --- Search on the server.
    const rows = page.getByTestId('tenant-row');
    await expectText(rows.filter({ hasText: 'globex' }), 'Globex Social');
    const searched = await withResponse(page, 'GET', '/api/admin-panel/tenants', () => page.getByLabel('Search tenants').fill('acme'));
    expect(new URL(searched.url()).searchParams.get('q')).toBe('acme');
    await expectText(page.getByTestId('pager-summary'), 'Showing 1–1 of 1');
    await expectNotVisible(rows.filter({ hasText: 'globex' }));

    // --- Detail.
    await rows.filter({ hasText: 'acme' }).getByRole('link', { name: 'Acme Agency', exact: true }).click();
    await expectUrl(page, (u) => /^\/tenants\/\d+$/.test(u.pathname));
    await expectVisible(page.getByRole('heading', { name: 'Acme Agency', exact: true }));
    const tenantId = new URL(page.url()).pathname.split('/').pop();
    await expectText(page.getByTestId('usage-Seats'), /\d+ \/ /);
    await expectText(page.getByText('owner@acme.test'), 'owner@acme.test');

    // --- Grant credits from the detail page (a dialog with a reason).
    await page.getByRole('button', { name: 'Grant credits' }).click();
    const creditDialog = page.getByRole('dialog');
    await creditDialog.getByLabel('Credits').fill('40');
    await creditDialog.getByLabel('Reason').fill('Goodwill gesture for the demo');
    const granted = await withResponse(page, 'POST', `/api/admin-panel/tenants/${tenantId}/credits`, () => creditDialog.getByRole('button', { name: 'Grant credits' }).click());
    expect(granted.status()).toBe(200);
    await expectText(page.getByTestId('tenant-audit-entry').first(), 'tenant.credits_granted');

    // --- Impersonate with a reason: the workspace opens in a new tab, signed in, with the banner.
    await page.getByRole('button', { name: 'Impersonate' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Owner asked us to look at their dashboard');
    const [popup] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Start impersonation' }).click()]);
    await popup.waitForLoadState();
    await expectUrl(popup, (u) => u.origin === app.origin('acme') && u.pathname === '/');
    const banner = popup.getByTestId('impersonation-banner');
    await expectText(banner, 'You are impersonating owner@acme.test');
    await expectText(banner, `as admin ${ADMIN.email}`);
    await expectText(banner, 'ends at');
    expect(popup.url()).not.toContain('token=');
    const started = await t.sql<{ meta: { reason: string } }>(`select meta from control.platform_audit_log where action = 'impersonation.started'`);
    expect(started.map((r) => r.meta.reason)).toEqual(['Owner asked us to look at their dashboard']);

    // A reload keeps the impersonation (this tab only: no refresh cookie behind it).
    await popup.reload();
    await expectVisible(popup.getByTestId('impersonation-banner'));

    // --- End now: back to sign-in, the end is in the audit log.
    const ended = await withResponse(popup, 'POST', '/api/impersonation/end', () => popup.getByRole('button', { name: 'End now' }).click());
    expect(ended.status()).toBe(204);
    await expectUrl(popup, (u) => u.pathname === '/login');
    expect(await t.sql(`select 1 from control.platform_audit_log where action = 'impersonation.ended'`)).toHaveLength(1);
    await popup.close();

    // --- Publish an announcement for every plan; the workspace owner sees and dismisses it.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Announcements' }).click();
    await page.getByRole('button', { name: 'New announcement' }).click();
    const ann = page.getByRole('dialog');
    await ann.getByLabel('Title').fill('Scheduled maintenance');
    await ann.getByLabel('Message').fill('The platform is read-only on Sunday from 02:00 to 03:00 UTC.');
    const published = await withResponse(page, 'POST', '/api/admin-panel/announcements', () => ann.getByRole('button', { name: 'Publish' }).click());
    expect(published.status()).toBe(201);
    const announcementId = ((await published.json()) as { id: string }).id;
    await expectText(page.getByTestId('announcement-row'), 'Scheduled maintenance');

    // --- The audit log shows the console's actions.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action').fill('impersonation.');
    await expectText(page.getByTestId('audit-row').first(), 'impersonation.ended');

    const { page: ownerPage } = await newContext();
    await ownerPage.goto(app.url('acme', '/login'));
    await ownerPage.getByLabel('Email').fill('owner@acme.test');
    await ownerPage.getByLabel('Password').fill('acme-password-123');
    await ownerPage.getByRole('button', { name: 'Log in' }).click();
    const annBanner = ownerPage.getByTestId('announcement-banner');
    await expectText(annBanner, 'Scheduled maintenance');
    const dismissed = await withResponse(ownerPage, 'POST', `/api/announcements/${announcementId}/dismiss`, () => ownerPage.getByRole('button', { name: 'Dismiss announcement Scheduled maintenance' }).click());
    expect(dismissed.status()).toBe(204);
    await annBanner.waitFor({ state: 'detached', timeout: 15_000 });
    await ownerPage.reload();
    await expectVisible(ownerPage.getByRole('navigation').first());
    await expectNotVisible(ownerPage.getByTestId('announcement-banner'));
  });

  browser.test('an admin invites a second admin, who enrols TOTP on the invite page and lands in the console', async ({ app, t, page, newContext }) => {
    // A TOTP code works once per 30 s step and the walk above signed in through the form: this
    // session comes from the API (a later step) and goes where the console keeps it.
    const login = await t.request('POST', '/api/admin-panel/auth/login', {
      host: `admin.localhost:${app.port}`,
      body: { email: ADMIN.email, password: ADMIN.password, totp: generateSync({ secret: ADMIN.totpSecret, epoch: Math.floor(Date.now() / 1000) + 30 }) },
    });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    await page.goto(app.url('admin', '/login'));
    await page.evaluate(([tok, email]) => sessionStorage.setItem('instagrowth.admin.session', JSON.stringify({ token: tok, email, expiresAt: Date.now() + 3_600_000 })), [token, ADMIN.email]);
    await page.goto(app.url('admin', '/admins'));
    await page.getByLabel('E-mail').fill('second@platform.test');
    const invited = await withResponse(page, 'POST', '/api/admin-panel/admins/invitations', () => page.getByRole('button', { name: 'Send invitation' }).click());
    expect(invited.status()).toBe(201);
    await expectText(page.getByTestId('admin-invitation-row'), 'second@platform.test');

    const mail = await t.waitForMail('second@platform.test', 'admin-invitation');
    const link = /http:\/\/\S+accept-invite\?token=[A-Za-z0-9_-]+/.exec(mail.text)![0];
    const { page: invitee } = await newContext();
    await invitee.goto(link);
    const secret = await expectText(invitee.getByTestId('totp-secret'), /^[A-Z2-7]{16,}$/);
    await invitee.getByLabel('Password').fill('second-admin-password-1');
    await invitee.getByLabel('Authenticator code').fill(generateSync({ secret: secret.trim() }));
    const accepted = await withResponse(invitee, 'POST', '/api/admin-panel/invitations/accept', () => invitee.getByRole('button', { name: 'Create my admin account' }).click());
    expect(accepted.status()).toBe(200);
    await expectUrl(invitee, (u) => u.pathname === '/dashboard');
    await expectText(invitee.getByText('second@platform.test'), 'second@platform.test');
  });
});
