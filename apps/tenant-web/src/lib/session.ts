import { useSyncExternalStore } from 'react';
import { sessionViewSchema, type SessionView, type UserView } from '@instagrowth/contracts';
import { ApiError, createApiClient, rawRequest, type ApiClient } from './api-client';

/**
 * Workspace session. The access token lives in memory only; the refresh token is an httpOnly
 * cookie the browser sends to POST /api/auth/refresh.
 */
interface SessionState {
  token: string | null;
  user: UserView | null;
  /** Why the last session ended: after an explicit logout the login page ignores ?next=. */
  endedBy: 'logout' | 'expired' | null;
}

/**
 * The refresh cookie is httpOnly, so scripts cannot see whether one exists. This flag (per host, set
 * at login, removed at logout and when the server refuses a refresh) says one may exist: without it
 * no POST /api/auth/refresh is sent, so an anonymous visit never gets (and logs) an expected 401.
 */
const MARKER_KEY = 'instagrowth.session';

export const sessionMarker = {
  present(): boolean {
    try {
      return localStorage.getItem(MARKER_KEY) === '1';
    } catch {
      // Storage disabled: try the refresh, as before the marker existed.
      return true;
    }
  },
  set(): void {
    try {
      localStorage.setItem(MARKER_KEY, '1');
    } catch {
      // ignore
    }
  },
  clear(): void {
    try {
      localStorage.removeItem(MARKER_KEY);
    } catch {
      // ignore
    }
  },
};

/**
 * An impersonation session (super-admin acting as the owner) has no refresh cookie: its access
 * token, valid until the session's end (≤ 30 min), is kept in this tab's sessionStorage so a
 * reload keeps it, and dropped with the session.
 */
const IMPERSONATION_KEY = 'instagrowth.impersonation';

export const impersonationStore = {
  save(session: SessionView): void {
    try {
      sessionStorage.setItem(IMPERSONATION_KEY, JSON.stringify({ session, expiresAt: Date.now() + session.expiresIn * 1000 }));
    } catch {
      // Storage disabled: the impersonation lasts for this page only.
    }
  },
  load(): SessionView | null {
    try {
      const raw = sessionStorage.getItem(IMPERSONATION_KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as { session?: unknown; expiresAt?: number };
      const session = sessionViewSchema.safeParse(parsed.session);
      if (!session.success || typeof parsed.expiresAt !== 'number' || parsed.expiresAt <= Date.now()) {
        sessionStorage.removeItem(IMPERSONATION_KEY);
        return null;
      }
      return session.data;
    } catch {
      return null;
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(IMPERSONATION_KEY);
    } catch {
      // ignore
    }
  },
};

let state: SessionState = { token: null, user: null, endedBy: null };
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  getSnapshot: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getToken: (): string | null => state.token,
  set(session: SessionView): void {
    state = { token: session.accessToken, user: session.user, endedBy: null };
    sessionMarker.set();
    emit();
  },
  clear(endedBy: 'logout' | 'expired' = 'expired'): void {
    sessionMarker.clear();
    impersonationStore.clear();
    if (state.token === null && state.user === null) return;
    state = { token: null, user: null, endedBy };
    emit();
  },
};

export function useSessionState(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
}

let inflight: Promise<boolean> | null = null;

async function doRefresh(): Promise<boolean> {
  const impersonation = impersonationStore.load();
  if (impersonation) {
    // No refresh cookie behind it: the stored token is the session until it ends (a 401 then signs out).
    if (sessionStore.getToken() === impersonation.accessToken) {
      sessionStore.clear();
      return false;
    }
    sessionStore.set(impersonation);
    return true;
  }
  if (!sessionMarker.present()) return false;
  try {
    const session = sessionViewSchema.safeParse(await rawRequest('/api/auth/refresh', { method: 'POST' }));
    if (!session.success) {
      sessionStore.clear();
      return false;
    }
    sessionStore.set(session.data);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status > 0 && error.status < 500) sessionStore.clear();
    return false;
  }
}

/**
 * Single-flight refresh. Refresh tokens rotate with reuse detection, so two concurrent refreshes
 * (React StrictMode, parallel 401s, two tabs) would look like token theft and end the session.
 * Inside a tab one promise is shared; across tabs the Web Locks API serialises the calls.
 */
export function refreshSession(): Promise<boolean> {
  if (!inflight) {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const run = locks ? locks.request('instagrowth-refresh', () => doRefresh()) : doRefresh();
    inflight = run.finally(() => {
      inflight = null;
    });
  }
  return inflight;
}

/** Client for the workspace realm: bearer token, one refresh + retry on 401, sign-out when that fails. */
export const api: ApiClient = createApiClient({
  getToken: sessionStore.getToken,
  refresh: refreshSession,
  onUnauthorized: () => sessionStore.clear(),
});
