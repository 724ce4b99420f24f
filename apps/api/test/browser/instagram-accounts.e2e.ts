// Accounts in a real browser. Instagram Business Login end to end through the fake Instagram's
// consent page: "Connect Instagram" → fake authorize page (its own origin) → Allow → our callback
// on the root host → back on the workspace's Accounts page, with the sync's progress visible until
// it completes, and the account page (chart, posts, top posts, follower count). Cancel brings the
// user back with the cancellation message. Then a manual account and a CSV import with a bad row.
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { startFakeInstagram, type FakeInstagram } from '@instagrowth/instagram-graph/testing';
import { expectNotVisible, expectText, expectUrl, expectVisible, useBrowserApp, withResponse, type BrowserApp } from './support/browser-app.js';
import { startGraphGate, type GraphGate } from './support/graph-gate.js';

let fake: FakeInstagram | undefined;
let gate: GraphGate | undefined;

// Registered before useBrowserApp's own beforeAll, so the fake is up when the app's env is built.
beforeAll(async () => {
  fake = await startFakeInstagram({ autoApprove: false, accounts: 2, mediaPerAccount: 30 });
  // Graph calls go through a gate, so a test can hold the sync at one step and look at it.
  gate = await startGraphGate(fake.graphBaseUrl);
});
afterAll(async () => {
  await gate?.close();
  await fake?.close();
});

const browser = useBrowserApp({
  env: (port) => {
    if (!fake || !gate) throw new Error('The fake Instagram did not start (see beforeAll).');
    return {
      INSTAGRAM_APP_ID: fake.state.settings.appId,
      INSTAGRAM_APP_SECRET: fake.state.settings.appSecret,
      INSTAGRAM_AUTHORIZE_URL: fake.authorizeUrl,
      INSTAGRAM_API_BASE_URL: fake.apiBaseUrl,
      INSTAGRAM_GRAPH_BASE_URL: gate.url,
      INSTAGRAM_REDIRECT_URI: `http://localhost:${port}/api/instagram/callback`,
      INSTAGRAM_BACKFILL_DAYS: '10',
    };
  },
});

const getFake = (): FakeInstagram => {
  if (!fake) throw new Error('The fake Instagram did not start.');
  return fake;
};

/** Profile pictures and thumbnails point at Instagram's CDN: answer them locally, never from the internet. */
async function stayOffline(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && !url.hostname.endsWith('.localhost'),
    (route) => route.abort('blockedbyclient'),
  );
}

async function logInToAccounts(app: BrowserApp, page: Page): Promise<void> {
  await page.goto(app.url('acme', '/login'));
  await page.getByLabel('Email').fill('owner@acme.test');
  await page.getByLabel('Password').fill('acme-password-123');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expectText(page.getByTestId('workspace-name'), 'Acme Agency');
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Accounts' }).click();
  await expectUrl(page, (u) => u.origin === app.origin('acme') && u.pathname === '/accounts');
  await expectVisible(page.getByRole('heading', { name: 'Accounts', level: 1 }));
}

/** Clicks "Connect Instagram" and waits for the fake's consent page. */
async function openConsentPage(app: BrowserApp, page: Page): Promise<URL> {
  const ig = getFake();
  await page.getByRole('button', { name: 'Connect Instagram' }).click();
  await expectUrl(page, (u) => u.origin === ig.url && u.pathname === '/oauth/authorize');
  const authorize = new URL(page.url());
  expect(authorize.searchParams.get('redirect_uri')).toBe(`${app.origin()}/api/instagram/callback`);
  await expectText(page.locator('#username'), '@lumen.studio.co');
  return authorize;
}

/** The value in a `<dt>label</dt><dd>value</dd>` pair (the stats on cards and the account header). */
const stat = (scope: ReturnType<Page['getByTestId']>, label: string) =>
  scope.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

