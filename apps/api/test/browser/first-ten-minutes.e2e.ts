// The first ten minutes of a new user (issue 13), on a phone and on a desktop: sign up, the
// dashboard's checklist ticking from real state, a manual account with paginated posts, the
// profile (name, e-mail change, sessions), with no console error and (through browser-app) no
// serious or critical axe-core violation on any page seen. Plus the rough edges found on the way:
// a 100+ character address, a malformed id in the URL, the invite dialog's stale error, the team
// table on a phone.
import { describe, expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { tokenFromMail } from '../support/test-app.js';
import {
  RESULTS_DIR,
  expectNoConsoleErrors,
  expectNotVisible,
  expectText,
  expectUrl,
  expectVisible,
  useBrowserApp,
  withResponse,
  type BrowserApp,
} from './support/browser-app.js';

const browser = useBrowserApp();

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** The page never scrolls sideways: nothing is wider than the viewport. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const size = await page.evaluate(() => {
    // Typed through globalThis: the tests are type-checked without the DOM library.
    const w = globalThis as unknown as { location: { pathname: string }; innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return { path: w.location.pathname, scrollWidth: w.document.documentElement.scrollWidth, width: w.innerWidth };
  });
  expect({ ...size, fits: size.scrollWidth <= size.width }).toEqual({ ...size, fits: true });
}

/** A full-page screenshot in test-results/ for checking the layout by eye (not an assertion). */
async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${RESULTS_DIR}walk-${name}.png`, fullPage: true });
}

/** 25 posts, one a day, newest on 2026-10-25 (captions say which). */
function postsCsv(): string {
  const rows = Array.from({ length: 25 }, (_, i) => {
    const day = String(i + 1).padStart(2, '0');
    return `2026-10-${day},"Post number ${i + 1} of the autumn series",${i % 3 === 0 ? 'REEL' : 'IMAGE'},${100 + i},${i},${1000 + i * 10}`;
  });
  return ['posted_at,caption,media_type,likes,comments,reach', ...rows].join('\n');
}

async function signUp(app: BrowserApp, page: Page, slug: string, owner: { name: string; email: string; password: string }): Promise<void> {
  await page.goto(app.url(undefined, '/signup'));
  await expectVisible(page.getByRole('heading', { name: 'Create your workspace' }));
  await page.getByLabel('Workspace name').fill(`Studio ${slug}`);
  await page.getByLabel('Workspace address').fill(slug);
  await expectText(page.getByTestId('slug-status'), `${slug}.localhost is available`);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expectUrl(page, (u) => u.origin === app.origin(slug) && u.pathname === '/login');
  await expectVisible(page.getByTestId('welcome-banner'));
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectText(page.getByTestId('workspace-name'), `Studio ${slug}`);
}

describe('the first ten minutes (browser)', () => {
  for (const viewport of VIEWPORTS) {
    browser.test(`${viewport.name} ${viewport.width}×${viewport.height}: sign-up → dashboard → manual account → account page → profile, no console error`, async ({ app, t, page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const slug = `walk-${viewport.name}`;
      const owner = { name: 'Robin Walker', email: `robin@${slug}.test`, password: 'walking-through-the-app' };

      // --- Sign-up: a 120-character address gets a friendly message, not a raw routing error, and the page does not stretch.
      await page.goto(app.url(undefined, '/signup'));
      await page.getByLabel('Workspace address').fill('a'.repeat(120));
      await expectText(page.getByTestId('slug-status'), 'Workspace address must be at most 40 characters');
      expect(await page.getByRole('main').textContent()).not.toContain('No API route');
      await expectNoSidewaysScroll(page);
      await snap(page, `${viewport.name}-signup-long-address`);
      await signUp(app, page, slug, owner);

      // --- Dashboard: the checklist ticks from real state (nothing done yet but the sign-up itself).
      await expectText(page.getByRole('heading', { level: 1 }), 'Welcome, Robin');
      const checklist = page.getByTestId('onboarding-checklist');
      await expectText(checklist, '0 of 4 steps complete');
      expect(await checklist.getByTestId('step-connect').getAttribute('data-done')).toBe('false');
      expect(await checklist.getByTestId('step-invite').getAttribute('data-done')).toBe('false');
      await expectNoSidewaysScroll(page);
      await snap(page, `${viewport.name}-dashboard`);

      // --- A manual account.
      await page.goto(app.url(slug, '/accounts'));
      await page.getByRole('button', { name: 'Add manual account' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Add a manual account' });
      await dialog.getByLabel('Username').fill('autumn.bakery');
      await dialog.getByLabel('Followers', { exact: true }).fill('2400');
      const created = await withResponse(page, 'POST', '/api/accounts/manual', () => dialog.getByRole('button', { name: 'Add account' }).click());
      expect(created.status()).toBe(201);
      await dialog.waitFor({ state: 'hidden' });
      const accountId = ((await created.json()) as { id: string }).id;

      // --- Its page: access near the top, then 25 imported posts a page at a time.
      await page.goto(app.url(slug, `/accounts/${accountId}`));
      await expectText(page.getByTestId('account-header'), '@autumn.bakery');
      await page.getByRole('button', { name: 'Import posts (CSV)' }).click();
      const importDialog = page.getByRole('dialog', { name: 'Import posts from a CSV' });
      await importDialog.getByLabel('CSV file').setInputFiles({ name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(`${postsCsv()}\n`, 'utf8') });
      await importDialog.getByRole('button', { name: 'Import posts', exact: true }).click();
      await expectText(importDialog.getByTestId('import-report'), '25 posts imported');
      await importDialog.getByRole('button', { name: 'Done' }).click();
      await importDialog.waitFor({ state: 'hidden' });

      const range = page.getByTestId('posts-range');
      await expectText(range, 'Posts 1–10 of 25');
      const posts = page.getByTestId('media-item');
      expect(await posts.count()).toBe(10);
      await expectText(posts.first().getByTestId('media-caption'), 'Post number 25 of the autumn series');
      await expectText(posts.first().getByTestId('media-likes'), '124');
      await page.getByRole('button', { name: 'Older' }).click();
      await expectText(range, 'Posts 11–20 of 25');
      await expectText(posts.first().getByTestId('media-caption'), 'Post number 15 of the autumn series');
      const access = await page.getByRole('heading', { name: 'Who can see this account' }).boundingBox();
      const postsTop = await page.getByTestId('media-section').boundingBox();
      expect({ accessAbovePosts: (access?.y ?? Infinity) < (postsTop?.y ?? 0) }).toEqual({ accessAbovePosts: true });
      await expectNoSidewaysScroll(page);
      await snap(page, `${viewport.name}-account`);

      // --- Back on the dashboard, "Connect an Instagram account" is ticked; following the
      // verification mail ticks "Verify your e-mail address".
      await page.goto(app.url(slug, '/'));
      await expectText(page.getByTestId('onboarding-checklist'), '1 of 4 steps complete');
      expect(await page.getByTestId('step-connect').getAttribute('data-done')).toBe('true');
      expect(await page.getByTestId('step-verify').getAttribute('data-done')).toBe('false');
      const verification = await t.waitForMail(owner.email, 'verify-email');
      await page.goto(app.url(slug, `/verify-email?token=${tokenFromMail(verification.text)}`));
      await expectText(page.getByRole('main'), 'Your email is verified');
      await page.getByRole('link', { name: 'Go to dashboard' }).click();
      await expectText(page.getByTestId('onboarding-checklist'), '2 of 4 steps complete');
      expect(await page.getByTestId('step-verify').getAttribute('data-done')).toBe('true');

      // --- Profile, from the user menu: rename, see this session, end another one, change the e-mail.
      await page.getByRole('button', { name: /Robin Walker \(account menu\)/ }).click();
      await page.getByRole('menuitem', { name: 'Profile' }).click();
      await expectUrl(page, (u) => u.pathname === '/profile');
      await expectText(page.getByRole('heading', { level: 1 }), 'Your profile');
      const name = page.getByLabel('Your name');
      await name.fill('Robin Walker-Sands');
      const renamed = await withResponse(page, 'PATCH', '/api/auth/profile', () => page.getByRole('button', { name: 'Save name' }).click());
      expect(renamed.status()).toBe(200);
      await expectVisible(page.getByRole('button', { name: /Robin Walker-Sands \(account menu\)/ }));

      const sessions = page.getByTestId('session-row');
      await expectText(sessions.first(), 'This device');
      // Another session of the same member (a second browser), then "Log out of all other sessions".
      const other = await t.request('POST', '/api/auth/login', { host: `${slug}.localhost:${app.port}`, body: { email: owner.email, password: owner.password } });
      expect(other.status).toBe(200);
      await page.reload();
      await expectText(page.getByRole('heading', { level: 1 }), 'Your profile');
      await expectVisible(sessions.nth(1));
      expect(await sessions.count()).toBe(2);
      const revoked = await withResponse(page, 'POST', '/api/auth/sessions/revoke-others', () => page.getByRole('button', { name: 'Log out of all other sessions' }).click());
      expect(revoked.status()).toBe(204);
      await expectVisible(page.getByRole('button', { name: 'Log out of all other sessions', disabled: true }));
      expect(await sessions.count()).toBe(1);

      const newEmail = `robin.sands@${slug}.test`;
      await page.getByLabel('New e-mail address').fill(newEmail);
      await page.getByLabel('Your password').fill(owner.password);
      const asked = await withResponse(page, 'POST', '/api/auth/change-email', () => page.getByRole('button', { name: 'Change e-mail' }).click());
      expect(asked.status()).toBe(202);
      await expectText(page.getByTestId('email-change-sent'), `We sent a confirmation link to ${newEmail}`);
      await expectNoSidewaysScroll(page);
      await snap(page, `${viewport.name}-profile`);
      const mail = await t.waitForMail(newEmail, 'confirm-email-change');
      await page.goto(app.url(slug, `/confirm-email?token=${tokenFromMail(mail.text)}`));
      await expectText(page.getByRole('main'), 'Your e-mail address is changed');
      await page.getByRole('link', { name: 'Back to your profile' }).click();
      await expectText(page.getByTestId('profile-email-card'), newEmail);

      expectNoConsoleErrors(page);
    });
  }

  browser.test('anonymous pages ask for no refresh (no 401 in the console); a session survives a reload', async ({ app, page }) => {
    const refreshes: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/auth/refresh') refreshes.push(r.status());
    });
    for (const [sub, path] of [[undefined, '/'], [undefined, '/signup'], ['acme', '/login'], ['acme', '/forgot-password']] as const) {
      await page.goto(app.url(sub, path));
      await expectVisible(page.getByRole('main'));
    }
    // The other anonymous pages (axe-core checks each through browser-app).
    await page.goto(app.url(undefined, '/login'));
    await expectVisible(page.getByRole('heading', { level: 1 }));
    await page.goto(app.url('acme', '/reset-password'));
    await expectText(page.getByRole('main'), 'The link is invalid or has expired');
    await page.goto(app.url('acme', '/login'));
    await expectVisible(page.getByLabel('Email'));
    expect(refreshes).toEqual([]);
    expectNoConsoleErrors(page);

    // Logged in, a reload restores the session through the refresh cookie.
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill('acme-password-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
    await page.reload();
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
    expect(refreshes).toEqual([200]);
    expectNoConsoleErrors(page);
  });

  browser.test('a malformed id shows the not-found page; the invite dialog starts clean; the team fits a phone', async ({ app, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(app.url('acme', '/login'));
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill('acme-password-123');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByTestId('workspace-name'), 'Acme Agency');

    // Pages no other test looks at, for axe-core: the sections still to come, the accounts list.
    for (const path of ['/audits', '/settings', '/accounts']) {
      await page.goto(app.url('acme', path));
      await expectVisible(page.getByRole('heading', { level: 1 }));
    }
    // /settings points to the settings sections that exist (it used to say "coming soon" about them).
    await page.goto(app.url('acme', '/settings'));
    await expectVisible(page.getByTestId('settings-sections').getByRole('link', { name: /Branding/ }));

    await page.goto(app.url('acme', '/accounts/not-a-uuid'));
    await expectText(page.getByRole('main'), 'Page not found');
    await expectNotVisible(page.getByText('must be a UUID'));
    await expectNotVisible(page.getByRole('button', { name: 'Try again' }));

    await page.goto(app.url('acme', '/team'));
    await expectVisible(page.getByTestId('member-row'));
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a team member' });
    // A member's own address is refused…
    await dialog.getByLabel('Email').fill('manager@acme.test');
    const refused = await withResponse(page, 'POST', '/api/team/invitations', () => dialog.getByRole('button', { name: 'Send invitation' }).click());
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    const firstError = (await expectText(dialog.getByTestId('form-error'), 'already a member')).trim();
    // …a new attempt that fails in the browser replaces that message instead of adding to it…
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expectText(dialog.getByRole('alert').first(), 'must be a valid e-mail address');
    await expectNotVisible(dialog.getByText(firstError));
    await expectNotVisible(dialog.getByTestId('form-error'));
    // …a new attempt that succeeds leaves no trace of it, and neither does closing and reopening.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Invite member' }).click();
    await expectVisible(dialog);
    await expectNotVisible(dialog.getByText(firstError));
    await expectNotVisible(dialog.getByRole('alert'));
    await dialog.getByLabel('Email').fill('manager@acme.test');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expectVisible(dialog.getByRole('alert'));
    await dialog.getByLabel('Email').fill('new.person@acme.test');
    const sent = await withResponse(page, 'POST', '/api/team/invitations', () => dialog.getByRole('button', { name: 'Send invitation' }).click());
    expect(sent.status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await expectVisible(page.getByTestId('invitation-row').filter({ hasText: 'new.person@acme.test' }));
    await expectNoSidewaysScroll(page);
    await snap(page, 'phone-team');
  });
});
