import { useEffect, useRef, useSyncExternalStore } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { subject } from '@instagrowth/authz';
import { toast } from '@/components/ui/toaster';
import { errorMessage } from '@/components/api-error-alert';
import { ApiError } from '@/lib/api-client';
import { api } from '@/lib/session';
import { meQueryKey } from '../session';
import { membersQueryKey } from '../team/queries';
import type {
  AccountDetail,
  AccountListResponse,
  AccountSummary,
  ManualAccountInput,
  MetricsInput,
  SyncRun,
} from './types';

export const accountKeys = {
  all: ['accounts'] as const,
  list: ['accounts', 'list'] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
  media: (id: string) => ['accounts', 'detail', id, 'media'] as const,
  mediaPage: (id: string, offset: number, limit: number) => ['accounts', 'detail', id, 'media', 'page', offset, limit] as const,
  sync: (id: string) => ['accounts', 'sync', id] as const,
  assignments: (id: string) => ['accounts', 'assignments', id] as const,
};

/** CASL instance for per-account checks (managers and clients only see their assigned accounts). */
export function accountSubject(account: Pick<AccountSummary, 'id'>) {
  return subject('InstagramAccount', { ...account } as Record<string, unknown>);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function useAccounts(enabled = true) {
  return useQuery({
    queryKey: accountKeys.list,
    queryFn: ({ signal }) => api.call('GET /api/accounts', { signal }),
    enabled,
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => api.call('GET /api/accounts/:id', { params: { id }, signal }),
  });
}

export function useAccountMedia(id: string, enabled = true) {
  return useQuery({
    queryKey: accountKeys.media(id),
    queryFn: ({ signal }) => api.call('GET /api/accounts/:id/media', { params: { id }, query: { limit: 60 }, signal }),
    enabled,
  });
}

/** One page of posts, newest first (GET /api/accounts/:id/media?limit=&offset=); the previous page stays on screen while the next loads. */
export function useAccountMediaPage(id: string, offset: number, limit: number) {
  return useQuery({
    queryKey: accountKeys.mediaPage(id, offset, limit),
    queryFn: ({ signal }) => api.call('GET /api/accounts/:id/media', { params: { id }, query: { limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Writes a fresh AccountSummary into the list and detail caches. */
function putAccount(queryClient: QueryClient, account: AccountSummary): void {
  queryClient.setQueryData<AccountListResponse>(accountKeys.list, (old) =>
    old ? { ...old, data: old.data.map((a) => (a.id === account.id ? { ...a, ...account } : a)) } : old,
  );
  queryClient.setQueryData<AccountDetail>(accountKeys.detail(account.id), (old) => (old ? { ...old, ...account } : old));
}

function patchStatus(queryClient: QueryClient, id: string, status: AccountSummary['status']): void {
  queryClient.setQueryData<AccountListResponse>(accountKeys.list, (old) =>
    old ? { ...old, data: old.data.map((a) => (a.id === id ? { ...a, status } : a)) } : old,
  );
  queryClient.setQueryData<AccountDetail>(accountKeys.detail(id), (old) => (old ? { ...old, status } : old));
}

/** GET /api/instagram/auth/url, then off to Instagram. Pass an account id to reconnect it. */
export function useConnectInstagram() {
  const mutation = useMutation({
    mutationFn: async (accountId?: string) => {
      const { url } = await api.call('GET /api/instagram/auth/url', { query: { accountId } });
      window.location.assign(url);
      return url;
    },
  });
  const { reset } = mutation;
  // Coming back with the browser's Back button restores this page from the bfcache: re-enable it.
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) reset();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [reset]);
  return mutation;
}

export function useCreateManualAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ManualAccountInput) => api.call('POST /api/accounts/manual', { body: input }),
    onSuccess: (account) => {
      queryClient.setQueryData<AccountListResponse>(accountKeys.list, (old) =>
        old
          ? { data: [...old.data.filter((a) => a.id !== account.id), account], limit: { ...old.limit, used: old.limit.used + 1 } }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: accountKeys.list });
      // Managers see an account through their assignments, which live in the /me rules.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useDisconnectAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: AccountSummary) => api.call('DELETE /api/accounts/:id', { params: { id: account.id } }),
    onSuccess: (_, account) => {
      queryClient.setQueryData<AccountListResponse>(accountKeys.list, (old) =>
        old ? { data: old.data.filter((a) => a.id !== account.id), limit: { ...old.limit, used: Math.max(0, old.limit.used - 1) } } : old,
      );
      queryClient.removeQueries({ queryKey: accountKeys.detail(account.id) });
      queryClient.removeQueries({ queryKey: accountKeys.sync(account.id) });
      void queryClient.invalidateQueries({ queryKey: accountKeys.list });
      toast({ variant: 'success', title: 'Account disconnected', description: `@${account.username} was removed from this workspace.` });
    },
  });
}

export function useUpdateMetrics(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MetricsInput) => api.call('PUT /api/accounts/:id/metrics', { params: { id }, body: input }),
    onSuccess: (account) => {
      putAccount(queryClient, account);
      void queryClient.invalidateQueries({ queryKey: accountKeys.detail(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: accountKeys.list });
    },
  });
}

export function useImportPosts(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api.call('POST /api/accounts/:id/posts/import', { params: { id }, body: { csv } }),
    onSuccess: (report) => {
      if (report.imported > 0) void queryClient.invalidateQueries({ queryKey: accountKeys.detail(id) });
    },
  });
}

