import { DomainError } from '../errors/domain-error.js';

/** No usable Chromium: say where we looked and how to fix it. */
export class PdfUnavailableError extends DomainError {
  constructor(executablePath: string, reason: string) {
    super(
      'pdf_unavailable',
      503,
      `PDF rendering is unavailable: ${reason} (looked for Chromium at ${executablePath}). Install it with "apt-get install chromium" or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome binary.`,
    );
  }
}

export class PdfTimeoutError extends DomainError {
  constructor(template: string, timeoutMs: number) {
    super('pdf_timeout', 504, `Rendering the "${template}" PDF took longer than ${timeoutMs} ms. Try again; if it keeps failing, the report may be too large.`);
  }
}
