import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/session';
import type { InvitationView, ListResponse, UserView } from '@/lib/types';

// Queries of the team domain (GET /api/team/members, /api/team/invitations).
export const membersQueryKey = ['team', 'members'] as const;
export const invitationsQueryKey = ['team', 'invitations'] as const;

export function useMembers(enabled = true) {
  return useQuery({
    queryKey: membersQueryKey,
    queryFn: ({ signal }) => api.get<ListResponse<UserView>>('/api/team/members', { signal }),
    enabled,
  });
}

export function useInvitations(enabled = true) {
  return useQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => api.get<ListResponse<InvitationView>>('/api/team/invitations', { signal }),
    enabled,
  });
}