export function useAssignments(id: string, enabled: boolean) {
  return useQuery({
    queryKey: accountKeys.assignments(id),
    queryFn: ({ signal }) => api.call('GET /api/accounts/:id/assignments', { params: { id }, signal }),
    enabled,
  });
}

export function useTeamMembers(enabled: boolean) {
  return useQuery({
    queryKey: membersQueryKey,
    queryFn: ({ signal }) => api.call('GET /api/team/members', { signal }),
    enabled,
  });
}

export function useSaveAssignments(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => api.call('PUT /api/accounts/:id/assignments', { params: { id }, body: { userIds } }),
    onSuccess: (saved) => queryClient.setQueryData(accountKeys.assignments(id), saved),
  });
}

// ---------------------------------------------------------------------------------------------
// Refresh + sync progress

/** Sync runs this tab started, by account id; shared by the list and the detail page. */
let syncTargets: ReadonlyMap<string, string> = new Map();
const syncListeners = new Set<() => void>();

function setSyncTarget(accountId: string, runId: string | null): void {
  const next = new Map(syncTargets);
  if (runId === null) next.delete(accountId);
  else next.set(accountId, runId);
  syncTargets = next;
  for (const listener of syncListeners) listener();
}

function useSyncTarget(accountId: string): string | null {
  const targets = useSyncExternalStore(
    (listener) => {
      syncListeners.add(listener);
      return () => syncListeners.delete(listener);
    },
    () => syncTargets,
  );
  return targets.get(accountId) ?? null;
}

export const SYNC_POLL_MS = 700;
const MAX_POLL_ERRORS = 8;

function isTerminal(status: SyncRun['status']): boolean {
  return status === 'completed' || status === 'failed';
}

export interface SyncProgress {
  /** A run is queued or running (started here, or the account says it is syncing). */
  active: boolean;
  percent: number;
  step: string;
}

/**
 * "Refresh now": POST …/refresh, then poll GET …/sync every 700 ms until the run completes or
 * fails, then reload the account. Also follows a sync already under way (status "syncing").
 */
export function useAccountSync(account: Pick<AccountSummary, 'id' | 'username' | 'status'>) {
  const queryClient = useQueryClient();
  const { id } = account;
  const target = useSyncTarget(id);
  const watching = target !== null || account.status === 'syncing';
  const sawActive = useRef(false);
  const settled = useRef<string | null>(null);

  const run = useQuery({
    queryKey: accountKeys.sync(id),
    queryFn: ({ signal }) => api.call('GET /api/accounts/:id/sync', { params: { id }, signal }),
    enabled: watching,
    staleTime: 0,
    retry: false,
    refetchInterval: (query) => {
      if (query.state.status === 'error') {
        // 404: this account has never synced. Keep asking only if we just started a run.
        if (target === null && isNotFound(query.state.error)) return false;
        return query.state.errorUpdateCount >= MAX_POLL_ERRORS ? false : SYNC_POLL_MS;
      }
      const data = query.state.data;
      if (data && isTerminal(data.status) && (target === null || data.id === target)) return false;
      return SYNC_POLL_MS;
    },
  });

  const data = run.data;
  const current = data && (target === null || data.id === target) ? data : undefined;

  useEffect(() => {
    if (!watching) return;
    if (run.isError && target !== null && run.errorUpdateCount >= MAX_POLL_ERRORS) {
      setSyncTarget(id, null);
      toast({ variant: 'error', title: 'We lost track of the sync', description: errorMessage(run.error) });
      return;
    }
    if (!current) return;
    if (!isTerminal(current.status)) {
      sawActive.current = true;
      return;
    }
    if (settled.current === current.id) return;
    settled.current = current.id;
    const announce = target !== null || sawActive.current;
    sawActive.current = false;
    if (target !== null) setSyncTarget(id, null);
    void queryClient.invalidateQueries({ queryKey: accountKeys.list });
    void queryClient.invalidateQueries({ queryKey: accountKeys.detail(id) });
    if (!announce) return;
    if (current.status === 'completed') {
      toast({ variant: 'success', title: 'Sync complete', description: `@${account.username} is up to date.` });
    } else {
      toast({ variant: 'error', title: 'Sync failed', description: current.error ?? `We could not sync @${account.username}.` });
    }
  }, [watching, current, target, id, account.username, queryClient, run.isError, run.error, run.errorUpdateCount]);

  const refresh = useMutation({
    mutationFn: () => api.call('POST /api/accounts/:id/refresh', { params: { id } }),
    onSuccess: ({ syncRunId }) => {
      settled.current = null;
      sawActive.current = false;
      setSyncTarget(id, syncRunId);
      patchStatus(queryClient, id, 'syncing');
    },
    onError: (error) => toast({ variant: 'error', title: `Could not refresh @${account.username}`, description: errorMessage(error) }),
  });

  const finished = current !== undefined && isTerminal(current.status);
  const progress: SyncProgress = {
    active: (watching && !finished && !(run.isError && target === null)) || refresh.isPending,
    percent: current && !finished ? Math.min(100, Math.max(0, Math.round(current.percent))) : 0,
    step: current && !finished ? current.step || 'Working…' : refresh.isPending ? 'Starting…' : 'Queued…',
  };
  return { refresh, progress };
}
