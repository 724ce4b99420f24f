import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailCategoryKey } from '@instagrowth/contracts';
import { publicApi } from '@/lib/api-client';
import { api } from '@/lib/session';

export const mailLogKey = ['mail', 'log'] as const;
export const mailPreferencesKey = ['mail', 'preferences'] as const;
export const sendingDomainKey = ['mail', 'domain'] as const;

export function useMailLog() {
  return useQuery({ queryKey: mailLogKey, queryFn: ({ signal }) => api.call('GET /api/mail/log', { signal }), refetchInterval: 15_000 });
}

export function useMailPreferences() {
  return useQuery({ queryKey: mailPreferencesKey, queryFn: ({ signal }) => api.call('GET /api/mail/preferences', { signal }) });
}

export function useUpdateMailPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (categories: Partial<Record<MailCategoryKey, boolean>>) => api.call('PUT /api/mail/preferences', { body: { categories } }),
    onSuccess: (data) => client.setQueryData(mailPreferencesKey, data),
  });
}

export function useSendingDomain() {
  return useQuery({ queryKey: sendingDomainKey, queryFn: ({ signal }) => api.call('GET /api/mail/domain', { signal }) });
}

export function useSendingDomainMutations() {
  const client = useQueryClient();
  const set = (data: unknown) => client.setQueryData(sendingDomainKey, data);
  return {
    create: useMutation({ mutationFn: (domain: string) => api.call('POST /api/mail/domain', { body: { domain } }), onSuccess: set }),
    verify: useMutation({ mutationFn: () => api.call('POST /api/mail/domain/verify'), onSuccess: set }),
    remove: useMutation({ mutationFn: () => api.call('DELETE /api/mail/domain'), onSuccess: set }),
  };
}

/** The unsubscribe page works without a session: the signed token is the only credential. */
export function useUnsubscribeInfo(token: string) {
  return useQuery({ queryKey: ['mail', 'unsubscribe', token], queryFn: ({ signal }) => publicApi.call('GET /api/mail/unsubscribe', { query: { token }, signal }), enabled: token.length > 0, retry: false });
}

export function useUnsubscribe(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => publicApi.call('POST /api/mail/unsubscribe', { query: { token } }),
    onSuccess: (data) => client.setQueryData(['mail', 'unsubscribe', token], data),
  });
}
