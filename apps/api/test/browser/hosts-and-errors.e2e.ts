// Hosts and the errors a visitor sees: an unknown workspace host, a wrong password, the per-account
// login rate limit, and the live workspace-address check on the sign-up page.
import { describe, expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { expectAttribute, expectNotVisible, expectText, expectUrl, expectVisible, useBrowserApp, withResponse } from './support/browser-app.js';

const browser = useBrowserApp();

const INVALID = 'That e-mail and password do not match an account in this workspace.';

async function submitLogin(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  return withResponse(page, 'POST', '/api/auth/login', () => page.getByRole('button', { name: 'Log in' }).click());
}

describe('hosts and errors (browser)', () => {
  browser.test('an unknown workspace host shows the "no workspace" page', async ({ app, page }) => {
    const response = await page.goto(app.url('nope', '/'));
    expect(response?.status()).toBe(404);
    await expectText(page.getByRole('heading', { level: 1 }), 'No workspace at this address');
    await expectText(page.getByRole('main'), `There is no workspace at nope.localhost:${app.port}`);
    expect(await page.getByRole('link', { name: 'Go to InstaGrowth OS' }).getAttribute('href')).toBe(`${app.origin()}/`);
    await expectNotVisible(page.getByLabel('Email'));

    // A known workspace on the same server is not affected.
    await page.goto(app.url('acme', '/login'));
    await expectText(page.getByRole('main'), 'Log in to Acme Agency.');
  });

  browser.test('a wrong password shows the error and keeps the visitor on the login page', async ({ app, page }) => {
    await page.goto(app.url('acme', '/login'));
    await expectVisible(page.getByRole('button', { name: 'Log in' }));
    const res = await submitLogin(page, 'owner@acme.test', 'not-the-password');
    expect(res.status()).toBe(401);
    await expectText(page.getByTestId('form-error'), INVALID);
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNotVisible(page.getByTestId('workspace-name'));
  });

  browser.test('repeated wrong passwords for one account show the rate-limit message, even for the right password', async ({ app, page }) => {
    await page.goto(app.url('acme', '/login'));
    await expectVisible(page.getByRole('button', { name: 'Log in' }));
    const alert = page.getByTestId('form-error');
    for (let attempt = 1; attempt <= 4; attempt++) {
      const res = await submitLogin(page, 'client@acme.test', `wrong-password-${attempt}`);
      expect({ attempt, status: res.status() }).toEqual({ attempt, status: 401 });
      await expectText(alert, INVALID);
    }
    // The fifth failure reaches the per-account limit.
    const limited = await submitLogin(page, 'client@acme.test', 'wrong-password-5');
    expect(limited.status()).toBe(429);
    await expectText(alert, 'Too many failed sign-ins for this account.');
    await expectText(alert, /Try again in \d+ (seconds?|minutes?)/);
    expect(await alert.textContent()).not.toContain(INVALID);

    // Locked: the right password is refused too, with the same message.
    const locked = await submitLogin(page, 'client@acme.test', 'acme-password-123');
    expect(locked.status()).toBe(429);
    await expectText(alert, 'Too many failed sign-ins for this account.');
    expect(new URL(page.url()).pathname).toBe('/login');

    // Another account of the same workspace is not locked out.
    const other = await submitLogin(page, 'manager@acme.test', 'acme-password-123');
    expect(other.status()).toBe(200);
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
  });

  browser.test('the sign-up address check says "reserved" for admin and "taken" for acme', async ({ app, page }) => {
    await page.goto(app.url(undefined, '/signup'));
    const address = page.getByLabel('Workspace address');
    const status = page.getByTestId('slug-status');
    await expectVisible(address);

    await address.fill('admin');
    await expectText(status, /reserved/i);
    await expectAttribute(status, 'data-state', 'unavailable');
    expect(await address.getAttribute('aria-invalid')).toBe('true');

    await address.fill('acme');
    await expectText(status, /taken/i);
    await expectAttribute(status, 'data-state', 'unavailable');

    // A free address is reported as available, so the check does not just say no.
    await address.fill('fresh-ideas-studio');
    await expectText(status, 'fresh-ideas-studio.localhost is available');
    await expectAttribute(status, 'data-state', 'available');
    expect(await address.getAttribute('aria-invalid')).toBe('false');
    await expectUrl(page, (u) => u.origin === app.origin() && u.pathname === '/signup');
  });
});
