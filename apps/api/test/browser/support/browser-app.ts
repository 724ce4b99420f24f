// Browser tests: the real app (fresh copy of the template database, Redis) listening on a free
// port, and the system Chromium driven by playwright-core. One app and one browser per test file,
// one browser context per test (plus any the test opens itself). A failing test leaves a
// screenshot of every page it opened in test-results/ and reports the pages' console errors.
// Every page a test looks at is also checked with axe-core (WCAG 2.2 AA): once per path, when an
// expect* helper has seen it rendered, and once more at the end of the test; any serious or
// critical violation fails the test.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { createTestApp, type TestApp } from '../../support/test-app.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** Repository root / test-results (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../../../../../test-results/', import.meta.url));

/** How long a single browser step (click, wait for text, navigation) may take before it fails. */
export const STEP_TIMEOUT = 15_000;

/** A free TCP port on the loopback interface (the OS picks it; we release it for the app). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('Could not pick a free port'))));
    });
  });
}

export interface BrowserApp {
  t: TestApp;
  port: number;
  browser: Browser;
  /** `http://localhost:<port>` (root), `http://<sub>.localhost:<port>` (a workspace, or `admin`). */
  origin(sub?: string): string;
  url(sub: string | undefined, path?: string): string;
}

export interface BrowserAppOptions {
  /**
   * Extra environment for the app (passed through to createTestApp), computed once the port is
   * known: e.g. INSTAGRAM_REDIRECT_URI=`http://localhost:${port}/api/instagram/callback`.
   */
  env?: (port: number) => Record<string, string>;
}

/** The app on `127.0.0.1:<port>` with BASE_DOMAIN=localhost, and Chromium. */
export async function startBrowserApp(options: BrowserAppOptions = {}): Promise<BrowserApp> {
  let lastError: unknown;
  // The port is free when picked, but another process could take it before we listen: retry.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const t = await createTestApp({ ...options.env?.(port), BASE_DOMAIN: 'localhost', APP_URL: `http://localhost:${port}` });
    try {
      await t.app.listen({ port, host: '127.0.0.1' });
    } catch (error) {
      lastError = error;
      await t.close().catch(() => undefined);
      if ((error as { code?: string }).code === 'EADDRINUSE') continue;
      throw error;
    }
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    } catch (error) {
      await t.close().catch(() => undefined);
      throw new Error(
        `Could not start Chromium at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} (apt-get install chromium, or set CHROMIUM_PATH): ${(error as Error).message}`,
      );
    }
    const origin = (sub?: string) => `http://${sub ? `${sub}.` : ''}localhost:${port}`;
    return { t, port, browser, origin, url: (sub, path = '/') => `${origin(sub)}${path}` };
  }
  throw lastError;
}

/** What a test gets: its own context and page, and more contexts on demand (another user). */
export interface BrowserSession {
  app: BrowserApp;
  t: TestApp;
  context: BrowserContext;
  page: Page;
  /** A new, isolated browser context (no cookies, no storage) with one page. */
  newContext(): Promise<{ context: BrowserContext; page: Page }>;
}

interface Tracked {
  contexts: BrowserContext[];
  logs: Map<Page, string[]>;
}

