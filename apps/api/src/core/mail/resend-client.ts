import { Injectable } from '@nestjs/common';
import { Resend } from 'resend';
import { MailSettingsReader } from './mail-settings.js';

/** An error the queue must not retry (Resend refused the message itself, e.g. 422 validation). */
export class PermanentMailError extends Error {
  readonly retryable = false;
}

/** The official SDK, one client per key; `RESEND_BASE_URL` points it at the fake server in tests. */
@Injectable()
export class ResendClientProvider {
  private cached: { key: string; baseUrl: string | undefined; client: Resend } | undefined;

  constructor(private readonly settings: MailSettingsReader) {}

  /** Null without a key: mail goes to the outbox. */
  async client(): Promise<Resend | null> {
    const { apiKey, baseUrl } = await this.settings.current();
    if (!apiKey) return null;
    if (this.cached?.key === apiKey && this.cached.baseUrl === baseUrl) return this.cached.client;
    const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
    this.cached = { key: apiKey, baseUrl, client };
    return client;
  }
}

/**
 * The SDK answers `{ data, error }`; 4xx other than 429 will fail the same way again. Of the two 409s
 * only `concurrent_idempotent_requests` (the first request with the key is still running) is worth
 * retrying: `invalid_idempotent_request` (the key was used with another payload) answers the same
 * for the key's 24 hours.
 */
export function unwrapResend<T>(result: { data: T | null; error: { message: string; statusCode?: number | null; name?: string } | null }): T {
  if (result.error || !result.data) {
    const status = result.error?.statusCode ?? null;
    const message = `Resend: ${result.error?.message ?? 'empty answer'}${status ? ` (${status})` : ''}`;
    const retryable409 = status === 409 && result.error?.name !== 'invalid_idempotent_request';
    if (status && status >= 400 && status < 500 && status !== 429 && !retryable409) throw new PermanentMailError(message);
    throw new Error(message);
  }
  return result.data;
}
