import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/session';

// Queries of the team domain (GET /api/team/members, /api/team/invitations).
export const membersQueryKey = ['team', 'members'] as const;
export const invitationsQueryKey = ['team', 'invitations'] as const;

export function useMembers(enabled = true) {
  return useQuery({
    queryKey: membersQueryKey,
    queryFn: ({ signal }) => api.call('GET /api/team/members', { signal }),
    enabled,
  });
}

export function useInvitations(enabled = true) {
  return useQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => api.call('GET /api/team/invitations', { signal }),
    enabled,
  });
}
