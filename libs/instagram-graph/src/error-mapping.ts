import {
  InstagramError,
  InstagramInvalidMetric,
  InstagramOAuthError,
  InstagramPermissionDenied,
  InstagramRateLimited,
  InstagramTokenExpired,
  InstagramTransient,
  type InstagramErrorInit,
} from './errors.js';
import { isJsonObject, readBoolean, readNumber, readObject, readString, type JsonValue } from './json.js';
import { redactSecrets } from './redact.js';
import type { InstagramUsage } from './usage-headers.js';

// Maps Meta's two error envelopes (API.md §8.1) and transport failures onto the typed errors,
// following the code table of §8.2.

export interface ErrorContext {
  httpStatus: number | undefined;
  method: string;
  /** Redacted URL of the request. */
  url: string;
  usage: InstagramUsage | undefined;
  /** From a standard Retry-After header, when the response carried one. */
  retryAfterHeaderMs: number | undefined;
  /** Literal secrets (token, app secret, code) to scrub from any message. */
  secrets: readonly (string | undefined)[];
}

/** Used when a throttle comes without a usable estimate: §8.3 starts the exponential backoff at 1 minute. */
export const DEFAULT_RATE_LIMIT_BACKOFF_MS = 60_000;

const TOKEN_INVALID_CODES = new Set([190, 102]);
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
// Publishing subcode "flagged as spam/blocked" reuses code 4 but must stop, not back off (§8.2).
const NOT_A_THROTTLE_SUBCODES = new Set([2207051]);
const TRANSIENT_CODES = new Set([1, 2]);
// 100/33: the object is missing or not accessible (e.g. deleted media), not a bad metric.
const OBJECT_MISSING_SUBCODE = 33;

function isBusinessUseCaseThrottle(code: number): boolean {
  return code >= 80000 && code < 80100;
}

function isRateLimit(code: number | undefined, subcode: number | undefined, httpStatus: number | undefined): boolean {
  if (subcode !== undefined && NOT_A_THROTTLE_SUBCODES.has(subcode)) return false;
  if (code !== undefined && (RATE_LIMIT_CODES.has(code) || isBusinessUseCaseThrottle(code))) return true;
  return code === undefined && httpStatus === 429;
}

function retryAfter(ctx: ErrorContext): { retryAfterMs: number; retryAfterSource: 'header' | 'default' } {
  const fromUsage = ctx.usage?.regainAccessMs ?? 0;
  const fromHeader = ctx.retryAfterHeaderMs ?? 0;
  const best = Math.max(fromUsage, fromHeader);
  return best > 0 ? { retryAfterMs: best, retryAfterSource: 'header' } : { retryAfterMs: DEFAULT_RATE_LIMIT_BACKOFF_MS, retryAfterSource: 'default' };
}

function describe(kind: string, code: number | undefined, subcode: number | undefined, detail: string, ctx: ErrorContext): string {
  const codes = code === undefined ? '' : ` ${code}${subcode === undefined ? '' : `/${subcode}`}`;
  const status = ctx.httpStatus === undefined ? '' : ` HTTP ${ctx.httpStatus}`;
  return redactSecrets(`Instagram ${kind}${codes}:${status} ${detail} (${ctx.method} ${ctx.url})`, ctx.secrets);
}

function baseInit(ctx: ErrorContext): Pick<InstagramErrorInit, 'httpStatus' | 'usage' | 'method' | 'url'> {
  return { httpStatus: ctx.httpStatus, usage: ctx.usage, method: ctx.method, url: ctx.url };
}

function looksLikeMetricError(message: string): boolean {
  return /metric/i.test(message);
}

// On insights calls a code 100 is nearly always about a metric (even "An unknown error has occurred"
// variants, §4.1), except the refusal of a too-wide since/until range, which is the request's fault.
function looksLikeRangeError(message: string): boolean {
  return /\b(since|until)\b/i.test(message);
}

/** Builds the typed error for a Graph envelope `{"error":{message,type,code,error_subcode,is_transient,fbtrace_id}}`
 * (or for a failing response without one). `insightsCall` lets code 100 become InstagramInvalidMetric. */
