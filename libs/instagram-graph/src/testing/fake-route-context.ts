import type { ServerResponse } from 'node:http';
import type { FakeRequest } from './fake-http.js';
import type { FakeState } from './fake-state.js';

/** What every route handler gets. */
export interface RouteContext {
  state: FakeState;
  /** `http://127.0.0.1:<port>`: used to build paging URLs like the real API does. */
  baseUrl: string;
  request: FakeRequest;
  response: ServerResponse;
  /** Usage headers to attach to the answer (Graph routes only). */
  headers: Record<string, string>;
  maxPageSize: number;
}

/** A URL on this fake carrying the access_token first, like Meta's paging links. */
export function fakeUrl(context: RouteContext, path: string, params: URLSearchParams, token: string | undefined): string {
  const ordered = new URLSearchParams();
  if (token !== undefined) ordered.set('access_token', token);
  for (const [key, value] of params) if (key !== 'access_token') ordered.append(key, value);
  return `${context.baseUrl}${path}?${ordered.toString()}`;
}
