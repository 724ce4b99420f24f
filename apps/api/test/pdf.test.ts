import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { BrowserPool } from '../src/core/pdf/browser-pool.js';
import { startChromium } from '../src/core/pdf/chromium-process.js';
import { brandingFromTenant, definePdfTemplate, PdfService, PdfTimeoutError, type ReportBranding } from '../src/core/pdf/index.js';
import { SAMPLE_REPORT, sampleReportData } from '../src/core/pdf/sample-report.js';
import { createTestApp, host, type TestApp } from './support/test-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Text of a PDF through poppler's pdftotext (.ci/run installs poppler-utils next to Chromium). */
function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ig-pdf-')), 'out.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`pdftotext failed (apt-get install poppler-utils): ${(error as Error).message}`);
  }
}

/** Page objects counted in the bytes (Chromium writes each as `/Type /Page`), independent of poppler. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;

/** The document title Chromium stores from <title>, as UTF-16BE hex. */
function pdfTitle(pdf: Buffer): string {
  const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(pdf.toString('latin1'))?.[1] ?? '';
  const bytes = Buffer.from(hex, 'hex');
  return String.fromCharCode(...Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readUInt16BE(i * 2)));
}

/** An HTTP server that records every request it gets. */
async function recordingServer(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': req.url?.endsWith('.css') ? 'text/css' : 'image/png' });
    res.end(req.url?.endsWith('.css') ? 'body{background:red}' : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('PDF renderer (Chromium)', () => {
  let t: TestApp;
  let pdf: PdfService;
  let acme: ReportBranding;

  beforeAll(async () => {
    t = await createTestApp({ PUPPETEER_EXECUTABLE_PATH: CHROMIUM, PDF_CONCURRENCY: '2' });
    pdf = t.app.get(PdfService);
    const [tenant] = await t.sql<{ name: string; branding: { primaryColor: string; accentColor: string; logoUrl: string | null } }>(
      `select name, branding from control.tenants where slug = 'acme'`,
    );
    acme = brandingFromTenant(tenant!);
  });
  afterAll(async () => t.close());

  it('renders the ten-page branded sample report: A4, the workspace name on every page, page numbers, powered-by', async () => {
    const file = await pdf.renderPdf(SAMPLE_REPORT, sampleReportData('@acme.studio'), { ...acme, footerText: 'Prepared by Acme Agency for Acme Studio' });
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(file)).toBeGreaterThanOrEqual(10);
    expect(pdfTitle(file)).toBe('Acme Agency · Sample audit of @acme.studio');
    const text = pdfText(file);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBe(pageCount(file));
    expect(text).toContain('Acme Agency');
    expect(text).toContain('@acme.studio');
    pages.forEach((page, i) => {
      expect(page).toContain('Prepared by Acme Agency for Acme Studio');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Powered by InstaGrowth OS');
    });
    // A4 is 210 × 297 mm = 595.3 × 841.9 points on every page.
    const boxes = [...file.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes).toHaveLength(pages.length);
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - 595.3)).toBeLessThan(1);
      expect(Math.abs(h! - 841.9)).toBeLessThan(1);
    }
  });

  it('hides "powered by" when the branding says so', async () => {
    const file = await pdf.renderPdf(SAMPLE_REPORT, sampleReportData(), { ...acme, showPoweredBy: false });
    const text = pdfText(file);
    expect(text).toContain('Acme Agency');
    expect(text).not.toContain('InstaGrowth');
  });

  it('escapes data: markup in the data shows up as text, never as an element', async () => {
    const t1 = definePdfTemplate<{ v: string }>({ name: 'escaping', body: '<p>{{v}}</p>' });
    const text = pdfText(await pdf.renderPdf(t1, { v: '<b>not bold</b> & <i>x</i>' }, acme));
    expect(text).toContain('<b>not bold</b> & <i>x</i>');
  });

  it('blocks every request from the page: img, iframe (file:// and http), object, CSS url(), @import, <link>, fonts, scripts, meta refresh', async () => {
    const server = await recordingServer();
    const secretDir = mkdtempSync(join(tmpdir(), 'ig-ssrf-'));
    const secretFile = join(secretDir, 'secret.txt');
    writeFileSync(secretFile, 'TOP-SECRET-FILE-CONTENT-4711');
    try {
      // A template author's worst case: every way HTML and CSS can make a browser fetch something.
      const hostile = definePdfTemplate({
        name: 'ssrf',
        body: `
<link rel="stylesheet" href="${server.url}/link.css">
<link rel="prefetch" href="${server.url}/prefetch">
<style>@import url("${server.url}/import.css"); .bg{background:url("${server.url}/bg.png")} @font-face{font-family:x;src:url("${server.url}/font.woff")} .f{font-family:x}</style>
<p class="bg f">visible text</p>
<img src="${server.url}/img.png" alt="">
<img srcset="${server.url}/srcset.png 2x" alt="">
<iframe src="file://${secretFile}" width="400" height="100"></iframe>
<iframe src="${server.url}/frame" width="400" height="100"></iframe>
<object data="file://${secretFile}" type="text/plain" width="400" height="100"></object>
<embed src="file://${secretFile}" type="text/plain" width="400" height="100">
<video poster="${server.url}/poster.png"></video>
<script src="${server.url}/script.js"></script>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline is fine">`,
      });
      const file = await pdf.renderPdf(hostile, {}, acme);
      const text = pdfText(file);
      expect(text).toContain('visible text');
      expect(text).not.toContain('TOP-SECRET');
      expect(server.hits).toEqual([]);

      // A meta refresh would navigate away mid-print (Chromium then fails "Printing failed" part of the
      // time): it is removed before rendering, so the render succeeds every time and reaches nothing.
      const refresh = definePdfTemplate({ name: 'refresh', body: `<meta http-equiv="refresh" content="0;url=${server.url}/refresh"><a href="${server.url}/link">still on the report</a>` });
      expect(pdfText(await pdf.renderPdf(refresh, {}, acme))).toContain('still on the report');
      // …and the next render on the same warm browser is intact.
      expect(pdfText(await pdf.renderPdf(hostile, {}, acme))).toContain('visible text');
      expect(server.hits).toEqual([]);

      // Control: the same page in a plain Chromium does fetch, so the server above would have seen it.
      const plain = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await plain.newPage();
        await page.setContent(`<img src="${server.url}/control.png">`, { waitUntil: 'load' });
        expect(server.hits).toContain('/control.png');
      } finally {
        await plain.close();
      }
    } finally {
      await server.close();
    }
  });

  it('relaunches Chromium after it dies: kill the browser process, the next render works', async () => {
    await pdf.renderPdf(SAMPLE_REPORT, sampleReportData(), acme);
    const before = await pdf.browserPid();
    expect(before).toEqual(expect.any(Number));
    process.kill(before!, 'SIGKILL');
    const file = await pdf.renderPdf(SAMPLE_REPORT, sampleReportData(), acme);
    expect(pageCount(file)).toBeGreaterThanOrEqual(10);
    const after = await pdf.browserPid();
    expect(after).toEqual(expect.any(Number));
    expect(after).not.toBe(before);
    // The killed process is reaped, not left as a zombie (bounded wait: reaping is asynchronous).
    const alive = () => {
      try {
        process.kill(before!, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
  });

  it('serves the sample report to a super-admin on the admin host (the deployment check), nobody else', async () => {
    const admin = await t.adminLogin();
    const res = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/admin-panel/pdf/sample', headers: { host: host('admin'), authorization: `Bearer ${admin}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = res.rawPayload;
    expect(pageCount(file)).toBeGreaterThanOrEqual(10);
    expect(pdfText(file)).toContain('InstaGrowth OS');
    expect((await t.request('GET', '/api/admin-panel/pdf/sample', { host: host('admin') })).status).toBe(401);
    const owner = await t.login('acme', 'owner@acme.test');
    expect((await t.request('GET', '/api/admin-panel/pdf/sample', { host: host('acme'), token: owner.token })).status).toBe(404);
  });

  it('keeps reusing one warm browser across renders', async () => {
    await pdf.renderPdf(SAMPLE_REPORT, sampleReportData(), acme);
    const pid = await pdf.browserPid();
    await Promise.all([1, 2, 3].map(() => pdf.renderPdf(SAMPLE_REPORT, sampleReportData(), acme)));
    expect(await pdf.browserPid()).toBe(pid);
  });
});

describe('PDF renderer without Chromium', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUPPETEER_EXECUTABLE_PATH: join(tmpdir(), 'missing', 'chromium') });
  });
  afterAll(async () => t.close());

  it('answers 503 pdf_unavailable over HTTP, saying how to install Chromium', async () => {
    const admin = await t.adminLogin();
    const res = await t.request('GET', '/api/admin-panel/pdf/sample', { host: host('admin'), token: admin });
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('pdf_unavailable');
    expect(res.body.message).toContain('apt-get install chromium');
    expect(res.body.message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(res.body.correlationId).toEqual(expect.any(String));
  });
});

