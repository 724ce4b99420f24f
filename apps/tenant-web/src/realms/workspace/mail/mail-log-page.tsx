import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Globe, Inbox, RefreshCw, RotateCw, Trash2 } from 'lucide-react';
import type { MailLogItem } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Badge } from '@/components/ui/badge';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { DataTable, type Column } from '@/components/data-table';
import { Field } from '@/components/field';
import { EmptyState, ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { formatDateTime, formatRelative } from '@/lib/utils';
import { MailStatusBadge } from './mail-status-badge';
import { useMailLog, useSendingDomain, useSendingDomainMutations } from './queries';

function SendingDomainCard() {
  const domain = useSendingDomain();
  const { create, verify, remove } = useSendingDomainMutations();
  const [name, setName] = useState('');
  if (domain.isPending) return <TableSkeleton rows={2} columns={3} />;
  if (domain.isError) return <ErrorState error={domain.error} onRetry={() => void domain.refetch()} />;
  const current = domain.data.domain;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim());
  };
  return (
    <Card data-testid="sending-domain">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Globe className="size-4" aria-hidden="true" /> Sending domain
          {current ? <Badge variant={current.status === 'verified' ? 'success' : 'warning'}>{current.status.replace(/_/g, ' ')}</Badge> : null}
        </CardTitle>
        <CardDescription>
          {current
            ? current.status === 'verified'
              ? `Your mails now come from ${current.sender}.`
              : 'Create these DNS records at your DNS provider, then verify.'
            : domain.data.allowed
              ? 'Send your workspace’s mails from your own domain instead of the platform’s address.'
              : 'Your plan does not include white-label e-mail. An owner can upgrade on the billing page.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {current ? (
          <>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-zinc-500">
                  <tr>
                    <th className="py-1 pr-3 font-medium">Type</th>
                    <th className="py-1 pr-3 font-medium">Name</th>
                    <th className="py-1 pr-3 font-medium">Value</th>
                    <th className="py-1 font-medium">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {current.records.map((r) => (
                    <tr key={`${r.type}-${r.name}-${r.value}`} className="border-t border-zinc-100">
                      <td className="py-1 pr-3">{r.type}</td>
                      <td className="py-1 pr-3 font-mono text-xs">{r.name}</td>
                      <td className="py-1 pr-3 font-mono text-xs break-all">{r.value}</td>
                      <td className="py-1">{r.status.replace(/_/g, ' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="flex gap-2">
              <Button variant="outline" size="sm" loading={verify.isPending} onClick={() => verify.mutate()}>
                <RefreshCw /> Verify now
              </Button>
              <Button variant="ghost" size="sm" loading={remove.isPending} onClick={() => remove.mutate()} aria-label={`Remove ${current.domain}`}>
                <Trash2 /> Remove
              </Button>
            </div>
            {verify.error ? <ApiErrorAlert error={verify.error} /> : null}
          </>
        ) : domain.data.allowed ? (
          <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
            <Field id="sending-domain-name" label="Domain" className="min-w-64 flex-1">
              <Input id="sending-domain-name" placeholder="mail.youragency.com" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Add domain
            </Button>
            {create.error ? <ApiErrorAlert error={create.error} /> : null}
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** Owner/admin: every mail of the workspace with its delivery status (updated by Resend's webhooks). */
export function MailLogPage() {
  const log = useMailLog();
  const columns: Column<MailLogItem>[] = [
    { id: 'subject', header: 'Subject', className: 'max-w-72 truncate font-medium text-zinc-900', cell: (m) => m.subject || <span className="text-zinc-500">{m.template}</span> },
    { id: 'to', header: 'To', className: 'text-zinc-600', cell: (m) => m.to },
    { id: 'template', header: 'Template', hideBelow: 'lg', className: 'font-mono text-xs text-zinc-500', cell: (m) => m.template },
    {
      id: 'status',
      header: 'Status',
      cell: (m) => (
        <span className="flex flex-col gap-0.5">
          <MailStatusBadge status={m.status} />
          {m.reason ? <span className="max-w-64 text-xs text-zinc-500">{m.reason}</span> : null}
        </span>
      ),
    },
    { id: 'created', header: 'Queued', hideBelow: 'sm', className: 'text-zinc-500', cellProps: (m) => ({ title: formatDateTime(m.createdAt) }), cell: (m) => formatRelative(m.createdAt) },
  ];
  return (
    <>
      <PageHeader
        title="E-mail log"
        description={
          <>
            Every e-mail this workspace sent, and what became of it. Bounced and complained addresses receive nothing more. Your own choices are on{' '}
            <Link className="text-brand-ink underline" to="/settings/mail">
              E-mail preferences
            </Link>
            .
          </>
        }
        actions={
          <Button variant="outline" size="sm" onClick={() => void log.refetch()} loading={log.isFetching && !log.isPending}>
            <RotateCw /> Refresh
          </Button>
        }
      />
      <div className="grid gap-6">
        <Card className="gap-0 py-0">
          <CardContent className="px-0">
            <DataTable
              label="E-mail log"
              rows={log.data?.data}
              loading={log.isPending}
              error={log.error}
              onRetry={() => void log.refetch()}
              rowKey={(m) => m.id}
              rowTestId="mail-log-row"
              skeletonRows={5}
              columns={columns}
              empty={<EmptyState icon={Inbox} title="No e-mails yet" description="Welcome, invitation, digest and alert e-mails will show up here as they go out." />}
            />
          </CardContent>
        </Card>
        <SendingDomainCard />
      </div>
    </>
  );
}
