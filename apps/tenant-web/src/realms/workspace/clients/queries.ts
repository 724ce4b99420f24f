import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/session';

export const clientsQueryKey = ['clients'] as const;

export function useClients() {
  return useQuery({ queryKey: clientsQueryKey, queryFn: ({ signal }) => api.call('GET /api/clients', { signal }) });
}

/** What a client can be given: the workspace's accounts and its managers and client users. */
export function useClientOptions() {
  const accounts = useQuery({ queryKey: ['accounts', 'list'], queryFn: ({ signal }) => api.call('GET /api/accounts', { signal }) });
  const members = useQuery({ queryKey: ['team', 'members'], queryFn: ({ signal }) => api.call('GET /api/team/members', { signal }) });
  return { accounts, members };
}

export function useClientMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: clientsQueryKey });
  return {
    create: useMutation({ mutationFn: (body: { name: string; contacts: { name: string; email?: string | null }[] }) => api.call('POST /api/clients', { body }), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => api.call('DELETE /api/clients/:id', { params: { id } }), onSuccess: refresh }),
    setAccounts: useMutation({ mutationFn: ({ id, ids }: { id: string; ids: string[] }) => api.call('PUT /api/clients/:id/accounts', { params: { id }, body: { ids } }), onSuccess: refresh }),
    setMembers: useMutation({ mutationFn: ({ id, ids }: { id: string; ids: string[] }) => api.call('PUT /api/clients/:id/members', { params: { id }, body: { ids } }), onSuccess: refresh }),
  };
}