describe('Instagram accounts (browser)', () => {
  browser.test('cancelling on the Instagram consent page brings the user back with the cancellation message', async ({ app, context, page }) => {
    await stayOffline(context);
    await logInToAccounts(app, page);
    await expectVisible(page.getByTestId('accounts-empty'));
    await expectText(page.getByTestId('account-limit'), '0 of');

    await openConsentPage(app, page);
    await page.locator('#cancel').click();

    // Fake → our root-host callback → back to the workspace's Accounts page, with the message.
    await expectUrl(page, (u) => u.origin === app.origin('acme') && u.pathname === '/accounts');
    const alert = page.getByTestId('oauth-error');
    await expectText(alert, 'We could not connect the Instagram account');
    await expectText(alert, 'You cancelled the Instagram authorization, so nothing was connected.');
    await expectText(alert, 'access_denied');
    // The address bar is cleaned, and nothing was connected.
    await expectUrl(page, (u) => u.pathname === '/accounts' && !u.searchParams.has('error') && !u.searchParams.has('message'));
    await expectVisible(page.getByTestId('accounts-empty'));
    await expectNotVisible(page.getByTestId('account-card'));
    await expectText(page.getByTestId('account-limit'), '0 of');

    // The alert can be dismissed.
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'hidden' });
  });

  browser.test('Connect Instagram → Allow → the account appears, syncs with visible progress, and its page shows the data', async ({ app, t, context, page }) => {
    const ig = getFake();
    const g = gate!;
    await stayOffline(context);
    await logInToAccounts(app, page);

    await openConsentPage(app, page);
    // Hold the sync when it reaches insights (after the profile and the posts), so its progress can be seen.
    g.hold((path) => path.endsWith('/insights'));
    try {
      await page.locator('#allow').click();

      // Fake → our callback on the root host → back to the workspace with ?connected=<id>.
      await expectUrl(page, (u) => u.origin === app.origin('acme') && u.pathname === '/accounts');
      await expectText(page.getByRole('status').filter({ hasText: 'Instagram account connected' }), 'We are importing its profile');
      const card = page.getByTestId('account-card').filter({ hasText: 'lumen.studio.co' });
      await expectText(card, '@lumen.studio.co');
      await expectText(page.getByTestId('account-limit'), '1 of');

      // The sync is under way: the card says so, with a percentage strictly between 0 and 100.
      await g.waitForHeld();
      const progress = card.getByTestId('sync-progress');
      await expectVisible(progress);
      expect(await progress.getAttribute('role')).toBe('progressbar');
      await expectText(card.getByTestId('account-status'), 'Syncing');
      const percent = await pollPercent(progress);
      expect(percent).toBeGreaterThan(0);
      expect(percent).toBeLessThan(100);
      expect(((await card.getByTestId('sync-step').textContent()) ?? '').trim()).not.toBe('');
    } finally {
      g.release();
    }

    // Released: the sync completes, the bar goes away and the card says Connected.
    const card = page.getByTestId('account-card').filter({ hasText: 'lumen.studio.co' });
    await expectText(page.getByRole('status').filter({ hasText: 'Sync complete' }), '@lumen.studio.co is up to date.', 30_000);
    await card.getByTestId('sync-progress').waitFor({ state: 'hidden' });
    await expectText(card.getByTestId('account-status'), 'Connected');
    await expectText(stat(card, 'Last sync'), /^(?!never$)\S/);
    // The one run (the first-connect backfill) is recorded as completed at 100 %.
    const accountId = decodeURIComponent((await card.getByRole('link', { name: '@lumen.studio.co', exact: true }).getAttribute('href'))!.split('/').pop()!);
    const runs = await t.sql<{ kind: string; status: string; percent: number }>(`select kind, status, percent from ${await t.schemaOf('acme')}.sync_runs where account_id = $1`, [accountId]);
    expect(runs).toEqual([{ kind: 'backfill', status: 'completed', percent: 100 }]);

    // The account page: header with the follower count, the followers chart, posts and top posts.
    await card.getByRole('link', { name: '@lumen.studio.co', exact: true }).click();
    await expectUrl(page, (u) => u.pathname === `/accounts/${accountId}`);
    const header = page.getByTestId('account-header');
    await expectText(header, 'Lumen Studio');
    await expectText(header, '@lumen.studio.co');
    await expectText(header.getByTestId('account-status'), 'Connected');
    await expectText(stat(header, 'Followers'), /^48[,.\s\u00a0\u202f]?213$/);
    await expectNotVisible(header.getByTestId('sync-progress'));

    const chart = page.getByTestId('followers-chart');
    await expectVisible(chart.locator('svg.recharts-surface'));
    await expectText(chart, /48[,.\s\u00a0\u202f]?213/);

    const fixtureMedia = ig.state.mediaOf(ig.state.fixtureAccount).length;
    await expectVisible(page.getByTestId('media-item'));
    // The posts come a page (10) at a time, with the total.
    await waitForCount(page.getByTestId('media-item'), Math.min(fixtureMedia, 10));
    await expectText(page.getByTestId('posts-range'), `Posts 1–${Math.min(fixtureMedia, 10)} of ${fixtureMedia}`);
    await expectVisible(page.getByTestId('top-post'));
    expect(await page.getByTestId('top-post').count()).toBeGreaterThanOrEqual(1);
    await expectText(page.getByTestId('top-post').first(), /#1.*engagement/);
  });

  browser.test('a manual account: add it, import posts from a CSV with a bad row, and see the report and the post', async ({ app, context, page }) => {
    await stayOffline(context);
    await logInToAccounts(app, page);

    // --- Add manual account.
    await page.getByRole('button', { name: 'Add manual account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a manual account' });
    await expectVisible(dialog);
    await dialog.getByLabel('Username').fill('corner.bakery');
    await dialog.getByLabel('Followers', { exact: true }).fill('1250');
    const created = await withResponse(page, 'POST', '/api/accounts/manual', () => dialog.getByRole('button', { name: 'Add account' }).click());
    expect(created.status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });

    const card = page.getByTestId('account-card').filter({ hasText: 'corner.bakery' });
    await expectText(card, '@corner.bakery');
    await expectText(card.getByTestId('account-status'), 'Manual');
    await expectText(stat(card, 'Followers'), /^1[,.]?3\s?K$/);
    await expectText(card, /1[,.\s\u00a0\u202f]?250 followers/);

    // --- Its page: no posts yet.
    await card.getByRole('link', { name: 'Details for @corner.bakery' }).click();
    await expectUrl(page, (u) => /^\/accounts\/[0-9a-f-]{36}$/.test(u.pathname));
    await expectText(page.getByTestId('account-header'), 'Manual account');
    await expectText(page.getByTestId('account-header').getByTestId('account-status'), 'Manual');
    await expectVisible(page.getByRole('heading', { name: 'Update numbers' }));
    await expectVisible(page.getByRole('heading', { name: 'No posts yet' }));
    await expectNotVisible(page.getByTestId('media-item'));

    // --- Import posts (CSV): one good row, one bad row (row 3, counting the header as row 1).
    await page.getByRole('button', { name: 'Import posts (CSV)' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import posts from a CSV' });
    await expectVisible(importDialog);
    const csv = [
      'posted_at,caption,media_type,likes,comments,reach',
      '2025-03-04T18:30:00Z,"Spring menu is here, come try it",IMAGE,412,23,5230',
      'not-a-date,Broken row,IMAGE,10,1,100',
    ].join('\n');
    await importDialog.getByLabel('CSV file').setInputFiles({ name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`, 'utf8') });
    const imported = await withResponse(page, 'POST', `${new URL(page.url()).pathname.replace('/accounts/', '/api/accounts/')}/posts/import`, () =>
      importDialog.getByRole('button', { name: 'Import posts', exact: true }).click(),
    );
    expect(imported.status()).toBeLessThan(300);

    const report = importDialog.getByTestId('import-report');
    await expectText(report, '1 post imported, 1 row rejected');
    const rejected = report.getByTestId('import-rejected-row');
    expect(await rejected.count()).toBe(1);
    await expectText(rejected.getByRole('cell').first(), /^3$/);
    await expectText(rejected, 'posted_at "not-a-date" is not a date');
    await importDialog.getByRole('button', { name: 'Done' }).click();
    await importDialog.waitFor({ state: 'hidden' });

    // --- The media grid shows the imported post (412 likes, 23 comments, 5.2K reach).
    const item = page.getByTestId('media-item');
    await expectVisible(item);
    await waitForCount(item, 1);
    await expectText(item.getByTestId('media-likes'), '412');
    await expectText(item.getByTestId('media-comments'), '23');
    await expectText(item.getByTestId('media-reach'), /5[,.]?2\s?K|5[,.\s\u00a0\u202f]?230/);
    await expectText(item, /Mar 4, 2025|2025/);
    await expectText(item.getByTestId('media-caption'), 'Spring menu is here, come try it');
    await expectText(item.getByTestId('media-type'), /Image|Photo|Post/i);
    await expectText(page.getByTestId('posts-range'), 'Posts 1–1 of 1');
    await expectNotVisible(page.getByRole('heading', { name: 'No posts yet' }));
  });
});

/** The progress bar's aria-valuenow once it is a number above 0 (the first poll may still say 0). */
async function pollPercent(progress: ReturnType<Page['getByTestId']>, timeout = 15_000): Promise<number> {
  const end = Date.now() + timeout;
  let value = Number(await progress.getAttribute('aria-valuenow'));
  while (!(value > 0) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = Number(await progress.getAttribute('aria-valuenow'));
  }
  return value;
}

/** Waits until exactly `count` elements match, then asserts it. */
async function waitForCount(locator: ReturnType<Page['getByTestId']>, count: number, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  let n = await locator.count();
  while (n !== count && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    n = await locator.count();
  }
  expect(n).toBe(count);
}
