import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BadgeCheck, Clock, MailPlus, ShieldAlert, Trash2, Users, XIcon } from 'lucide-react';
import { assignableRoles, subject } from '@instagrowth/authz';
import type { Role } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toaster';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyState, ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { api } from '@/lib/session';
import type { InvitationView, ListResponse, UserView } from '@/lib/types';
import { formatDate, formatRelative, initials } from '@/lib/utils';
import { Can, useAbility } from './ability';
import { InviteDialog, ROLE_LABELS } from './invite-dialog';
import { meQueryKey, useCurrentMe } from './session';
import { invitationsQueryKey, membersQueryKey } from './team-queries';

/**
 * CASL instance for per-member checks. A copy, because subject() tags the object it is given; typed
 * as a plain record because AppAbility's subject union does not accept interface types (UserView).
 */
function memberSubject(member: UserView) {
  return subject('Member', { ...member } as Record<string, unknown>);
}

function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

interface TeamError {
  title: string;
  error: unknown;
}

function MemberRoleCell({
  member,
  canUpdate,
  options,
  onChange,
  pending,
}: {
  member: UserView;
  canUpdate: boolean;
  options: Role[];
  onChange: (role: Role) => void;
  pending: boolean;
}) {
  if (!canUpdate || options.length === 0) {
    return (
      <Badge variant={member.role === 'owner' ? 'brand' : 'secondary'} data-testid="member-role">
        {roleLabel(member.role)}
      </Badge>
    );
  }
  const choices = options.includes(member.role) ? options : [member.role, ...options];
  return (
    <Select value={member.role} onValueChange={(v) => v !== member.role && onChange(v as Role)} disabled={pending}>
      <SelectTrigger size="sm" className="w-32" aria-label={`Access level for ${member.name}`} data-testid="member-role-select">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {choices.map((role) => (
          <SelectItem key={role} value={role} disabled={!options.includes(role)}>
            {roleLabel(role)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

function MembersCard({ onError }: { onError: (e: TeamError | null) => void }) {
  const { user: me } = useCurrentMe();
  const ability = useAbility();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<UserView | null>(null);
  const options = assignableRoles(me.role);

  const members = useQuery({
    queryKey: membersQueryKey,
    queryFn: ({ signal }) => api.get<ListResponse<UserView>>('/api/team/members', { signal }),
  });

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: UserView; role: Role }) => api.patch<UserView>(`/api/team/members/${encodeURIComponent(member.id)}`, { role }),
    onSuccess: (updated) => {
      onError(null);
      queryClient.setQueryData<ListResponse<UserView>>(membersQueryKey, (old) =>
        old ? { data: old.data.map((m) => (m.id === updated.id ? updated : m)) } : old,
      );
      if (updated.id === me.id) void queryClient.invalidateQueries({ queryKey: meQueryKey });
      toast({ variant: 'success', title: 'Role updated', description: `${updated.name} is now ${roleLabel(updated.role).toLowerCase() === 'admin' ? 'an' : 'a'} ${roleLabel(updated.role)}.` });
    },
    onError: (error, { member }) => {
      onError({ title: `Could not change ${member.name}’s role`, error });
      void queryClient.invalidateQueries({ queryKey: membersQueryKey });
    },
  });

  const remove = useMutation({
    mutationFn: (member: UserView) => api.delete(`/api/team/members/${encodeURIComponent(member.id)}`),
    onSuccess: (_, member) => {
      onError(null);
      queryClient.setQueryData<ListResponse<UserView>>(membersQueryKey, (old) => (old ? { data: old.data.filter((m) => m.id !== member.id) } : old));
      setRemoving(null);
      toast({ variant: 'success', title: 'Member removed', description: `${member.name} no longer has access to this workspace.` });
    },
  });

  return (
    <Card className="gap-0 pb-0">
      <CardHeader className="pb-4">
        <CardTitle>Members</CardTitle>
        <CardDescription>
          {members.data ? `${members.data.data.length} ${members.data.data.length === 1 ? 'person has' : 'people have'} access to this workspace.` : 'People with access to this workspace.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="border-t border-zinc-100 px-0">
        {members.isPending ? (
          <TableSkeleton rows={3} columns={5} />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.data.length === 0 ? (
          <EmptyState icon={Users} title="No members yet" description="Invite your team to start collaborating." />
        ) : (
          <Table aria-label="Members">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead>Role</TableHead>
                <TableHead className="hidden md:table-cell">Email status</TableHead>
                <TableHead className="hidden md:table-cell">Joined</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.data.data.map((member) => {
                const instance = memberSubject(member);
                const isMe = member.id === me.id;
                const canUpdate = ability.can('update', instance);
                const canDelete = !isMe && ability.can('delete', instance);
                return (
                  <TableRow key={member.id} data-testid="member-row">
                    <TableCell>
                      <div className="flex items-center gap-3">
                        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand/10 text-xs font-semibold text-brand-ink">
                          {initials(member.name)}
                        </span>
                        <div className="min-w-0">
                          <p className="flex items-center gap-2 font-medium text-zinc-900">
                            {member.name}
                            {isMe ? <Badge variant="outline">You</Badge> : null}
                          </p>
                          <p className="truncate text-zinc-500">{member.email}</p>
                        </div>
                      </div>
                    </TableCell>
                    <TableCell>
                      <MemberRoleCell
                        member={member}
                        canUpdate={canUpdate}
                        options={options}
                        pending={changeRole.isPending && changeRole.variables?.member.id === member.id}
                        onChange={(role) => changeRole.mutate({ member, role })}
                      />
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      {member.emailVerified ? (
                        <Badge variant="success">
                          <BadgeCheck /> Verified
                        </Badge>
                      ) : (
                        <Badge variant="warning">
                          <Clock /> Unverified
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell className="hidden text-zinc-500 md:table-cell">{formatDate(member.createdAt)}</TableCell>
                    <TableCell className="text-right">
                      {canDelete ? (
                        <Button
                          variant="ghost"
                          size="icon"
                          className="text-zinc-500 hover:bg-red-50 hover:text-red-600"
                          onClick={() => {
                            remove.reset();
                            setRemoving(member);
                          }}
                          aria-label={`Remove ${member.name}`}
                        >
                          <Trash2 />
                        </Button>
                      ) : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing?.name ?? 'member'}?`}
        description={
          <>
            <strong>{removing?.email}</strong> will lose access to this workspace immediately. You can invite them again later.
          </>
        }
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
      />
    </Card>
  );
}

function InvitationsCard({ myRole, onError }: { myRole: Role; onError: (e: TeamError | null) => void }) {
  const queryClient = useQueryClient();
  const ability = useAbility();
  const invitations = useQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => api.get<ListResponse<InvitationView>>('/api/team/invitations', { signal }),
  });

  const revoke = useMutation({
    mutationFn: (invitation: InvitationView) => api.delete(`/api/team/invitations/${encodeURIComponent(invitation.id)}`),
    onSuccess: (_, invitation) => {
      onError(null);
      queryClient.setQueryData<ListResponse<InvitationView>>(invitationsQueryKey, (old) =>
        old ? { data: old.data.filter((i) => i.id !== invitation.id) } : old,
      );
      toast({ title: 'Invitation revoked', description: `The link sent to ${invitation.email} no longer works.` });
    },
    onError: (error, invitation) => onError({ title: `Could not revoke the invitation for ${invitation.email}`, error }),
  });

  const canInvite = ability.can('invite', 'Member');
  const now = Date.now();

  return (
    <Card className="gap-0 pb-0">
      <CardHeader className="pb-4">
        <CardTitle>Pending invitations</CardTitle>
        <CardDescription>Invitations that have not been accepted yet.</CardDescription>
      </CardHeader>
      <CardContent className="border-t border-zinc-100 px-0">
        {invitations.isPending ? (
          <TableSkeleton rows={2} columns={4} />
        ) : invitations.isError ? (
          <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : invitations.data.data.length === 0 ? (
          <EmptyState
            icon={MailPlus}
            title="No pending invitations"
            description="Invite admins and managers to work with you, or give a client read-only access to their own accounts. Invitations you send appear here until they are accepted."
            action={
              canInvite ? (
                <InviteDialog
                  myRole={myRole}
                  trigger={
                    <Button variant="outline">
                      <MailPlus /> Invite someone
                    </Button>
                  }
                />
              ) : undefined
            }
          />
        ) : (
          <Table aria-label="Pending invitations">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead className="hidden sm:table-cell">Sent</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead className="w-24">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.data.data.map((invitation) => {
                const expired = new Date(invitation.expiresAt).getTime() < now;
                return (
                  <TableRow key={invitation.id} data-testid="invitation-row">
                    <TableCell className="font-medium text-zinc-900">{invitation.email}</TableCell>
                    <TableCell>
                      <Badge variant="secondary">{roleLabel(invitation.role)}</Badge>
                    </TableCell>
                    <TableCell className="hidden text-zinc-500 sm:table-cell">{formatRelative(invitation.createdAt)}</TableCell>
                    <TableCell>
                      {expired ? <Badge variant="destructive">Expired</Badge> : <span className="text-zinc-500">{formatRelative(invitation.expiresAt)}</span>}
                    </TableCell>
                    <TableCell className="text-right">
                      <Can I="delete" a="Invitation">
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-zinc-500 hover:bg-red-50 hover:text-red-600"
                          loading={revoke.isPending && revoke.variables?.id === invitation.id}
                          onClick={() => revoke.mutate(invitation)}
                          aria-label={`Revoke invitation for ${invitation.email}`}
                        >
                          <XIcon /> Revoke
                        </Button>
                      </Can>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

export function TeamPage() {
  const { user } = useCurrentMe();
  const ability = useAbility();
  const [teamError, setTeamError] = useState<TeamError | null>(null);

  if (!ability.can('read', 'Member')) {
    return (
      <EmptyState
        icon={ShieldAlert}
        title="You do not have access to the team"
        description="Only workspace owners, admins and managers can see the team. Ask an owner if you need access."
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Team"
        description="Who can access this workspace, and what each person can do."
        actions={
          <Can I="invite" a="Member">
            <InviteDialog myRole={user.role} />
          </Can>
        }
      />
      <div className="grid gap-6">
        {teamError ? (
          <div className="relative">
            <ApiErrorAlert error={teamError.error} title={teamError.title} />
            <button
              type="button"
              onClick={() => setTeamError(null)}
              className="absolute top-2.5 right-2.5 rounded-md p-1 text-red-700/70 hover:bg-red-100"
            >
              <XIcon className="size-4" aria-hidden="true" />
              <span className="sr-only">Dismiss</span>
            </button>
          </div>
        ) : null}
        <MembersCard onError={setTeamError} />
        {ability.can('read', 'Invitation') ? <InvitationsCard myRole={user.role} onError={setTeamError} /> : null}
      </div>
    </>
  );
}

