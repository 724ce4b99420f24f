import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/session';

export const domainsQueryKey = ['domains'] as const;

export function useDomains() {
  return useQuery({ queryKey: domainsQueryKey, queryFn: ({ signal }) => api.call('GET /api/domains', { signal }) });
}

export function useDomainMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: domainsQueryKey });
  return {
    add: useMutation({ mutationFn: (hostname: string) => api.call('POST /api/domains', { body: { hostname } }), onSuccess: refresh }),
    verify: useMutation({ mutationFn: (id: string) => api.call('POST /api/domains/:id/verify', { params: { id } }), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => api.call('DELETE /api/domains/:id', { params: { id } }), onSuccess: refresh }),
  };
}
