import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Inbox, RotateCw } from 'lucide-react';
import { MAIL_STATUSES } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
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
    </>
  );
}
