import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Save, UserCog, Users } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toaster';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState, ErrorState } from '@/components/states';
import { initials } from '@/lib/utils';
import { ROLE_LABELS } from '../team/invite-dialog';
import { useAssignments, useSaveAssignments, useTeamMembers } from './queries';

interface Candidate {
  userId: string;
  name: string;
  email: string;
  role: string;
}

const ASSIGNABLE = new Set(['manager', 'client']);

function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** Owners and admins choose which managers and clients can see this account. */
export function AssignmentsCard({ accountId, username }: { accountId: string; username: string }) {
  const assignments = useAssignments(accountId, true);
  const members = useTeamMembers(true);
  const save = useSaveAssignments(accountId);
  const [selected, setSelected] = useState<Set<string> | null>(null);

  const saved = useMemo(() => new Set(assignments.data?.data.map((a) => a.userId) ?? []), [assignments.data]);
  const current = selected ?? saved;

  const candidates = useMemo<Candidate[]>(() => {
    const list: Candidate[] = (members.data?.data ?? [])
      .filter((m) => ASSIGNABLE.has(m.role))
      .map((m) => ({ userId: m.id, name: m.name, email: m.email, role: m.role }));
    // Someone assigned earlier whose role has since changed still shows, so they can be removed.
    for (const a of assignments.data?.data ?? []) {
      if (!list.some((c) => c.userId === a.userId)) list.push(a);
    }
    return list.sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));
  }, [members.data, assignments.data]);

  const dirty = current.size !== saved.size || [...current].some((id) => !saved.has(id));

  function toggle(userId: string, checked: boolean) {
    const next = new Set(current);
    if (checked) next.add(userId);
    else next.delete(userId);
    setSelected(next);
  }

  function submit() {
    save.mutate([...current], {
      onSuccess: (result) => {
        setSelected(null);
        toast({
          variant: 'success',
          title: 'Access updated',
          description:
            result.data.length === 0
              ? `Only owners and admins can see @${username} now.`
              : `${result.data.length} ${result.data.length === 1 ? 'person' : 'people'} can now see @${username}.`,
        });
      },
    });
  }

  const loading = assignments.isPending || members.isPending;
  const error = assignments.error ?? members.error;

  return (
    <Card className="gap-0" data-testid="assignments-card">
      <CardHeader className="pb-4">
        <CardTitle>Who can see this account</CardTitle>
        <CardDescription>Owners and admins see every account. Managers work on, and clients view, only the accounts ticked here.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {loading ? (
          <div className="grid gap-3" role="status" aria-busy="true" aria-label="Loading">
            {Array.from({ length: 3 }, (_, i) => (
              <div key={i} className="flex items-center gap-3">
                <Skeleton className="size-4 rounded" />
                <Skeleton className="size-8 rounded-full" />
                <Skeleton className="h-4 w-40" />
              </div>
            ))}
          </div>
        ) : error ? (
          <ErrorState
            error={error}
            className="py-6"
            title="We could not load the team"
            onRetry={() => {
              void assignments.refetch();
              void members.refetch();
            }}
          />
        ) : candidates.length === 0 ? (
          <EmptyState
            icon={Users}
            className="py-6"
            title="No managers or clients yet"
            description="Invite a manager to work on this account, or a client to give them a read-only view of it."
            action={
              <Button variant="outline" size="sm" asChild>
                <Link to="/team">
                  <UserCog /> Go to Team
                </Link>
              </Button>
            }
          />
        ) : (
          <>
            <fieldset className="grid gap-1">
              <legend className="sr-only">Managers and clients with access to @{username}</legend>
              {candidates.map((c) => {
                const id = `assign-${c.userId}`;
                return (
                  <label
                    key={c.userId}
                    htmlFor={id}
                    className="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-2 hover:bg-zinc-50"
                    data-testid="assignment-option"
                  >
                    <input
                      id={id}
                      type="checkbox"
                      className="size-4 shrink-0 rounded border-zinc-300 accent-brand"
                      checked={current.has(c.userId)}
                      onChange={(e) => toggle(c.userId, e.target.checked)}
                      disabled={save.isPending}
                    />
                    <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand/10 text-xs font-semibold text-brand-ink" aria-hidden="true">
                      {initials(c.name)}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium text-zinc-900">{c.name}</span>
                      <span className="block truncate text-xs text-zinc-500">{c.email}</span>
                    </span>
                    <Badge variant="secondary">{roleLabel(c.role)}</Badge>
                  </label>
                );
              })}
            </fieldset>
            <ApiErrorAlert error={save.error} />
            <div className="flex items-center justify-between gap-3 border-t border-zinc-100 pt-4">
              <p className="text-xs text-zinc-500" aria-live="polite">
                {current.size === 0 ? 'Nobody assigned' : `${current.size} assigned`}
                {dirty ? ' · unsaved changes' : ''}
              </p>
              <Button onClick={submit} disabled={!dirty} loading={save.isPending}>
                {save.isPending ? null : <Save />} Save assignments
              </Button>
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
