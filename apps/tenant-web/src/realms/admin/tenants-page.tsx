import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Building2, ExternalLink, RotateCw, Search } from 'lucide-react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState, PageHeader } from '@/components/states';
import { adminApi } from '@/lib/admin-session';
import type { TenantView } from '@/lib/types';
import { formatDate, formatRelative } from '@/lib/utils';
import { StatusBadge } from './status-badge';

/** Suspend or reactivate one workspace, after a confirmation that says what happens. */
function TenantStatusAction({ tenant }: { tenant: TenantView }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const suspend = tenant.status === 'active';
  const change = useMutation({
    mutationFn: () => adminApi.call('PUT /api/admin-panel/tenants/:id/status', { params: { id: tenant.id }, body: { status: suspend ? 'suspended' : 'active' } }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'tenants'] });
    },
  });
  if (tenant.status !== 'active' && tenant.status !== 'suspended') return null;
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        {suspend ? 'Suspend' : 'Reactivate'}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={suspend ? `Suspend ${tenant.name}?` : `Reactivate ${tenant.name}?`}
        description={
          suspend
            ? 'Every member and client of this workspace is locked out at once and sees a “workspace suspended” page. Data is kept; you can reactivate it any time.'
            : 'Members and clients can sign in again right away.'
        }
        confirmLabel={suspend ? 'Suspend workspace' : 'Reactivate workspace'}
        destructive={suspend}
        pending={change.isPending}
        error={change.error}
        onConfirm={() => change.mutate()}
      />
    </>
  );
}

const TENANT_COLUMNS: Column<TenantView>[] = [
  {
    id: 'workspace',
    header: 'Workspace',
    cell: (tenant) => (
      <>
        <p className="font-medium text-zinc-900">{tenant.name}</p>
        <p className="font-mono text-xs text-zinc-500">{tenant.slug}</p>
      </>
    ),
  },
  { id: 'status', header: 'Status', cell: (tenant) => <StatusBadge status={tenant.status} /> },
  { id: 'owner', header: 'Owner', hideBelow: 'lg', className: 'text-zinc-600', cell: (tenant) => tenant.ownerEmail ?? '—' },
  {
    id: 'usage',
    header: 'Usage',
    hideBelow: 'sm',
    className: 'text-zinc-600',
    cellProps: () => ({ 'data-testid': 'tenant-usage' }),
    cell: (tenant) => (
      <>
        {tenant.userCount ?? 0} user{tenant.userCount === 1 ? '' : 's'} · {tenant.accountCount ?? 0} account{tenant.accountCount === 1 ? '' : 's'}
      </>
    ),
  },
  {
    id: 'created',
    header: 'Created',
    hideBelow: 'md',
    className: 'text-zinc-500',
    cellProps: (tenant) => ({ title: formatDate(tenant.createdAt) }),
    cell: (tenant) => formatRelative(tenant.createdAt),
  },
  {
    id: 'actions',
    header: 'Actions',
    srOnlyHeader: true,
    headerClassName: 'w-48',
    className: 'text-right whitespace-nowrap',
    cell: (tenant) => (
      <>
        <TenantStatusAction tenant={tenant} />
        <Button variant="ghost" size="sm" asChild>
          <a href={tenant.url} target="_blank" rel="noreferrer" aria-label={`Open ${tenant.name} in a new tab`}>
            Open <ExternalLink />
          </a>
        </Button>
      </>
    ),
  },
];

export function TenantsPage() {
  const [search, setSearch] = useState('');
  const tenants = useQuery({
    queryKey: ['admin', 'tenants'],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/tenants', { signal }),
  });

  const filtered = useMemo(() => {
    const list = tenants.data?.data ?? [];
    const q = search.trim().toLowerCase();
    if (!q) return list;
    return list.filter(
      (t) => t.name.toLowerCase().includes(q) || t.slug.toLowerCase().includes(q) || t.status.toLowerCase().includes(q) || (t.ownerEmail ?? '').toLowerCase().includes(q),
    );
  }, [tenants.data, search]);

  const total = tenants.data?.data.length ?? 0;

  return (
    <>
      <PageHeader
        title="Tenants"
        description={tenants.data ? `${total} workspace${total === 1 ? '' : 's'} on the platform.` : 'Every workspace on the platform.'}
        actions={
          <Button variant="outline" size="sm" onClick={() => void tenants.refetch()} loading={tenants.isFetching && !tenants.isPending}>
            <RotateCw /> Refresh
          </Button>
        }
      />
      <Card className="gap-0 py-0">
        <div className="flex items-center gap-3 border-b border-zinc-100 p-4">
          <div className="relative w-full max-w-xs">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-500" aria-hidden="true" />
            <Input
              aria-label="Search tenants"
              placeholder="Search by name, slug, status or owner"
              className="h-9 pl-9"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
        </div>
        <CardContent className="px-0">
          <DataTable
            label="Tenants"
            rows={tenants.data ? filtered : undefined}
            loading={tenants.isPending}
            error={tenants.error}
            onRetry={() => void tenants.refetch()}
            rowKey={(t) => String(t.id)}
            rowTestId="tenant-row"
            skeletonRows={5}
            columns={TENANT_COLUMNS}
            empty={
              total === 0 ? (
                <EmptyState icon={Building2} title="No tenants yet" description="Workspaces appear here as soon as someone signs up on the root domain." />
              ) : (
                <EmptyState icon={Search} title="No matching tenants" description={`Nothing matches “${search}”.`} />
              )
            }
          />
        </CardContent>
      </Card>
    </>
  );
}
