import { lazy, Suspense, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError, publicApi } from '@/lib/api-client';
import { applyBranding, guessRootUrl } from '@/lib/branding';
import { FullPageSkeleton } from '@/components/states';
import { AppContextProvider } from './app-context';
import { ContextErrorPage, SuspendedWorkspacePage, UnknownWorkspacePage } from './status-pages';

// Each realm is its own chunk: a visitor never downloads the admin console, and vice versa.
const RootApp = lazy(() => import('@/realms/root/root-app'));
const WorkspaceApp = lazy(() => import('@/realms/workspace/workspace-app'));
const AdminApp = lazy(() => import('@/realms/admin/admin-app'));

export const contextQueryKey = ['context'] as const;

/** GET /api/context decides which of the three apps this host runs. */
export function RealmGate() {
  const context = useQuery({
    queryKey: contextQueryKey,
    queryFn: ({ signal }) => publicApi.call('GET /api/context', { signal }),
    staleTime: Infinity,
  });

  const data = context.data;
  useEffect(() => {
    if (!data) return;
    applyBranding(data.workspace?.branding);
    if (data.realm === 'workspace' && data.workspace) document.title = data.workspace.name;
    else if (data.realm === 'admin') document.title = 'InstaGrowth OS · Admin';
    else document.title = 'InstaGrowth OS: Instagram growth for agencies and creators';
  }, [data]);

  if (context.isPending) return <FullPageSkeleton />;

  if (context.isError) {
    const error = context.error;
    if (error instanceof ApiError && (error.code === 'unknown_workspace' || error.status === 404)) {
      return <UnknownWorkspacePage rootUrl={guessRootUrl()} />;
    }
    if (error instanceof ApiError && (error.code === 'workspace_suspended' || error.status === 403)) {
      return <SuspendedWorkspacePage rootUrl={guessRootUrl()} message={error.message} />;
    }
    return <ContextErrorPage error={error} onRetry={() => void context.refetch()} />;
  }

  const ctx = context.data;
  return (
    <AppContextProvider value={ctx}>
      <Suspense fallback={<FullPageSkeleton />}>
        {ctx.realm === 'admin' ? <AdminApp /> : ctx.realm === 'workspace' ? <WorkspaceApp /> : <RootApp />}
      </Suspense>
    </AppContextProvider>
  );
}
