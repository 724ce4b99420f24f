import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/session';

export const plannerKeys = {
  list: (accountId?: string) => ['plans', 'list', accountId ?? 'all'] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
};

export function usePlans(accountId: string | undefined) {
  return useQuery({
    queryKey: plannerKeys.list(accountId),
    queryFn: ({ signal }) => api.call('GET /api/growth-plans', { query: accountId ? { accountId } : {}, signal }),
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: plannerKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.call('GET /api/growth-plans/:id', { params: { id: id! }, signal }),
    enabled: Boolean(id),
  });
}

export function useCreatePlan(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (days: 7 | 14 | 30) => api.call('POST /api/accounts/:id/growth-plans', { params: { id: accountId }, body: { days } }),
    onSuccess: (plan) => {
      qc.setQueryData(plannerKeys.detail(plan.id), plan);
      return qc.invalidateQueries({ queryKey: ['plans', 'list'] });
    },
  });
}

export function useUpdateTask(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, ...body }: { taskId: string; done?: boolean; day?: number }) => api.call('PATCH /api/growth-plans/:id/tasks/:taskId', { params: { id: planId, taskId }, body }),
    onSuccess: (plan) => qc.setQueryData(plannerKeys.detail(plan.id), plan),
  });
}

export function useRegenerateDay(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (day: number) => api.call('POST /api/growth-plans/:id/regenerate-day', { params: { id: planId }, body: { day } }),
    onSuccess: (plan) => qc.setQueryData(plannerKeys.detail(plan.id), plan),
  });
}

/** A share link to the plan as a branded page (`/r/<token>`, no login). */
export function useSharePlan(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('POST /api/growth-plans/:id/share-links', { params: { id: planId }, body: { expiresInDays: 30 } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['plans', 'share-links', planId] }),
  });
}

export function usePlanShareLinks(planId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['plans', 'share-links', planId],
    queryFn: ({ signal }) => api.call('GET /api/growth-plans/:id/share-links', { params: { id: planId }, signal }),
    enabled,
  });
}

export function useRevokePlanShareLink(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call('DELETE /api/plan-share-links/:id', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['plans', 'share-links', planId] }),
  });
}
