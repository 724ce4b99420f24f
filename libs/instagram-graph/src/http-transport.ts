import type { ResolvedConfig } from './config.js';
import { errorFromGraphBody, errorFromNetworkFailure, errorFromOAuthBody, type ErrorContext } from './error-mapping.js';
import { InstagramError, InstagramTransient } from './errors.js';
import { normalisePath } from './graph-url.js';
import { isJsonObject, type JsonValue } from './json.js';
import { parseJsonLossless } from './lossless-json.js';
import { redactSecrets, redactUrl } from './redact.js';
import { backoffDelayMs } from './retry-policy.js';
import { parseUsageHeaders, type InstagramUsage } from './usage-headers.js';

// The only place that performs HTTP: token placement, timeouts, bounded retries of transient
// failures, usage headers, error mapping, redacted logging and the call counter.

export interface TransportRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  /** The user token. 'auto' follows config.tokenTransport; 'query' is for endpoints that require it. */
  token?: string;
  tokenPlacement?: 'auto' | 'query';
  form?: URLSearchParams;
  /** Only idempotent calls are retried: a code exchange is single-use (§1.4), so it is not. */
  idempotent: boolean;
  /** api.instagram.com answers with the legacy OAuth envelope (§8.1). */
  envelope: 'graph' | 'oauth';
  /** Lets a code 100 become InstagramInvalidMetric. */
  insightsCall?: boolean;
  /** Extra literal values to scrub from errors (app secret, code). */
  secrets?: readonly (string | undefined)[];
}

export interface TransportResponse {
  body: JsonValue;
  status: number;
  usage: InstagramUsage | undefined;
}

export interface ClientStats {
  calls: number;
  byPath: Record<string, number>;
}

function retryAfterHeaderMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function hasErrorEnvelope(body: JsonValue | undefined): boolean {
  return isJsonObject(body) && (isJsonObject(body['error']) || typeof body['error_type'] === 'string');
}

export class HttpTransport {
  private callCount = 0;
  private readonly callsByPath = new Map<string, number>();
  private latestUsage: InstagramUsage | undefined;

  constructor(private readonly config: ResolvedConfig) {}

  get stats(): ClientStats {
    return { calls: this.callCount, byPath: Object.fromEntries(this.callsByPath) };
  }

  get lastUsage(): InstagramUsage | undefined {
    return this.latestUsage;
  }

  resetStats(): void {
    this.callCount = 0;
    this.callsByPath.clear();
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.attempt(request);
      } catch (error) {
        const retryable = error instanceof InstagramTransient && request.idempotent && attempt < this.config.retries;
        if (!retryable) throw error;
        const delay = backoffDelayMs(attempt, {
          baseDelayMs: this.config.retryBaseDelayMs,
          maxDelayMs: this.config.retryMaxDelayMs,
          random: this.config.random,
        });
        this.config.logger?.warn?.('instagram request retry', { attempt: attempt + 1, delayMs: delay, error: error.message });
        await this.config.sleep(delay);
      }
    }
  }

  private prepare(request: TransportRequest): { url: URL; headers: Record<string, string> } {
    const url = new URL(request.url);
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = request.token;
    // A paging URL already carries access_token; adding a second copy (header or param) is pointless.
    if (token !== undefined && !url.searchParams.has('access_token')) {
      const placement = request.tokenPlacement === 'query' ? 'query' : this.config.tokenTransport;
      if (placement === 'query') url.searchParams.set('access_token', token);
      else headers['authorization'] = `Bearer ${token}`;
    }
    if (request.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    return { url, headers };
  }

  private count(path: string): void {
    this.callCount += 1;
    this.callsByPath.set(path, (this.callsByPath.get(path) ?? 0) + 1);
  }

  private async attempt(request: TransportRequest): Promise<TransportResponse> {
    const { url, headers } = this.prepare(request);
    const path = normalisePath(url.pathname);
    const redactedUrl = redactUrl(url);
    const secrets = [request.token, this.config.appSecret, ...(request.secrets ?? [])];
    const context: ErrorContext = { httpStatus: undefined, method: request.method, url: redactedUrl, usage: undefined, retryAfterHeaderMs: undefined, secrets };
    this.count(path);
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await this.config.fetch(url, {
        method: request.method,
        headers,
        body: request.form?.toString(),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      throw errorFromNetworkFailure(cause, context);
    }
    const usage = parseUsageHeaders(response.headers);
    this.recordUsage(usage, { method: request.method, path, httpStatus: response.status });
    this.config.logger?.debug?.('instagram request', {
      method: request.method,
      url: redactedUrl,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
    });

    let body: JsonValue | undefined;
    try {
      body = text === '' ? undefined : parseJsonLossless(text);
    } catch {
      body = undefined;
    }
    const failed = !response.ok || hasErrorEnvelope(body);
    if (failed) {
      const errorContext: ErrorContext = { ...context, httpStatus: response.status, usage, retryAfterHeaderMs: retryAfterHeaderMs(response.headers) };
      throw (request.envelope === 'oauth' ? errorFromOAuthBody(body, errorContext) : undefined) ?? errorFromGraphBody(body, errorContext, request.insightsCall);
    }
    if (body === undefined) {
      throw new InstagramError({
        message: redactSecrets(`Instagram returned a non-JSON body: HTTP ${response.status} (${request.method} ${redactedUrl})`, secrets),
        httpStatus: response.status,
        usage,
        method: request.method,
        url: redactedUrl,
      });
    }
    return { body, status: response.status, usage };
  }

  private recordUsage(usage: InstagramUsage | undefined, context: { method: string; path: string; httpStatus: number }): void {
    if (usage === undefined) return;
    this.latestUsage = usage;
    try {
      this.config.onUsage?.(usage, context);
    } catch (error) {
      // A broken observer must not turn a successful call into a failure.
      this.config.logger?.warn?.('instagram onUsage callback threw', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
