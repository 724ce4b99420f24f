import type { ResolvedConfig } from './config.js';
import { INSTAGRAM_SCOPES, REQUIRED_SCOPE } from './scopes.js';

// Building the authorize URL and reading the callback (API.md §1.2). Pure: no I/O.

export interface AuthorizeUrlOptions {
  /** Opaque CSRF value echoed back unchanged; sign it and verify it before touching `code`. */
  state: string;
  /** Defaults to all five current scopes; `instagram_business_basic` is always included. */
  scopes?: readonly string[];
  /** Force re-authentication even with an existing Instagram session (lets an agency switch accounts). */
  forceReauth?: boolean;
  /** Show or hide "Log in with Facebook" (re-added Feb 2026; Meta's default is true). */
  enableFbLogin?: boolean;
}

export function buildAuthorizeUrl(config: ResolvedConfig, options: AuthorizeUrlOptions): string {
  if (typeof options.state !== 'string' || options.state === '') throw new TypeError('buildAuthorizeUrl: state is required');
  const requested = options.scopes ?? INSTAGRAM_SCOPES;
  const scopes = requested.includes(REQUIRED_SCOPE) ? [...requested] : [REQUIRED_SCOPE, ...requested];
  const url = new URL(config.authorizeUrl);
  url.searchParams.set('client_id', config.appId);
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', [...new Set(scopes)].join(','));
  url.searchParams.set('state', options.state);
  if (options.forceReauth === true) url.searchParams.set('force_reauth', 'true');
  if (options.enableFbLogin !== undefined) url.searchParams.set('enable_fb_login', options.enableFbLogin ? '1' : '0');
  return url.toString();
}

export type CallbackQuery = URLSearchParams | string | Readonly<Record<string, string | readonly string[] | undefined>>;

export type CallbackResult =
  | { kind: 'code'; code: string; state: string | undefined }
  | { kind: 'error'; error: string; errorReason: string | undefined; errorDescription: string | undefined; state: string | undefined };

// Success redirects end in `#_` (§1.2). Browsers usually drop it, but a raw query copied by a
// framework or a person may keep it glued to the last parameter.
export function stripHashUnderscore(value: string): string {
  return value.endsWith('#_') ? value.slice(0, -2) : value;
}

function toSearchParams(query: CallbackQuery): URLSearchParams {
  if (query instanceof URLSearchParams) return query;
  if (typeof query === 'string') {
    let raw = query.trim();
    const queryStart = raw.indexOf('?');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || queryStart >= 0) raw = queryStart >= 0 ? raw.slice(queryStart + 1) : '';
    const hashStart = raw.indexOf('#');
    if (hashStart >= 0) raw = raw.slice(0, hashStart);
    return new URLSearchParams(raw);
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // Duplicated parameters are ambiguous; the first one wins, like URLSearchParams.get.
    const first = Array.isArray(value) ? (value as readonly string[])[0] : (value as string | undefined);
    if (first !== undefined) params.set(key, first);
  }
  return params;
}

function readParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  const cleaned = stripHashUnderscore(value);
  return cleaned === '' ? undefined : cleaned;
}

/** Reads the OAuth redirect: a code (with `#_` stripped) or the denial/error triple. */
export function parseCallbackQuery(query: CallbackQuery): CallbackResult {
  const params = toSearchParams(query);
  const state = readParam(params, 'state');
  const error = readParam(params, 'error');
  if (error !== undefined) {
    return { kind: 'error', error, errorReason: readParam(params, 'error_reason'), errorDescription: readParam(params, 'error_description'), state };
  }
  const code = readParam(params, 'code');
  if (code === undefined) {
    return { kind: 'error', error: 'missing_code', errorReason: undefined, errorDescription: 'The callback carried neither a code nor an error', state };
  }
  return { kind: 'code', code, state };
}
