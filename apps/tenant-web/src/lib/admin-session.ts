import { useSyncExternalStore } from 'react';
import { createApiClient, type ApiClient } from './api-client';

/** Super-admin token: memory + sessionStorage (no refresh cookie for admins). */
const STORAGE_KEY = 'instagrowth.admin.session';

interface AdminState {
  token: string | null;
  email: string | null;
}

function load(): AdminState {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return { token: null, email: null };
    const parsed = JSON.parse(raw) as Partial<AdminState> & { expiresAt?: number };
    if (typeof parsed.token !== 'string') return { token: null, email: null };
    if (typeof parsed.expiresAt === 'number' && parsed.expiresAt < Date.now()) {
      sessionStorage.removeItem(STORAGE_KEY);
      return { token: null, email: null };
    }
    return { token: parsed.token, email: typeof parsed.email === 'string' ? parsed.email : null };
  } catch {
    return { token: null, email: null };
  }
}

let state: AdminState = load();
const listeners = new Set<() => void>();

export const adminSessionStore = {
  getSnapshot: (): AdminState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getToken: (): string | null => state.token,
  set(token: string, email: string, expiresIn: number): void {
    state = { token, email };
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token, email, expiresAt: Date.now() + expiresIn * 1000 }));
    } catch {
      // Private mode or storage disabled: the session lasts for this page only.
    }
    for (const l of listeners) l();
  },
  clear(): void {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // ignore
    }
    if (state.token === null) return;
    state = { token: null, email: null };
    for (const l of listeners) l();
  },
};

export function useAdminSession(): AdminState {
  return useSyncExternalStore(adminSessionStore.subscribe, adminSessionStore.getSnapshot);
}

/** On a 401 the admin goes back to the login page (the guard reacts to the cleared token). */
export const adminApi: ApiClient = createApiClient({
  getToken: adminSessionStore.getToken,
  onUnauthorized: () => adminSessionStore.clear(),
});
