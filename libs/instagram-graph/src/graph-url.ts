import type { ResolvedConfig } from './config.js';

// URL builders. Node ids are checked so a value coming from a database or a webhook can never
// turn into another path (`../`, `?`, …).

export type QueryParams = Record<string, string | number | undefined>;

export function assertNodeId(id: string, what = 'node id'): string {
  if (id !== 'me' && !/^\d{1,32}$/.test(id)) throw new TypeError(`Invalid Instagram ${what}: expected digits or "me"`);
  return id;
}

function withQuery(url: URL, params: QueryParams): URL {
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/** `<graphBaseUrl>/<version>/<segments…>?params` */
export function graphUrl(config: ResolvedConfig, segments: readonly string[], params: QueryParams = {}): URL {
  const path = segments.map((segment) => encodeURIComponent(segment)).join('/');
  return withQuery(new URL(`${config.graphBaseUrl}/${config.graphVersion}/${path}`), params);
}

/** Unversioned graph endpoints (`/access_token`, `/refresh_access_token`, §1.5–1.6). */
export function graphRootUrl(config: ResolvedConfig, path: string, params: QueryParams = {}): URL {
  return withQuery(new URL(`${config.graphBaseUrl}/${path}`), params);
}

export function apiUrl(config: ResolvedConfig, path: string): URL {
  return new URL(`${config.apiBaseUrl}/${path}`);
}

/** Paging URLs come from the response body; only follow them to the configured Graph origin so a
 * tampered or unexpected `next` can never receive our token. */
export function trustedPagingUrl(config: ResolvedConfig, next: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(next);
  } catch {
    return undefined;
  }
  return parsed.origin === new URL(config.graphBaseUrl).origin ? parsed : undefined;
}

/** Stats key: ids become `{id}` so 200 accounts don't make 200 keys. */
export function normalisePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) ? '{id}' : segment))
    .join('/');
}

export function toUnixSeconds(value: Date | number): number {
  return value instanceof Date ? Math.floor(value.getTime() / 1000) : Math.floor(value);
}
