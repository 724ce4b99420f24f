import { useCallback, useEffect, useState } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { SessionView } from '@instagrowth/contracts';
import { api, refreshSession, sessionStore, useSessionState } from '@/lib/session';
import type { MeResponse } from '@/lib/types';

export const meQueryKey = ['me'] as const;

let bootstrapped = false;
let bootstrap: Promise<boolean> | null = null;

/**
 * On first load, a silent POST /api/auth/refresh restores the session from the httpOnly cookie.
 * Returns false until that first attempt has settled.
 */
export function useSessionBootstrap(): boolean {
  const [ready, setReady] = useState(bootstrapped);
  useEffect(() => {
    if (bootstrapped) return;
    let alive = true;
    bootstrap ??= refreshSession().finally(() => {
      bootstrapped = true;
    });
    void bootstrap.finally(() => {
      if (alive) setReady(true);
    });
    return () => {
      alive = false;
    };
  }, []);
  return ready;
}

/** Drops everything cached for the previous user, keeping only the host's app context. */
export function clearUserCache(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'context' });
}

/** Starts a session from a login / accept-invitation response. */
export function useStartSession(): (session: SessionView) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (session: SessionView) => {
      clearUserCache(queryClient);
      // A fresh session needs no silent refresh on the next guarded page.
      bootstrapped = true;
      sessionStore.set(session);
    },
    [queryClient],
  );
}

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api.call('POST /api/auth/logout');
    } catch {
      // Whatever the server says, this browser forgets the session.
    }
    sessionStore.clear('logout');
    clearUserCache(queryClient);
    navigate('/login', { replace: true });
  }, [navigate, queryClient]);
}

export function useMe() {
  const { token } = useSessionState();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.call('GET /api/auth/me', { signal }),
    enabled: token !== null,
    staleTime: 60_000,
  });
}

/** The signed-in user's data; only valid under <RequireAuth>. */
export function useCurrentMe(): MeResponse {
  const me = useMe();
  if (!me.data) throw new Error('useCurrentMe used outside <RequireAuth>');
  return me.data;
}
