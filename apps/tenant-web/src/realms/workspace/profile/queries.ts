import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { publicApi } from '@/lib/api-client';
import { api } from '@/lib/session';
import type { MeResponse } from '@/lib/types';
import { meQueryKey } from '../session';

// Queries of the profile part of the auth domain: PATCH /api/auth/profile, POST change-password,
// change-email, confirm-email-change, GET/DELETE sessions, POST sessions/revoke-others.
export const sessionsQueryKey = ['auth', 'sessions'] as const;

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: { name: string }) => api.call('PATCH /api/auth/profile', { body: values }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<MeResponse>(meQueryKey, (old) => (old ? { ...old, user: { ...old.user, ...user } } : old));
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) => api.call('POST /api/auth/change-password', { body: values }),
    // The API ends every other session: the list changes.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useChangeEmail() {
  return useMutation({
    mutationFn: (values: { password: string; email: string }) => api.call('POST /api/auth/change-email', { body: values }),
  });
}

/** Confirmation links work once: one request per token per page load, even under StrictMode. */
const confirmations = new Map<string, Promise<void>>();
export function confirmEmailChangeOnce(token: string): Promise<void> {
  let attempt = confirmations.get(token);
  if (!attempt) {
    attempt = publicApi.call('POST /api/auth/confirm-email-change', { body: { token } }).then(() => undefined);
    confirmations.set(token, attempt);
  }
  return attempt;
}

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => api.call('GET /api/auth/sessions', { signal }),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call('DELETE /api/auth/sessions/:id', { params: { id } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('POST /api/auth/sessions/revoke-others'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
