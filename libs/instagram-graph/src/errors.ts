import type { InstagramUsage } from './usage-headers.js';

// Typed errors (API.md §8) so jobs can decide between reconnecting, backing off, retrying or
// giving up without parsing messages. Messages and URLs are redacted before they get here.

export interface InstagramErrorInit {
  message: string;
  /** Meta's own message, redacted (without our prefix and URL). */
  apiMessage?: string | undefined;
  code?: number | undefined;
  subcode?: number | undefined;
  type?: string | undefined;
  fbtraceId?: string | undefined;
  httpStatus?: number | undefined;
  isTransient?: boolean | undefined;
  userTitle?: string | undefined;
  userMessage?: string | undefined;
  usage?: InstagramUsage | undefined;
  method?: string | undefined;
  /** Redacted request URL. */
  url?: string | undefined;
  cause?: unknown;
}

export class InstagramError extends Error {
  override readonly name: string = 'InstagramError';
  readonly apiMessage: string | undefined;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly type: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly isTransient: boolean | undefined;
  readonly userTitle: string | undefined;
  readonly userMessage: string | undefined;
  /** Usage headers that came with the failing response, if any. */
  readonly usage: InstagramUsage | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(init: InstagramErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.apiMessage = init.apiMessage;
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type;
    this.fbtraceId = init.fbtraceId;
    this.httpStatus = init.httpStatus;
    this.isTransient = init.isTransient;
    this.userTitle = init.userTitle;
    this.userMessage = init.userMessage;
    this.usage = init.usage;
    this.method = init.method;
    this.url = init.url;
  }
}

/** 190 (and its subcodes 458/460/463/467/492) or 102: the account must be reconnected; never retried. */
export class InstagramTokenExpired extends InstagramError {
  override readonly name: string = 'InstagramTokenExpired';
}

export type RateLimitScope = 'app' | 'account';

export interface InstagramRateLimitedInit extends InstagramErrorInit {
  retryAfterMs: number;
  retryAfterSource: 'header' | 'default';
  scope: RateLimitScope;
}

/** 4, 17, 32, 613, 800xx (BUC) or HTTP 429: stop calling (the account, or the whole app on code 4) for `retryAfterMs`. */
export class InstagramRateLimited extends InstagramError {
  override readonly name: string = 'InstagramRateLimited';
  readonly retryAfterMs: number;
  /** 'header' when taken from estimated_time_to_regain_access / Retry-After, else the default backoff. */
  readonly retryAfterSource: 'header' | 'default';
  /** Code 4 throttles the whole app; the others one account. */
  readonly scope: RateLimitScope;

  constructor(init: InstagramRateLimitedInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
    this.retryAfterSource = init.retryAfterSource;
    this.scope = init.scope;
  }
}

/** 10 (permission / not enough viewers / messaging window) or 200–299 (scope not granted: re-authorize with it). */
export class InstagramPermissionDenied extends InstagramError {
  override readonly name: string = 'InstagramPermissionDenied';
  /** True for 200–299: the user must grant the missing scope again. */
  get needsReauth(): boolean {
    return this.code !== undefined && this.code >= 200 && this.code <= 299;
  }
}

/** 100 on an insights call: the metric is not (or no longer) valid for that object. */
export class InstagramInvalidMetric extends InstagramError {
  override readonly name: string = 'InstagramInvalidMetric';
}

/** HTTP 5xx, network failures, timeouts, codes 1/2 or `is_transient: true`: retried inside the client. */
export class InstagramTransient extends InstagramError {
  override readonly name: string = 'InstagramTransient';
}

/** The legacy OAuth envelope of api.instagram.com (`error_type`/`code`/`error_message`), e.g. a reused code. */
export class InstagramOAuthError extends InstagramError {
  override readonly name: string = 'InstagramOAuthError';
  get errorType(): string | undefined {
    return this.type;
  }
}

export type InstagramErrorAction = 'reconnect' | 'backoff' | 'retry' | 'fail';

/** What a job should do with an error: reconnect the account, back off, retry soon, or give up. */
export function classify(error: unknown): InstagramErrorAction {
  if (error instanceof InstagramTokenExpired) return 'reconnect';
  if (error instanceof InstagramRateLimited) return 'backoff';
  if (error instanceof InstagramTransient) return 'retry';
  if (error instanceof InstagramPermissionDenied && error.needsReauth) return 'reconnect';
  return 'fail';
}
