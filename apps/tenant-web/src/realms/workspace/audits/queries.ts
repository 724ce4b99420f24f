import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouteResponse } from '@instagrowth/contracts';
import { api, sessionStore } from '@/lib/session';

export type AuditView = RouteResponse<'GET /api/audits/:id'>;
export type AuditHistory = RouteResponse<'GET /api/accounts/:id/audits'>;
export type ShareLink = RouteResponse<'GET /api/audits/:id/share-links'>['data'][number];
export type DashboardRow = RouteResponse<'GET /api/dashboard'>['data'][number];

export const auditKeys = {
  audit: (id: string) => ['audits', id] as const,
  history: (accountId: string) => ['audits', 'history', accountId] as const,
  links: (id: string) => ['audits', id, 'links'] as const,
  ticks: (id: string) => ['audits', id, 'roadmap-ticks'] as const,
  timeZone: (accountId: string) => ['accounts', accountId, 'time-zone'] as const,
  dashboard: ['dashboard'] as const,
};

const running = (a: AuditView | undefined) => a?.status === 'queued' || a?.status === 'running';

/** One audit; polled every second while it runs (progress bar). */
export function useAudit(id: string) {
  return useQuery({
    queryKey: auditKeys.audit(id),
    queryFn: ({ signal }) => api.call('GET /api/audits/:id', { params: { id }, signal }),
    refetchInterval: (q) => (running(q.state.data) ? 1000 : false),
  });
}

export function useAuditHistory(accountId: string) {
  return useQuery({
    queryKey: auditKeys.history(accountId),
    queryFn: ({ signal }) => api.call('GET /api/accounts/:id/audits', { params: { id: accountId }, signal }),
    refetchInterval: (q) => (q.state.data?.data.some((a) => a.status === 'queued' || a.status === 'running') ? 2000 : false),
  });
}

export function useRunAudit(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('POST /api/accounts/:id/audits', { params: { id: accountId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKeys.history(accountId) }),
  });
}

export function useShareLinks(auditId: string, enabled: boolean) {
  return useQuery({
    queryKey: auditKeys.links(auditId),
    queryFn: ({ signal }) => api.call('GET /api/audits/:id/share-links', { params: { id: auditId }, signal }),
    enabled,
  });
}

export function useCreateShareLink(auditId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (expiresInDays: number) => api.call('POST /api/audits/:id/share-links', { params: { id: auditId }, body: { expiresInDays } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKeys.links(auditId) }),
  });
}

export function useRevokeShareLink(auditId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call('DELETE /api/share-links/:id', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKeys.links(auditId) }),
  });
}

export function useAccountTimeZone(accountId: string) {
  return useQuery({
    queryKey: auditKeys.timeZone(accountId),
    queryFn: ({ signal }) => api.call('GET /api/accounts/:id/time-zone', { params: { id: accountId }, signal }),
  });
}

export function useSetAccountTimeZone(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (timeZone: string) => api.call('PUT /api/accounts/:id/time-zone', { params: { id: accountId }, body: { timeZone } }),
    onSuccess: (data) => qc.setQueryData(auditKeys.timeZone(accountId), data),
  });
}

export function useDashboard() {
  return useQuery({ queryKey: auditKeys.dashboard, queryFn: ({ signal }) => api.call('GET /api/dashboard', { signal }) });
}

/** The PDF is behind the bearer token, so it is fetched and handed to the browser as a blob download. */
export async function downloadAuditPdf(auditId: string, filename: string): Promise<void> {
  const res = await fetch(`/api/audits/${auditId}/pdf`, { headers: { authorization: `Bearer ${sessionStore.getToken() ?? ''}` } });
  if (!res.ok) throw new Error(res.status === 409 ? 'This audit has not finished yet.' : 'The PDF could not be made. Try again.');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Roadmap days ticked off, stored per audit on the server (every member and device sees the same). */
export function useRoadmapTicks(auditId: string) {
  return useQuery({
    queryKey: auditKeys.ticks(auditId),
    queryFn: ({ signal }) => api.call('GET /api/audits/:id/roadmap-ticks', { params: { id: auditId }, signal }),
  });
}

export function useSetRoadmapTick(auditId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { day: number; done: boolean }) => api.call('PUT /api/audits/:id/roadmap-ticks', { params: { id: auditId }, body }),
    onSuccess: (ticks) => qc.setQueryData(auditKeys.ticks(auditId), ticks),
  });
}
