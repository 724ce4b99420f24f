import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BadgeCheck, Clock, MailPlus, ShieldAlert, Trash2, Users, XIcon } from 'lucide-react';
import { assignableRoles, subject } from '@instagrowth/authz';
import type { Role } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/toaster';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState, PageHeader } from '@/components/states';
import { api } from '@/lib/session';
import type { InvitationView, ListResponse, UserView } from '@/lib/types';
import { formatDate, formatRelative, initials } from '@/lib/utils';
import { Can, useAbility } from '../ability';
import { InviteDialog, ROLE_LABELS } from './invite-dialog';
import { meQueryKey, useCurrentMe } from '../session';
import { invitationsQueryKey, membersQueryKey, useInvitations, useMembers } from './queries';

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

  const members = useMembers();

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: UserView; role: Role }) => api.call('PATCH /api/team/members/:id', { params: { id: member.id }, body: { role } }),
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
    mutationFn: (member: UserView) => api.call('DELETE /api/team/members/:id', { params: { id: member.id } }),
    onSuccess: (_, member) => {
      onError(null);
      queryClient.setQueryData<ListResponse<UserView>>(membersQueryKey, (old) => (old ? { data: old.data.filter((m) => m.id !== member.id) } : old));
      setRemoving(null);
      toast({ variant: 'success', title: 'Member removed', description: `${member.name} no longer has access to this workspace.` });
    },
  });

  const memberColumns: Column<UserView>[] = [
    {
      id: 'name',
      header: 'Name',
      cell: (member) => (
        <div className="flex items-center gap-3">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand/10 text-xs font-semibold text-brand-ink" aria-hidden="true">
            {initials(member.name)}
          </span>
          <div className="min-w-0">
            <p className="flex items-center gap-2 font-medium text-zinc-900">
              {member.name}
              {member.id === me.id ? <Badge variant="outline">You</Badge> : null}
            </p>
            <p className="truncate text-zinc-500">{member.email}</p>
          </div>
        </div>
      ),
    },
    {
      id: 'role',
      header: 'Role',
      cell: (member) => (
        <MemberRoleCell
          member={member}
          canUpdate={ability.can('update', memberSubject(member))}
          options={options}
          pending={changeRole.isPending && changeRole.variables?.member.id === member.id}
          onChange={(role) => changeRole.mutate({ member, role })}
        />
      ),
    },
    {
      id: 'verified',
      header: 'Email status',
      hideBelow: 'md',
      cell: (member) =>
        member.emailVerified ? (
          <Badge variant="success">
            <BadgeCheck /> Verified
          </Badge>
        ) : (
          <Badge variant="warning">
            <Clock /> Unverified
          </Badge>
        ),
    },
    { id: 'joined', header: 'Joined', hideBelow: 'md', className: 'text-zinc-500', cell: (member) => formatDate(member.createdAt) },
    {
      id: 'actions',
      header: 'Actions',
      srOnlyHeader: true,
      headerClassName: 'w-12',
      className: 'text-right',
      cell: (member) =>
        member.id !== me.id && ability.can('delete', memberSubject(member)) ? (
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
        ) : null,
    },
  ];

  return (
    <Card className="gap-0 pb-0">
      <CardHeader className="pb-4">
        <CardTitle>Members</CardTitle>
        <CardDescription>
          {members.data ? `${members.data.data.length} ${members.data.data.length === 1 ? 'person has' : 'people have'} access to this workspace.` : 'People with access to this workspace.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="border-t border-zinc-100 px-0">
        <DataTable
          label="Members"
          rows={members.data?.data}
          loading={members.isPending}
          error={members.error}
          onRetry={() => void members.refetch()}
          rowKey={(m) => m.id}
          rowTestId="member-row"
          columns={memberColumns}
          empty={<EmptyState icon={Users} title="No members yet" description="Invite your team to start collaborating." />}
        />
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
  const invitations = useInvitations();

  const revoke = useMutation({
    mutationFn: (invitation: InvitationView) => api.call('DELETE /api/team/invitations/:id', { params: { id: invitation.id } }),
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
  const invitationColumns: Column<InvitationView>[] = [
    { id: 'email', header: 'Email', className: 'font-medium text-zinc-900', cell: (i) => i.email },
    { id: 'role', header: 'Role', cell: (i) => <Badge variant="secondary">{roleLabel(i.role)}</Badge> },
    { id: 'sent', header: 'Sent', hideBelow: 'sm', className: 'text-zinc-500', cell: (i) => formatRelative(i.createdAt) },
    {
      id: 'expires',
      header: 'Expires',
      cell: (i) =>
        new Date(i.expiresAt).getTime() < now ? <Badge variant="destructive">Expired</Badge> : <span className="text-zinc-500">{formatRelative(i.expiresAt)}</span>,
    },
    {
      id: 'actions',
      header: 'Actions',
      srOnlyHeader: true,
      headerClassName: 'w-24',
      className: 'text-right',
      cell: (invitation) => (
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
      ),
    },
  ];

  return (
    <Card className="gap-0 pb-0">
      <CardHeader className="pb-4">
        <CardTitle>Pending invitations</CardTitle>
        <CardDescription>Invitations that have not been accepted yet.</CardDescription>
      </CardHeader>
      <CardContent className="border-t border-zinc-100 px-0">
        <DataTable
          label="Pending invitations"
          rows={invitations.data?.data}
          loading={invitations.isPending}
          error={invitations.error}
          onRetry={() => void invitations.refetch()}
          rowKey={(i) => i.id}
          rowTestId="invitation-row"
          skeletonRows={2}
          columns={invitationColumns}
          empty={
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
          }
        />
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