// ----- accessibility (axe-core) -----

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0 → 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface PageAudit {
  /** Paths already checked on this page. */
  seen: Set<string>;
  /** One line per serious/critical violation found. */
  violations: string[];
  /** Console errors, page errors and failed requests, in order. */
  log: string[];
}
const audits = new WeakMap<Page, PageAudit>();

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
/** The little of the page's globals the audit touches. */
interface InPage {
  document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] };
  axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe-core on the page as it is now; answers one line per serious/critical violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Let enter animations (dialogs, toasts) finish: half-faded text would fail contrast at random.
  // In-page code reaches the DOM through globalThis (the tests are type-checked without the DOM
  // library). Functions, not strings: a string would be eval'd in the page, which its CSP refuses.
  await page
    .waitForFunction(
      () =>
        (globalThis as unknown as InPage).document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000, polling: 50 },
    )
    .catch(() => undefined);
  // page.evaluate goes through the DevTools protocol, so the app's CSP does not block it.
  const has = await page.evaluate(() => typeof (globalThis as unknown as InPage).axe === 'object');
  if (!has) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    (tags) =>
      (globalThis as unknown as InPage).axe
        .run((globalThis as unknown as InPage).document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations),
    AXE_TAGS,
  )) as AxeViolation[];
  const path = new URL(page.url()).pathname;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${path}: ${v.impact} ${v.id} (${v.help}) on ${v.nodes.length} element(s): ` +
        v.nodes
          .slice(0, 4)
          .map((n) => `${JSON.stringify(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}`)
          .join(' | '),
    );
}

/** Checks the page's current path once (later calls on the same path do nothing). */
export async function auditPage(page: Page, force = false): Promise<void> {
  const audit = audits.get(page);
  if (!audit || page.isClosed()) return;
  let url: URL;
  try {
    url = new URL(page.url());
  } catch {
    return;
  }
  // Only the app's own pages (every host of it is *.localhost); fakes of outside services run on 127.0.0.1.
  if (!/(^|\.)localhost$/.test(url.hostname)) return;
  const key = url.pathname;
  if (!force && audit.seen.has(key)) return;
  try {
    const found = await axeViolations(page);
    audit.seen.add(key);
    for (const line of found) if (!audit.violations.includes(line)) audit.violations.push(line);
  } catch {
    // The page navigated while axe ran: the next expect* on the new path checks it.
  }
}

/**
 * Asserts that the page logged no console error or warning, no page error and no failed request
 * (a request the test's own navigation cancelled, net::ERR_ABORTED, is not a failure).
 */
export function expectNoConsoleErrors(page: Page): void {
  const log = (audits.get(page)?.log ?? []).filter((line) => !(line.startsWith('requestfailed:') && line.includes('net::ERR_ABORTED')));
  expect({ url: page.url(), log }).toEqual({ url: page.url(), log: [] });
}

async function openContext(app: BrowserApp, tracked: Tracked): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  tracked.contexts.push(context);
  context.on('page', (page) => watch(page, tracked));
  const page = await context.newPage();
  return { context, page };
}

function watch(page: Page, tracked: Tracked): void {
  if (tracked.logs.has(page)) return;
  const log: string[] = [];
  tracked.logs.set(page, log);
  audits.set(page, { seen: new Set(), violations: [], log });
  page.on('pageerror', (error) => log.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') log.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('requestfailed', (request) => log.push(`requestfailed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
}

const fileSafe = (s: string) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);

async function saveEvidence(testName: string, tracked: Tracked): Promise<string[]> {
  const notes: string[] = [];
  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
  } catch {
    /* best effort */
  }
  let n = 0;
  for (const [page, log] of tracked.logs) {
    n++;
    const file = `${RESULTS_DIR}${fileSafe(testName)}-${n}.png`;
    let url = '(closed)';
    try {
      if (!page.isClosed()) {
        url = page.url();
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        notes.push(`page ${n} at ${url}: screenshot ${file}`);
      } else notes.push(`page ${n}: closed`);
    } catch (error) {
      notes.push(`page ${n} at ${url}: no screenshot (${(error as Error).message.split('\n')[0]})`);
    }
    for (const line of log.slice(-20)) notes.push(`  ${line}`);
  }
  return notes;
}

/**
 * Registers beforeAll/afterAll for one app + one browser per file and returns `test(name, fn)`:
 * each test runs in a new browser context; on failure (or when it runs out of time) the test's
 * pages are screenshotted to test-results/ and their console errors are added to the error.
 * `options.env` runs inside this beforeAll: anything it reads (a fake server started by the test
 * file) must be started by a beforeAll registered before this call.
 */
