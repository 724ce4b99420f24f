import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Inbox, MailCheck, RotateCw } from 'lucide-react';
import { MAIL_STATUSES, type MailSuppression } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { Field } from '@/components/field';
import { EmptyState, PageHeader } from '@/components/states';
import { adminApi } from '@/lib/admin-session';
import { formatDateTime, formatRelative } from '@/lib/utils';

type Status = (typeof MAIL_STATUSES)[number];
const BAD = new Set(['bounced', 'complained', 'failed']);

/** Every e-mail of the platform with its delivery status, reason and workspace. */
export function MailLogPage() {
  const [status, setStatus] = useState<Status | ''>('');
  const log = useQuery({
    queryKey: ['admin', 'mail-log', status],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/mail/log', { query: status ? { status } : {}, signal }),
    refetchInterval: 15_000,
  });
  type Row = NonNullable<typeof log.data>['data'][number];
  const columns: Column<Row>[] = [
    { id: 'subject', header: 'Subject', className: 'max-w-72 truncate font-medium text-zinc-900', cell: (m) => m.subject || m.template },
    { id: 'to', header: 'To', className: 'text-zinc-600', cell: (m) => m.to },
    { id: 'tenant', header: 'Workspace', hideBelow: 'md', className: 'text-zinc-600', cell: (m) => m.tenantSlug ?? <span className="text-zinc-500">Platform</span> },
    { id: 'template', header: 'Template', hideBelow: 'lg', className: 'font-mono text-xs text-zinc-500', cell: (m) => m.template },
    {
      id: 'status',
      header: 'Status',
      cell: (m) => (
        <span className="flex flex-col gap-0.5">
          <Badge variant={BAD.has(m.status) ? 'destructive' : m.status === 'suppressed' || m.status === 'unsubscribed' ? 'warning' : m.status === 'queued' || m.status === 'sending' ? 'secondary' : 'success'} data-testid="admin-mail-status">
            {m.status}
          </Badge>
          {m.reason ? <span className="max-w-64 text-xs text-zinc-500">{m.reason}</span> : null}
        </span>
      ),
    },
    { id: 'created', header: 'Queued', hideBelow: 'sm', className: 'text-zinc-500', cellProps: (m) => ({ title: formatDateTime(m.createdAt) }), cell: (m) => formatRelative(m.createdAt) },
  ];
  return (
    <>
      <PageHeader
        title="Mail log"
        description="Delivery status from Resend’s webhooks. Bounced and complained addresses are suppressed for every later e-mail."
        actions={
          <Button variant="outline" size="sm" onClick={() => void log.refetch()} loading={log.isFetching && !log.isPending}>
            <RotateCw /> Refresh
          </Button>
        }
      />
      <Card className="gap-0 py-0">
        <div className="border-b border-zinc-100 p-4">
          <Field id="mail-log-status" label="Status" className="max-w-xs">
            <select id="mail-log-status" className="h-9 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
              <option value="">All</option>
              {MAIL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <CardContent className="px-0">
          <DataTable
            label="Mail log"
            rows={log.data?.data}
            loading={log.isPending}
            error={log.error}
            onRetry={() => void log.refetch()}
            rowKey={(m) => m.id}
            rowTestId="admin-mail-log-row"
            skeletonRows={6}
            columns={columns}
            empty={<EmptyState icon={Inbox} title="No e-mails" description={status ? `No e-mail is ${status}.` : 'E-mails appear here as soon as they are queued.'} />}
          />
        </CardContent>
      </Card>
      <SuppressionsCard />
    </>
  );
}

/** Addresses every mail skips after a hard bounce or a spam complaint; an admin clears one when the mailbox works again. */
function SuppressionsCard() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['admin', 'mail-suppressions'],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/mail/suppressions', { signal }),
  });
  const [clearing, setClearing] = useState<MailSuppression | null>(null);
  const clear = useMutation({
    mutationFn: (email: string) => adminApi.call('DELETE /api/admin-panel/mail/suppressions/:email', { params: { email } }),
    onSuccess: async () => {
      setClearing(null);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'mail-suppressions'] });
    },
  });
  const columns: Column<MailSuppression>[] = [
    { id: 'email', header: 'Address', className: 'font-medium text-zinc-900', cell: (r) => r.email },
    {
      id: 'reason',
      header: 'Reason',
      cell: (r) => (
        <span className="flex flex-col gap-0.5">
          <Badge variant="destructive" data-testid="suppression-reason">
            {r.reason}
          </Badge>
          {r.detail ? <span className="max-w-64 text-xs text-zinc-500">{r.detail}</span> : null}
        </span>
      ),
    },
    { id: 'since', header: 'Since', hideBelow: 'sm', className: 'text-zinc-500', cellProps: (r) => ({ title: formatDateTime(r.createdAt) }), cell: (r) => formatRelative(r.createdAt) },
    {
      id: 'actions',
      header: 'Actions',
      srOnlyHeader: true,
      className: 'text-right whitespace-nowrap',
      cell: (r) => (
        <Button variant="ghost" size="sm" onClick={() => setClearing(r)} aria-label={`Clear the suppression of ${r.email}`}>
          Clear
        </Button>
      ),
    },
  ];
  return (
    <Card className="mt-6 gap-0 py-0">
      <CardHeader className="border-b border-zinc-100 py-4">
        <CardTitle>Suppressed addresses</CardTitle>
        <CardDescription>No e-mail goes to these addresses. Clear one once its mailbox works again or the complaint was a mistake.</CardDescription>
      </CardHeader>
      <CardContent className="px-0">
        <DataTable
          label="Suppressed addresses"
          rows={list.data?.data}
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          rowKey={(r) => r.email}
          rowTestId="mail-suppression-row"
          skeletonRows={3}
          columns={columns}
          empty={<EmptyState icon={MailCheck} title="No suppressed addresses" description="Hard bounces and spam complaints appear here." />}
        />
      </CardContent>
      <ConfirmDialog
        open={clearing !== null}
        onOpenChange={(o) => !o && setClearing(null)}
        title={`Clear the suppression of ${clearing?.email ?? ''}?`}
        description="E-mails go to this address again. If it still bounces, Resend suppresses it again."
        confirmLabel="Clear suppression"
        destructive={false}
        pending={clear.isPending}
        error={clear.error}
        onConfirm={() => clearing && clear.mutate(clearing.email)}
      />
    </Card>
  );
}