export function errorFromGraphBody(body: JsonValue | undefined, ctx: ErrorContext, insightsCall = false): InstagramError {
  const envelope = isJsonObject(body) ? readObject(body, 'error') : undefined;
  const code = envelope ? readNumber(envelope, 'code') : undefined;
  const subcode = envelope ? readNumber(envelope, 'error_subcode') : undefined;
  const rawMessage = (envelope && readString(envelope, 'message')) ?? 'Request failed without an error body';
  const isTransient = envelope ? readBoolean(envelope, 'is_transient') : undefined;
  const init: Omit<InstagramErrorInit, 'message'> = {
    ...baseInit(ctx),
    apiMessage: redactSecrets(rawMessage, ctx.secrets),
    code,
    subcode,
    isTransient,
    type: envelope ? readString(envelope, 'type') : undefined,
    fbtraceId: envelope ? readString(envelope, 'fbtrace_id') : undefined,
    userTitle: envelope ? readString(envelope, 'error_user_title') : undefined,
    userMessage: envelope ? readString(envelope, 'error_user_msg') : undefined,
  };
  const status = ctx.httpStatus;

  if (code !== undefined && TOKEN_INVALID_CODES.has(code)) {
    return new InstagramTokenExpired({ ...init, message: describe('token invalid', code, subcode, rawMessage, ctx) });
  }
  if (isRateLimit(code, subcode, status)) {
    const scope = code === 4 ? 'app' : 'account';
    return new InstagramRateLimited({ ...init, ...retryAfter(ctx), scope, message: describe('rate limited', code, subcode, rawMessage, ctx) });
  }
  if (code !== undefined && (code === 10 || (code >= 200 && code <= 299))) {
    return new InstagramPermissionDenied({ ...init, message: describe('permission denied', code, subcode, rawMessage, ctx) });
  }
  const metricProblem = looksLikeMetricError(rawMessage) || (insightsCall && !looksLikeRangeError(rawMessage));
  if (code === 100 && subcode !== OBJECT_MISSING_SUBCODE && metricProblem) {
    return new InstagramInvalidMetric({ ...init, message: describe('invalid metric', code, subcode, rawMessage, ctx) });
  }
  const transientByCode = code !== undefined && TRANSIENT_CODES.has(code) && isTransient !== false;
  if (isTransient === true || transientByCode || (status !== undefined && status >= 500)) {
    return new InstagramTransient({ ...init, message: describe('transient error', code, subcode, rawMessage, ctx) });
  }
  return new InstagramError({ ...init, message: describe('error', code, subcode, rawMessage, ctx) });
}

/** The legacy api.instagram.com envelope `{"error_type","code","error_message"}` (§1.4), or undefined if the body is not one. */
export function errorFromOAuthBody(body: JsonValue | undefined, ctx: ErrorContext): InstagramError | undefined {
  if (!isJsonObject(body)) return undefined;
  const errorType = readString(body, 'error_type');
  const errorMessage = readString(body, 'error_message');
  if (errorType === undefined && errorMessage === undefined) return undefined;
  const code = readNumber(body, 'code');
  const init: Omit<InstagramErrorInit, 'message'> = { ...baseInit(ctx), apiMessage: redactSecrets(errorMessage ?? '', ctx.secrets), code, type: errorType };
  const message = describe('OAuth error', code, undefined, `${errorType ?? 'OAuthException'}: ${errorMessage ?? 'unknown'}`, ctx);
  if (ctx.httpStatus !== undefined && ctx.httpStatus >= 500) return new InstagramTransient({ ...init, message });
  return new InstagramOAuthError({ ...init, message });
}

/** fetch rejected (DNS, refused, reset, timeout): always transient. */
function errorField(cause: unknown, field: 'name' | 'message'): string | undefined {
  // Duck-typed: fetch's TimeoutError is a DOMException and may come from another realm (test VMs).
  if (typeof cause !== 'object' || cause === null || !(field in cause)) return undefined;
  const value: unknown = (cause as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

export function errorFromNetworkFailure(cause: unknown, ctx: ErrorContext): InstagramTransient {
  const name = errorField(cause, 'name');
  const isTimeout = name === 'TimeoutError' || name === 'AbortError';
  const message = errorField(cause, 'message');
  const detail = isTimeout ? 'request timed out' : `network failure${message === undefined ? '' : `: ${message}`}`;
  return new InstagramTransient({ ...baseInit(ctx), httpStatus: undefined, message: describe('transient error', undefined, undefined, detail, ctx), cause });
}
