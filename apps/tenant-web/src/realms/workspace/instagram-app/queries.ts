import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstagramAppInput, InstagramAppView } from '@instagrowth/contracts';
import { api } from '@/lib/session';

export const instagramAppQueryKey = ['instagram-app'] as const;

export function useInstagramApp() {
  return useQuery({ queryKey: instagramAppQueryKey, queryFn: ({ signal }) => api.call('GET /api/instagram-app', { signal }) });
}

export function useInstagramAppMutations() {
  const client = useQueryClient();
  const store = (view: InstagramAppView) => client.setQueryData(instagramAppQueryKey, view);
  return {
    save: useMutation({ mutationFn: (body: InstagramAppInput) => api.call('PUT /api/instagram-app', { body }), onSuccess: store }),
    remove: useMutation({ mutationFn: () => api.call('DELETE /api/instagram-app'), onSuccess: store }),
  };
}
