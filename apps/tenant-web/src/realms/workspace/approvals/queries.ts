import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalSubject, RouteQuery } from '@instagrowth/contracts';
import { api } from '@/lib/session';
import { contentKeys } from '../content/queries';

type ListQuery = RouteQuery<'GET /api/approvals'>;

export const approvalKeys = {
  all: ['approvals'] as const,
  list: (query: ListQuery) => ['approvals', 'list', query] as const,
  one: (id: string) => ['approvals', 'one', id] as const,
};

export function useApprovals(query: ListQuery, enabled = true) {
  return useQuery({
    queryKey: approvalKeys.list(query),
    queryFn: ({ signal }) => api.call('GET /api/approvals', { query, signal }),
    enabled,
  });
}

export function useApproval(id: string) {
  return useQuery({ queryKey: approvalKeys.one(id), queryFn: ({ signal }) => api.call('GET /api/approvals/:id', { params: { id }, signal }) });
}

/** Every change refreshes the approvals and the library (approval moves a content item's status). */
function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: approvalKeys.all }), qc.invalidateQueries({ queryKey: contentKeys.libraryAll })]);
}

export function useSendForApproval() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { subjectType: ApprovalSubject; subjectId: string; note?: string }) => api.call('POST /api/approvals', { body }),
    onSuccess: refresh,
  });
}

export function useDecide(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { decision: 'approved' | 'changes_requested'; comment?: string }) => api.call('POST /api/approvals/:id/decision', { params: { id }, body }),
    onSuccess: refresh,
  });
}

export function useComment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (comment: string) => api.call('POST /api/approvals/:id/comments', { params: { id }, body: { comment } }),
    onSuccess: refresh,
  });
}

export function useWithdraw(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => api.call('POST /api/approvals/:id/withdraw', { params: { id } }), onSuccess: refresh });
}
