/// <reference lib="dom" />
// The workspace's own Instagram app in a real browser: the agency owner sees what to register at
// Meta, enters the app (a bad id is named), the secret never comes back; a plan without the
// feature shows the upgrade state instead of the form.
import { resolve } from 'node:path';
import { describe, expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { applyManifest } from '../../src/workspaces/manifest-apply.js';
import { expectText, expectVisible, useBrowserApp } from './support/browser-app.js';

const browser = useBrowserApp();
const NORTHWIND = resolve(process.cwd(), 'tenants/northwind-agency/tenant.json');
const SECRET = 'northwindSecret0123456789abcdWXYZ';

async function logIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectVisible(page.getByTestId('workspace-name').first());
}

describe('own Instagram app (browser)', () => {
  browser.test('the agency owner registers its app with the URLs to paste at Meta; the secret never comes back', async ({ app, page }) => {
    await applyManifest(app.t.app, NORTHWIND);
    await logIn(page, app.url('northwind', '/login'), 'owner@northwind.test', 'northwind-password-123');
    await page.getByRole('navigation', { name: 'Workspace' }).first().getByRole('link', { name: 'Instagram app' }).click();
    await expectText(page.getByRole('heading', { level: 1 }), 'Instagram app');
    await expectText(page.getByTestId('ig-app-status'), 'Not set');
    await expectText(page.getByTestId('ig-app-redirect-uri'), `http://localhost:${app.port}/api/instagram/callback`);

    await page.getByLabel('Instagram app ID').fill('my-app');
    await page.getByLabel('Instagram app secret').fill(SECRET);
    await page.getByRole('button', { name: 'Use this app' }).click();
    await expectText(page.locator('#ig-app-id-error'), 'numeric Instagram app ID');

    await page.getByLabel('Instagram app ID').fill('1234567890123456');
    await page.getByRole('button', { name: 'Use this app' }).click();
    await expectText(page.getByTestId('ig-app-status'), 'In use');
    await expectText(page.getByTestId('ig-app-webhook-url'), `http://localhost:${app.port}/api/instagram/webhooks/apps/1234567890123456`);
    await expectVisible(page.getByTestId('ig-app-verify-token'));
    await expectText(page.locator('#ig-app-secret-hint'), 'ends in WXYZ');
    expect(await page.getByLabel('Instagram app secret').inputValue()).toBe('');
    // After a reload the page knows only the last four characters.
    await page.reload();
    await expectText(page.getByTestId('ig-app-status'), 'In use');
    expect(await page.content()).not.toContain(SECRET);

    await page.getByRole('button', { name: 'Stop using this app' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Stop using it' }).click();
    await expectText(page.getByTestId('ig-app-status'), 'Not set');
  });

  browser.test('a plan without the feature shows the upgrade state, not the form', async ({ app, page }) => {
    await logIn(page, app.url('acme', '/login'), 'owner@acme.test', 'acme-password-123');
    await page.goto(app.url('acme', '/settings/instagram-app'));
    await expectText(page.getByRole('main'), 'Your own Instagram app is part of the Agency plan');
    expect(await page.getByLabel('Instagram app ID').count()).toBe(0);
    await expectVisible(page.getByRole('link', { name: 'See plans' }));
  });
});
