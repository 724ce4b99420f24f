import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import puppeteer, { type Browser, type ConnectionTransport } from 'puppeteer-core';

/**
 * Starts Chromium ourselves rather than with `puppeteer.launch`: puppeteer keeps Chromium's
 * stdout/stderr as pipes read through readline, which re-emits a pipe error (`read ECONNRESET`,
 * seen while Chromium starts on a loaded machine) as an uncaught exception that would take the
 * API down. Here stdin/stdout/stderr are not connected at all, and the DevTools protocol runs over
 * fds 3 and 4 (`--remote-debugging-pipe`) with our own error handling.
 */
export interface ChromiumProcess {
  browser: Browser;
  child: ChildProcess;
  /** Closes the browser (kills it if it does not exit in time) and removes its profile directory. */
  close(): Promise<void>;
}

export async function startChromium(executablePath: string, extraArgs: string[], timeoutMs = 30_000): Promise<ChromiumProcess> {
  const profile = mkdtempSync(join(tmpdir(), 'ig-chromium-'));
  const args = [...(await puppeteer.defaultArgs({ headless: true, userDataDir: profile, args: extraArgs })), '--remote-debugging-pipe'];
  const child = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(removeProfile);
  const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);

  let timer: NodeJS.Timeout | undefined;
  try {
    const browser = await Promise.race([
      puppeteer.connect({ transport, defaultViewport: null, protocolTimeout: timeoutMs }),
      new Promise<never>((_, reject) => {
        child.once('error', reject);
        child.once('exit', (code, signal) => reject(new Error(`Chromium exited during start-up (${signal ?? `code ${code}`})`)));
        timer = setTimeout(() => reject(new Error(`Chromium did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    child.once('exit', () => transport.close());
    return {
      browser,
      child,
      async close() {
        if (child.exitCode === null && child.signalCode === null) {
          // Ask politely over CDP while it still listens; a browser that does not exit in time, or lost its pipe, is killed.
          const grace = setTimeout(() => child.kill('SIGKILL'), 5_000);
          if (browser.connected) await browser.close().catch(() => child.kill('SIGKILL'));
          else child.kill('SIGKILL');
          await exited;
          clearTimeout(grace);
        }
        removeProfile();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    transport.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** CDP over a pair of pipes: JSON messages separated by NUL bytes. */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private buffered: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly out: Writable,
    input: Readable,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.on('close', () => this.close());
    // A broken pipe means Chromium is gone: the connection closes, the pool relaunches.
    input.on('error', () => this.close());
    out.on('error', () => this.close());
  }

  send(message: string): void {
    if (!this.closed) this.out.write(`${message}\0`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.buffered.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.buffered).toString('utf8');
      this.buffered = [];
      start = end + 1;
      this.onmessage?.(message);
    }
    if (start < chunk.length) this.buffered.push(chunk.subarray(start));
  }
}
