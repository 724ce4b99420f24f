import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { adminApi } from '@/lib/admin-session';
import { formatDateTime, formatRelative } from '@/lib/utils';
import { InputField } from './console-controls';

/** Super-admins and invitations: a second admin gets a mailed link and enrols TOTP when accepting. */
export function AdminsPage() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const list = useQuery({ queryKey: ['admin', 'admins'], queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/admins', { signal }) });
  const invite = useMutation({
    mutationFn: () => adminApi.call('POST /api/admin-panel/admins/invitations', { body: { email } }),
    onSuccess: async () => {
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: ['admin', 'admins'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    invite.mutate();
  }
  return (
    <>
      <PageHeader title="Admins" description="Who can run the platform. Every admin signs in with a password and an authenticator app; sessions end after a period without activity." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Invite an admin</CardTitle>
          </CardHeader>
          <CardContent>
            <form onSubmit={submit} className="grid gap-3">
              <InputField id="invite-email" label="E-mail" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
              <ApiErrorAlert error={invite.error} />
              {invite.isSuccess ? <p className="text-sm text-emerald-700" role="status">Invitation sent. The link works once, for 3 days.</p> : null}
              <Button type="submit" loading={invite.isPending} className="justify-self-start">
                Send invitation
              </Button>
            </form>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Admins and invitations</CardTitle>
          </CardHeader>
          <CardContent>
            {list.isPending ? (
              <TableSkeleton rows={3} columns={2} />
            ) : list.isError ? (
              <ErrorState error={list.error} onRetry={() => void list.refetch()} />
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm">
                {list.data.admins.map((a) => (
                  <li key={a.id} className="flex justify-between gap-2 py-2" data-testid="admin-row">
                    <span className="flex items-center gap-2">
                      <ShieldCheck className="size-4 text-zinc-500" aria-hidden="true" /> {a.email}
                    </span>
                    <span className="text-zinc-500">{a.lastLoginAt ? `signed in ${formatRelative(a.lastLoginAt)}` : 'never signed in'}</span>
                  </li>
                ))}
                {list.data.invitations
                  .filter((i) => !i.acceptedAt)
                  .map((i) => (
                    <li key={i.id} className="flex justify-between gap-2 py-2" data-testid="admin-invitation-row">
                      <span>{i.email}</span>
                      <span className="text-zinc-500">invited · expires {formatDateTime(i.expiresAt)}</span>
                    </li>
                  ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
