import { apiErrorSchema, apiRoutes, type RouteBody, type RouteKey, type RouteParams, type RouteQuery, type RouteResponse } from '@instagrowth/contracts';
import type { ZodType } from 'zod';

/** The contract's error body; only a failure the client makes up itself (network, non-JSON 5xx) lacks a correlation id. */
const errorBodySchema = apiErrorSchema.partial({ correlationId: true });
type ApiErrorBody = ReturnType<typeof errorBodySchema.parse>;

/** An API error with the body every endpoint uses: `{ error, message, fields?, correlationId? }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;
  readonly correlationId: string | undefined;
  /** Seconds from the Retry-After header (429 and some 503s). */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: ApiErrorBody, retryAfter?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.error;
    this.fields = body.fields;
    this.correlationId = body.correlationId;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isApiErrorCode(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has ended. Please log in again.',
  403: 'You do not have permission to do that.',
  404: 'We could not find what you were looking for.',
  409: 'That conflicts with the current state. Refresh and try again.',
  413: 'That is too large.',
  429: 'Too many requests. Please slow down.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'The server is not reachable right now. Please try again.',
  503: 'The service is temporarily unavailable. Please try again shortly.',
};

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readBody(response).catch(() => undefined);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) return new ApiError(response.status, parsed.data, retryAfter);
  return new ApiError(
    response.status,
    {
      error: `http_${response.status}`,
      message: FALLBACK_MESSAGES[response.status] ?? `Unexpected response from the server (HTTP ${response.status}).`,
    },
    retryAfter,
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the Authorization header and handle 401 (refresh / sign out). Default true. */
  auth?: boolean;
}

export interface ApiClientConfig {
  getToken: () => string | null;
  /** Tries to obtain a new access token once after a 401; resolves true when it did. */
  refresh?: () => Promise<boolean>;
  /** Called when a request still gets 401 after any refresh attempt. */
  onUnauthorized?: () => void;
}

/** Options of a typed call: path parameters, query and body exactly as the route's contract says. */
export type CallOptions<K extends RouteKey> = { signal?: AbortSignal; headers?: Record<string, string>; auth?: boolean } & ([RouteParams<K>] extends [never]
  ? { params?: never }
  : { params: RouteParams<K> }) &
  ([RouteBody<K>] extends [never] ? { body?: never } : { body: RouteBody<K> }) &
  ([RouteQuery<K>] extends [never] ? { query?: never } : { query?: Partial<RouteQuery<K>> });

/** `[options]` is optional only when the route needs neither params nor a body. */
type CallArgs<K extends RouteKey> = [RouteParams<K>] extends [never] ? ([RouteBody<K>] extends [never] ? [options?: CallOptions<K>] : [options: CallOptions<K>]) : [options: CallOptions<K>];

export interface ApiClient {
  /**
   * The one way to call the API: `api.call('GET /api/accounts/:id', { params: { id } })`. The route
   * key names the contract in libs/contracts (`apiRoutes`); the answer is parsed with its response
   * schema, so the type you get is the type you have.
   */
  call<K extends RouteKey>(route: K, ...args: CallArgs<K>): Promise<RouteResponse<K>>;
}

/** `'GET /api/accounts/:id'` + `{ id }` → `['GET', '/api/accounts/<id>']`. */
export function routeUrl(route: RouteKey, params?: Record<string, string | number>, query?: Record<string, unknown>): { method: NonNullable<RequestOptions['method']>; url: string } {
  const [method, template] = route.split(' ') as [NonNullable<RequestOptions['method']>, string];
  const path = template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${route}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) search.set(key, String(value));
  const qs = search.toString();
  return { method, url: qs ? `${path}?${qs}` : path };
}

/**
 * Parses an answer with its route's response schema. A mismatch means the web app and the API
 * disagree about a contract: development builds throw, production builds log it and use the answer
 * as sent (the browser tests fail on any console error, so it cannot slip through CI).
 */
export function parseAnswer(route: RouteKey, schema: ZodType | null, body: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const detail = result.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(body)'} ${i.message}`).join('; ');
  if (import.meta.env.DEV) throw new Error(`${route} answered outside its contract: ${detail}`);
  console.error(`${route} answered outside its contract: ${detail}`);
  return body;
}

/** One low-level call: JSON in, JSON out, cookies included, ApiError on any non-2xx. */
export async function rawRequest(path: string, options: RequestOptions & { token?: string | null } = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, {
      error: 'network_error',
      message: 'We could not reach the server. Check your connection and try again.',
    });
  }
  if (!response.ok) throw await toApiError(response);
  return readBody(response);
}

export function createApiClient(config: ApiClientConfig): ApiClient {
  async function request(path: string, options: RequestOptions): Promise<unknown> {
    const useAuth = options.auth !== false;
    const token = useAuth ? config.getToken() : null;
    try {
      return await rawRequest(path, { ...options, token });
    } catch (error) {
      if (!useAuth || !(error instanceof ApiError) || error.status !== 401) throw error;
      // The access token expired or was revoked: refresh once, then retry once.
      if (config.refresh && (await config.refresh().catch(() => false))) {
        try {
          return await rawRequest(path, { ...options, token: config.getToken() });
        } catch (retryError) {
          if (retryError instanceof ApiError && retryError.status === 401) config.onUnauthorized?.();
          throw retryError;
        }
      }
      config.onUnauthorized?.();
      throw error;
    }
  }

  async function call<K extends RouteKey>(route: K, ...[options]: CallArgs<K>): Promise<RouteResponse<K>> {
    const opts = (options ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown; signal?: AbortSignal; headers?: Record<string, string>; auth?: boolean };
    const { method, url } = routeUrl(route, opts.params, opts.query);
    const body = await request(url, { method, body: opts.body, signal: opts.signal, headers: opts.headers, auth: opts.auth });
    return parseAnswer(route, apiRoutes[route].response, body) as RouteResponse<K>;
  }

  return { call };
}

/** Unauthenticated calls (root realm, public pages, app context). */
export const publicApi: ApiClient = createApiClient({ getToken: () => null });
