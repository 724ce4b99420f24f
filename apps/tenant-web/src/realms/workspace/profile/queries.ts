import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo, UserView } from '@instagrowth/contracts';
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
    mutationFn: (values: { name: string }) => api.patch<{ user: UserView }>('/api/auth/profile', values),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<MeResponse>(meQueryKey, (old) => (old ? { ...old, user: { ...old.user, ...user } } : old));
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) => api.post<void>('/api/auth/change-password', values),
    // The API ends every other session: the list changes.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useChangeEmail() {
  return useMutation({
    mutationFn: (values: { password: string; email: string }) => api.post<{ message: string }>('/api/auth/change-email', values),
  });
}

/** Confirmation links work once: one request per token per page load, even under StrictMode. */
const confirmations = new Map<string, Promise<void>>();
export function confirmEmailChangeOnce(token: string): Promise<void> {
  let attempt = confirmations.get(token);
  if (!attempt) {
    attempt = publicApi.post<void>('/api/auth/confirm-email-change', { token });
    confirmations.set(token, attempt);
  }
  return attempt;
}

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => api.get<{ sessions: SessionInfo[] }>('/api/auth/sessions', { signal }),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/sessions/revoke-others'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
