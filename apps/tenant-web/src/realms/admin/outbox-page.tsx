import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Inbox, Mail, RotateCw, Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { EmptyState, ErrorState, PageHeader } from '@/components/states';
import { DataTable, type Column } from '@/components/data-table';
import { adminApi } from '@/lib/admin-session';
import type { OutboxItem } from '@/lib/types';
import { cn, formatDateTime, formatRelative } from '@/lib/utils';
import { StatusBadge } from './status-badge';

/** Links in a previewed email open in a new tab instead of inside the sandbox. */
function withBaseTarget(html: string): string {
  const base = '<base target="_blank">';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head([^>]*)>/i, `<head$1>${base}`);
  return base + html;
}

function MessageDialog({ id, onClose }: { id: OutboxItem['id'] | null; onClose: () => void }) {
  const [view, setView] = useState<'html' | 'text'>('html');
  const message = useQuery({
    queryKey: ['admin', 'outbox', String(id)],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/outbox/:id', { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
    staleTime: Infinity,
  });

  return (
    <Dialog open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="flex max-h-[calc(100dvh-2rem)] flex-col sm:max-w-4xl">
        <DialogHeader>
          <DialogTitle>{message.data?.subject ?? 'Email'}</DialogTitle>
          <DialogDescription asChild>
            <div>
              {message.data ? (
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-zinc-500">To</dt>
                  <dd className="text-zinc-800">{message.data.to}</dd>
                  <dt className="text-zinc-500">Template</dt>
                  <dd className="font-mono text-xs leading-5 text-zinc-800">{message.data.template}</dd>
                  <dt className="text-zinc-500">Tenant</dt>
                  <dd className="text-zinc-800">{message.data.tenantSlug ?? 'Platform'}</dd>
                  <dt className="text-zinc-500">Created</dt>
                  <dd className="text-zinc-800">{formatDateTime(message.data.createdAt)}</dd>
                </dl>
              ) : (
                'Loading the message…'
              )}
            </div>
          </DialogDescription>
        </DialogHeader>
        {message.isPending ? (
          <div className="grid gap-3" aria-busy="true">
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-96 w-full" />
          </div>
        ) : message.isError ? (
          <ErrorState error={message.error} onRetry={() => void message.refetch()} />
        ) : (
          <div className="flex min-h-0 flex-1 flex-col gap-3">
            <div role="tablist" aria-label="Email format" className="inline-flex w-fit rounded-lg bg-zinc-100 p-1">
              {(['html', 'text'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  onClick={() => setView(v)}
                  className={cn(
                    'rounded-md px-3 py-1 text-sm font-medium transition',
                    view === v ? 'bg-white text-zinc-900 shadow-xs' : 'text-zinc-500 hover:text-zinc-800',
                  )}
                >
                  {v === 'html' ? 'HTML' : 'Plain text'}
                </button>
              ))}
            </div>
            {view === 'html' ? (
              <iframe
                title="Email preview"
                sandbox="allow-popups allow-popups-to-escape-sandbox"
                srcDoc={withBaseTarget(message.data.html)}
                className="h-[60vh] w-full rounded-lg border border-zinc-200 bg-white"
                data-testid="outbox-preview"
              />
            ) : (
              <pre className="h-[60vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-sm whitespace-pre-wrap" data-testid="outbox-text">
                {message.data.text}
              </pre>
            )}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

export function OutboxPage() {
  const [search, setSearch] = useState('');
  const [openId, setOpenId] = useState<OutboxItem['id'] | null>(null);
  const outbox = useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/outbox', { signal }),
    refetchInterval: 15_000,
  });

  const filtered = useMemo(() => {
    const list = outbox.data?.data ?? [];
    const q = search.trim().toLowerCase();
    if (!q) return list;
    return list.filter(
      (m) =>
        m.to.toLowerCase().includes(q) ||
        m.subject.toLowerCase().includes(q) ||
        m.template.toLowerCase().includes(q) ||
        (m.tenantSlug ?? '').toLowerCase().includes(q),
    );
  }, [outbox.data, search]);
  const total = outbox.data?.data.length ?? 0;

  const columns: Column<(typeof filtered)[number]>[] = [
    {
      id: 'subject',
      header: 'Subject',
      className: 'max-w-72',
      cell: (m) => (
        <button
          type="button"
          className="flex max-w-full items-center gap-2 truncate text-left font-medium text-zinc-900 hover:text-brand-ink focus-visible:outline-none focus-visible:underline"
          onClick={(e) => {
            e.stopPropagation();
            setOpenId(m.id);
          }}
        >
          <Mail className="size-4 shrink-0 text-zinc-500" aria-hidden="true" />
          <span className="truncate">{m.subject}</span>
        </button>
      ),
    },
    { id: 'to', header: 'To', className: 'text-zinc-600', cell: (m) => m.to },
    { id: 'template', header: 'Template', hideBelow: 'lg', className: 'font-mono text-xs text-zinc-500', cell: (m) => m.template },
    { id: 'tenant', header: 'Tenant', hideBelow: 'md', className: 'text-zinc-600', cell: (m) => m.tenantSlug ?? <span className="text-zinc-500">Platform</span> },
    { id: 'status', header: 'Status', cell: (m) => <StatusBadge status={m.status} /> },
    {
      id: 'created',
      header: 'Created',
      hideBelow: 'sm',
      className: 'text-zinc-500',
      cellProps: (m) => ({ title: formatDateTime(m.createdAt) }),
      cell: (m) => formatRelative(m.createdAt),
    },
  ];

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Emails the platform sent, or stored because no email provider is configured."
        actions={
          <Button variant="outline" size="sm" onClick={() => void outbox.refetch()} loading={outbox.isFetching && !outbox.isPending}>
            <RotateCw /> Refresh
          </Button>
        }
      />
      <Card className="gap-0 py-0">
        <div className="border-b border-zinc-100 p-4">
          <div className="relative w-full max-w-xs">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-500" aria-hidden="true" />
            <Input aria-label="Search emails" placeholder="Search recipient, subject, tenant" className="h-9 pl-9" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
        </div>
        <CardContent className="px-0">
          <DataTable
            label="Outbox"
            rows={outbox.data ? filtered : undefined}
            loading={outbox.isPending}
            error={outbox.error}
            onRetry={() => void outbox.refetch()}
            rowKey={(m) => String(m.id)}
            rowTestId="outbox-row"
            onRowClick={(m) => setOpenId(m.id)}
            skeletonRows={6}
            columns={columns}
            empty={
              total === 0 ? (
                <EmptyState icon={Inbox} title="The outbox is empty" description="Welcome, verification, reset and invitation emails will show up here as they are sent." />
              ) : (
                <EmptyState icon={Search} title="No matching emails" description={`Nothing matches “${search}”.`} />
              )
            }
          />
        </CardContent>
      </Card>
      <MessageDialog key={String(openId)} id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
