import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSessionState } from '@/lib/session';
import { FullPageSkeleton, ErrorState } from '@/components/states';
import { AbilityProvider } from './ability';
import { useMe, useSessionBootstrap } from './session';

/** Gate for the authenticated shell: restore the session, load /me, provide the ability. */
export function RequireAuth() {
  const ready = useSessionBootstrap();
  const { token, endedBy } = useSessionState();
  const location = useLocation();
  const me = useMe();

  if (!ready) return <FullPageSkeleton />;
  if (!token) {
    const here = location.pathname + location.search;
    // After "Log out" the next person starts from the dashboard, not from where the last one was.
    const next = here === '/' || endedBy === 'logout' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (me.isPending) return <FullPageSkeleton />;
  if (me.isError) {
    return (
      <main className="flex min-h-dvh items-center justify-center">
        <ErrorState error={me.error} title="We could not load your workspace" onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <AbilityProvider rules={me.data.rules}>
      <Outlet />
    </AbilityProvider>
  );
}

/** Public auth pages redirect away when a session already exists. */
export function useIsSignedIn(): { ready: boolean; signedIn: boolean } {
  const ready = useSessionBootstrap();
  const { token } = useSessionState();
  return { ready, signedIn: token !== null };
}
