import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { PdfTimeoutError, PdfUnavailableError } from './pdf.errors.js';

export interface BrowserPoolOptions {
  executablePath: string;
  /** Pages rendering at once; further renders wait in FIFO order. */
  concurrency: number;
  timeoutMs: number;
}

// Headless, no sandbox (containers run as root), and nothing that phones home. The dead proxy and
// the resolver rule are a last line behind request interception: if a request ever slipped past
// it, it would go nowhere.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-sync',
  '--mute-audio',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/**
 * The one warm Chromium of this process: launched on first use, its pages reused across renders
 * (a reused page ≈ 40 ms, a new one ≈ 130 ms, a launch 0.4–1 s), relaunched when it dies, closed
 * on shutdown. The only place that talks to the browser.
 */
export class BrowserPool {
  private readonly logger = new Logger('Pdf');
  private browser: Promise<Browser> | null = null;
  private idle: Page[] = [];
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: BrowserPoolOptions) {}

  /** Runs `work` on a page that loads nothing but data: URIs, within the concurrency limit and the timeout. */
  async withPage<T>(label: string, work: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      try {
        return await this.attempt(label, work);
      } catch (error) {
        // The browser died under us (crash, OOM kill): one retry on a fresh one.
        if (!(error instanceof BrowserGoneError)) throw error;
        this.logger.warn(`Chromium went away during "${label}"; relaunching and retrying once`);
        return await this.attempt(label, work).catch((again: unknown) => {
          throw again instanceof BrowserGoneError ? again.cause : again;
        });
      }
    } finally {
      this.release();
    }
  }

  /** The running browser's process id, or null (for diagnostics and the restart test). */
  async pid(): Promise<number | null> {
    if (!this.browser) return null;
    const browser = await this.browser.catch(() => null);
    return browser?.process()?.pid ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.browser;
    this.forget();
    const browser = await pending?.catch(() => null);
    await browser?.close().catch(() => undefined);
  }

  private async attempt<T>(label: string, work: (page: Page) => Promise<T>): Promise<T> {
    const owner = this.launch();
    const page = await this.page(owner);
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new PdfTimeoutError(label, this.options.timeoutMs));
      }, this.options.timeoutMs);
    });
    try {
      const result = await Promise.race([work(page), timeout]);
      // A template that navigated away (meta refresh → blocked → error page) leaves a page not worth reusing.
      if (page.url() === 'about:blank') this.idle.push(page);
      else void page.close().catch(() => undefined);
      return result;
    } catch (error) {
      // A page that failed or timed out may be mid-navigation: never hand it to the next render.
      void page.close().catch(() => undefined);
      if (timedOut) throw new PdfTimeoutError(label, this.options.timeoutMs);
      if (page.browser().connected && !isBrowserGone(error)) throw error;
      this.discard(owner);
      throw new BrowserGoneError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  private async page(owner: Promise<Browser>): Promise<Page> {
    const browser = await owner;
    while (this.idle.length) {
      const page = this.idle.pop()!;
      if (!page.isClosed() && page.browser() === browser) return page;
    }
    try {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', blockAllButData);
      return page;
    } catch (error) {
      this.discard(owner);
      throw new BrowserGoneError(error);
    }
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(new PdfUnavailableError(this.options.executablePath, 'the renderer is shutting down'));
    if (this.browser) return this.browser;
    const { executablePath } = this.options;
    if (!existsSync(executablePath)) return Promise.reject(new PdfUnavailableError(executablePath, 'Chromium was not found'));
    const started = Date.now();
    const launching = puppeteer
      .launch({ executablePath, headless: true, pipe: true, args: ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false })
      .then((browser) => {
        this.logger.log(`Chromium ready in ${Date.now() - started} ms (pid ${browser.process()?.pid ?? '?'})`);
        browser.once('disconnected', () => {
          if (this.browser === launching && !this.closed) this.logger.error(`Chromium (pid ${browser.process()?.pid ?? '?'}) exited unexpectedly; the next render relaunches it`);
          this.discard(launching);
        });
        return browser;
      })
      .catch((error: unknown) => {
        if (this.browser === launching) this.browser = null;
        throw new PdfUnavailableError(executablePath, `Chromium did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      });
    this.browser = launching;
    return launching;
  }

  private forget(): void {
    this.browser = null;
    this.idle = [];
  }

  /** Drops a broken browser, unless another render already replaced it, and makes sure its process ends. */
  private discard(owner: Promise<Browser>): void {
    if (this.browser === owner) this.forget();
    void owner.then((b) => b.close()).catch(() => undefined);
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return;
    }
    // The slot is handed over directly by release(), so `active` never dips and lets a newcomer jump the queue.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** Everything but inline data is refused: no http(s), no file://, no ws, whatever the template says. */
function blockAllButData(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  if (request.url().startsWith('data:')) void request.continue().catch(() => undefined);
  else void request.abort('blockedbyclient').catch(() => undefined);
}

/** Internal marker: the render failed because Chromium went away, so it is worth one retry. */
class BrowserGoneError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function isBrowserGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Target closed|Session closed|Connection closed|browser has disconnected|Page crashed|ECONNRESET|EPIPE/i.test(message);
}
