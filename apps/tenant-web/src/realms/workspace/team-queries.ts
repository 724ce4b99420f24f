export const membersQueryKey = ['team', 'members'] as const;
export const invitationsQueryKey = ['team', 'invitations'] as const;
