import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RATE_LIMIT_BACKOFF_MS, errorFromGraphBody, errorFromOAuthBody, type ErrorContext } from './error-mapping.js';
import {
  InstagramError,
  InstagramInvalidMetric,
  InstagramOAuthError,
  InstagramPermissionDenied,
  InstagramRateLimited,
  InstagramTokenExpired,
  InstagramTransient,
  classify,
} from './errors.js';
import type { JsonValue } from './json.js';
import { parseUsageHeaders } from './usage-headers.js';
import { DEFAULT_FIXTURES_DIR } from './testing/fixtures.js';

const fixturesDir = fileURLToPath(DEFAULT_FIXTURES_DIR);
const fixture = (file: string): JsonValue => JSON.parse(readFileSync(path.join(fixturesDir, file), 'utf8')) as JsonValue;
const context = (overrides: Partial<ErrorContext> = {}): ErrorContext => ({
  httpStatus: 400,
  method: 'GET',
  url: 'https://graph.instagram.com/v25.0/me?access_token=REDACTED',
  usage: undefined,
  retryAfterHeaderMs: undefined,
  secrets: [],
  ...overrides,
});

describe('errorFromGraphBody', () => {
  it('maps error_expired_token.json to InstagramTokenExpired with every envelope field', () => {
    const error = errorFromGraphBody(fixture('error_expired_token.json'), context());
    expect(error).toBeInstanceOf(InstagramTokenExpired);
    expect(error).toMatchObject({ code: 190, subcode: 463, type: 'OAuthException', fbtraceId: 'AbCdEfGhIjKlMnOpQrStUvW', httpStatus: 400 });
    expect(error.message).toContain('Session has expired');
    expect(classify(error)).toBe('reconnect');
  });

  it('maps error_rate_limit.json (code 4, is_transient) to an app-wide InstagramRateLimited, not a transient', () => {
    const error = errorFromGraphBody(fixture('error_rate_limit.json'), context());
    expect(error).toBeInstanceOf(InstagramRateLimited);
    expect(error).not.toBeInstanceOf(InstagramTransient);
    const limited = error as InstagramRateLimited;
    expect(limited.scope).toBe('app');
    expect(limited.retryAfterMs).toBe(DEFAULT_RATE_LIMIT_BACKOFF_MS);
    expect(limited.retryAfterSource).toBe('default');
    expect(classify(error)).toBe('backoff');
  });

  it('maps the 80002 BUC error to an account InstagramRateLimited with retryAfter from the usage header', () => {
    const usage = parseUsageHeaders({ 'x-business-use-case-usage': '{"17841405555512345":[{"type":"instagram","call_count":100,"estimated_time_to_regain_access":9}]}' });
    const error = errorFromGraphBody(fixture('extra/error_rate_limit_buc.json'), context({ usage }));
    expect(error).toBeInstanceOf(InstagramRateLimited);
    expect(error).toMatchObject({ code: 80002, scope: 'account', retryAfterMs: 9 * 60_000, retryAfterSource: 'header', fbtraceId: 'A7xYzRateLimitTrace02' });
    expect(error.usage?.businessUseCase[0]?.callCount).toBe(100);
  });

  it('maps error_invalid_metric.json to InstagramInvalidMetric', () => {
    const error = errorFromGraphBody(fixture('extra/error_invalid_metric.json'), context());
    expect(error).toBeInstanceOf(InstagramInvalidMetric);
    expect(error.code).toBe(100);
    expect(classify(error)).toBe('fail');
  });

  it('keeps media-not-ready (9007/2207027, is_transient false) a plain failure with the user message', () => {
    const error = errorFromGraphBody(fixture('extra/error_media_not_ready.json'), context());
    expect(error.constructor).toBe(InstagramError);
    expect(error).toMatchObject({ code: 9007, subcode: 2207027, isTransient: false, userTitle: 'Media not ready for publishing' });
  });

  it('covers the rest of the §8.2 table', () => {
    const body = (code: number, extra: Record<string, JsonValue> = {}): JsonValue => ({ error: { message: `(#${code}) x`, type: 'OAuthException', code, fbtrace_id: 't', ...extra } });
    expect(errorFromGraphBody(body(102), context())).toBeInstanceOf(InstagramTokenExpired);
    for (const code of [17, 32, 613]) expect(errorFromGraphBody(body(code), context())).toBeInstanceOf(InstagramRateLimited);
    expect(errorFromGraphBody(body(4, { error_subcode: 2207051 }), context())).not.toBeInstanceOf(InstagramRateLimited);
    const tenError = errorFromGraphBody(body(10), context());
    expect(tenError).toBeInstanceOf(InstagramPermissionDenied);
    expect(classify(tenError)).toBe('fail');
    const scopeError = errorFromGraphBody(body(200), context());
    expect(scopeError).toBeInstanceOf(InstagramPermissionDenied);
    expect(classify(scopeError)).toBe('reconnect');
    for (const code of [1, 2]) expect(classify(errorFromGraphBody(body(code), context()))).toBe('retry');
    expect(errorFromGraphBody(body(100, { error_subcode: 33 }), context(), true).constructor).toBe(InstagramError);
    expect(errorFromGraphBody(body(100), context(), true)).toBeInstanceOf(InstagramInvalidMetric);
    expect(errorFromGraphBody({ error: { message: '(#100) There cannot be more than 30 days between since and until', code: 100 } }, context(), true).constructor).toBe(InstagramError);
    expect(errorFromGraphBody('<html>', context({ httpStatus: 502 }))).toBeInstanceOf(InstagramTransient);
    expect(errorFromGraphBody(undefined, context({ httpStatus: 429, retryAfterHeaderMs: 3000 }))).toMatchObject({ retryAfterMs: 3000, retryAfterSource: 'header' });
  });

  it('scrubs literal secrets from messages', () => {
    const error = errorFromGraphBody({ error: { message: 'bad token IGAAsecretvalue123', code: 100 } }, context({ secrets: ['IGAAsecretvalue123'] }));
    expect(error.message).not.toContain('IGAAsecretvalue123');
  });
});

describe('errorFromOAuthBody', () => {
  it('maps the legacy envelope of oauth_access_token_error.json to InstagramOAuthError', () => {
    const error = errorFromOAuthBody(fixture('extra/oauth_access_token_error.json'), context({ method: 'POST' }));
    expect(error).toBeInstanceOf(InstagramOAuthError);
    expect(error).toMatchObject({ code: 400, type: 'OAuthException', errorType: 'OAuthException' });
    expect(error?.message).toContain('Matching code was not found or was already used');
    expect(classify(error)).toBe('fail');
  });

  it('returns undefined for a Graph envelope so the Graph mapping applies', () => {
    expect(errorFromOAuthBody(fixture('error_expired_token.json'), context())).toBeUndefined();
  });
});

describe('classify', () => {
  it('says fail for anything that is not an Instagram error', () => {
    expect(classify(new Error('boom'))).toBe('fail');
    expect(classify('nope')).toBe('fail');
  });
});