describe('render queue', () => {
  const pool = new BrowserPool({ executablePath: CHROMIUM, concurrency: 2, timeoutMs: 1_000 });
  afterAll(async () => pool.close());

  it('runs at most PDF_CONCURRENCY renders at once and queues the rest', async () => {
    let active = 0;
    let max = 0;
    let reachedTwo!: () => void;
    const two = new Promise<void>((resolve) => (reachedTwo = resolve));
    const slow = new BrowserPool({ executablePath: CHROMIUM, concurrency: 2, timeoutMs: 20_000 });
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          slow.withPage(`job-${i}`, async (page) => {
            active++;
            max = Math.max(max, active);
            if (active === 2) reachedTwo();
            // Hold the slot until two renders overlap (bounded, so a broken limit fails instead of hanging).
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([two, new Promise((r) => (timer = setTimeout(r, 5_000)))]);
            clearTimeout(timer);
            await page.setContent(`<p>${i}</p>`);
            active--;
            return i;
          }),
        ),
      );
      expect(results).toEqual([0, 1, 2, 3, 4, 5]);
      expect(max).toBe(2);
    } finally {
      await slow.close();
    }
  });

  it('gives up on a render that exceeds the timeout with pdf_timeout, and the next render works', async () => {
    const error = await pool.withPage('stuck', () => new Promise<never>(() => undefined)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfTimeoutError);
    expect(error).toMatchObject({ code: 'pdf_timeout', status: 504 });
    const ok = await pool.withPage('after', async (page) => {
      await page.setContent('<p>ok</p>');
      return page.content();
    });
    expect(ok).toContain('<p>ok</p>');
  });

  it('reuses its pages between renders instead of opening a new one each time', async () => {
    const first = await pool.withPage('one', async (page) => page);
    const second = await pool.withPage('two', async (page) => page);
    expect(second).toBe(first);
    expect(second.isClosed()).toBe(false);
  });

  it('starts Chromium without stdout/stderr pipes; an error on the DevTools pipe disconnects instead of throwing', async () => {
    const chromium = await startChromium(CHROMIUM, ['--no-sandbox']);
    try {
      expect(chromium.child.stdin).toBeNull();
      expect(chromium.child.stdout).toBeNull();
      expect(chromium.child.stderr).toBeNull();
      const page = await chromium.browser.newPage();
      await page.setContent('<p>hello</p>');
      expect(await page.content()).toContain('hello');
      const disconnected = new Promise<void>((resolve) => chromium.browser.once('disconnected', () => resolve()));
      // Without a listener this would be an uncaught exception; here it only ends the connection.
      chromium.child.stdio[4]!.emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
      await disconnected;
      expect(chromium.browser.connected).toBe(false);
    } finally {
      await chromium.close();
    }
    expect(chromium.child.exitCode !== null || chromium.child.signalCode !== null).toBe(true);
  });

  it('answers pdf_unavailable when the Chromium path does not exist', async () => {
    const missing = new BrowserPool({ executablePath: join(tmpdir(), 'no-chromium-here'), concurrency: 1, timeoutMs: 1_000 });
    const error = await missing.withPage('x', async () => 1).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'pdf_unavailable', status: 503 });
    expect((error as Error).message).toMatch(/apt-get install chromium/);
    expect(existsSync(join(tmpdir(), 'no-chromium-here'))).toBe(false);
    await missing.close();
  });
});