export function useBrowserApp(options: BrowserAppOptions = {}) {
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp(options);
  }, 90_000);

  afterAll(async () => {
    await app?.browser.close().catch(() => undefined);
    await app?.t.close();
  }, 60_000);

  const get = (): BrowserApp => {
    if (!app) throw new Error('The browser app did not start (see beforeAll).');
    return app;
  };

  function test(name: string, fn: (s: BrowserSession) => Promise<void>, timeout = 100_000): void {
    it(
      name,
      async () => {
        const a = get();
        const tracked: Tracked = { contexts: [], logs: new Map() };
        let timer: NodeJS.Timeout | undefined;
        try {
          const { context, page } = await openContext(a, tracked);
          const session: BrowserSession = { app: a, t: a.t, context, page, newContext: () => openContext(a, tracked) };
          // Fail a little before jest's own timeout, so there is still time for the screenshots.
          const deadline = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`Test ran out of time (${timeout - 10_000} ms)`)), timeout - 10_000);
          });
          await Promise.race([fn(session), deadline]);
          // The final state of every open page, then every violation seen during the test.
          for (const page of tracked.logs.keys()) if (!page.isClosed()) await auditPage(page);
          const violations = [...tracked.logs.keys()].flatMap((page) => audits.get(page)?.violations ?? []);
          if (violations.length) throw new Error(`Accessibility (axe-core, WCAG 2.2 AA) serious/critical violations:\n${violations.join('\n')}`);
        } catch (error) {
          const notes = await saveEvidence(name, tracked);
          if (error instanceof Error && notes.length) error.message += `\n\nBrowser evidence:\n${notes.join('\n')}`;
          throw error;
        } finally {
          clearTimeout(timer);
          for (const context of tracked.contexts) await context.close().catch(() => undefined);
        }
      },
      timeout,
    );
  }

  return { test, app: get };
}

// ----- assertions on what the user sees (playwright-core has no web-first `expect`) -----

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

const matches = (text: string, expected: string | RegExp) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));

/** Waits until the (first visible) element's text matches, then asserts it (so a failure shows the text). */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = STEP_TIMEOUT): Promise<string> {
  const target = locator.filter({ visible: true }).first();
  await target.waitFor({ state: 'visible', timeout });
  const text = await poll(
    async () => ((await target.textContent({ timeout: 1_000 }).catch(() => '')) ?? '').replace(/\s+/g, ' ').trim(),
    (t) => matches(t, expected),
    timeout,
  );
  if (typeof expected === 'string') expect(text).toContain(expected);
  else expect(text).toMatch(expected);
  await auditPage(locator.page());
  return text;
}

/** Waits until an attribute has a value, then asserts it. */
export async function expectAttribute(locator: Locator, name: string, expected: string, timeout = STEP_TIMEOUT): Promise<void> {
  const target = locator.first();
  await target.waitFor({ state: 'attached', timeout });
  const value = await poll(() => target.getAttribute(name, { timeout: 1_000 }).catch(() => null), (v) => v === expected, timeout);
  expect(value).toBe(expected);
}

/** Waits until the element is visible (an assertion: it fails with a timeout naming the locator). */
export async function expectVisible(locator: Locator, timeout = STEP_TIMEOUT): Promise<void> {
  await locator.filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
  await auditPage(locator.page());
}

/** Asserts that no element matching the locator is visible right now (call it once the page has rendered). */
export async function expectNotVisible(locator: Locator): Promise<void> {
  expect(await locator.filter({ visible: true }).count()).toBe(0);
}

/** Waits for the page's URL to match, then asserts it. */
export async function expectUrl(page: Page, expected: RegExp | ((url: URL) => boolean), timeout = STEP_TIMEOUT): Promise<void> {
  await page.waitForURL(expected, { timeout }).catch(() => undefined);
  const url = page.url();
  if (expected instanceof RegExp) expect(url).toMatch(expected);
  else expect({ url, matches: expected(new URL(url)) }).toEqual({ url, matches: true });
}

/** Runs `action` and returns the response of the API call it triggers (method + path). */
export async function withResponse(page: Page, method: string, path: string, action: () => Promise<unknown>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === path),
    action(),
  ]);
  return response;
}
