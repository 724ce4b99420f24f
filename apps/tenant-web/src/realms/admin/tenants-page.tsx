import { useState } from 'react';
import { Link } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2, ExternalLink, RotateCw, Search } from 'lucide-react';
import type { ConsoleTenant } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState, PageHeader } from '@/components/states';
import { adminApi } from '@/lib/admin-session';
import { useDebouncedValue } from '@/lib/hooks';
import { formatDate, formatRelative } from '@/lib/utils';
import { InputField, Pager, SelectField } from './console-controls';
import { StatusBadge } from './status-badge';

const PAGE_SIZE = 25;
const PLANS = ['starter', 'pro', 'agency', 'enterprise'];

const TENANT_COLUMNS: Column<ConsoleTenant>[] = [
  {
    id: 'workspace',
    header: 'Workspace',
    cell: (tenant) => (
      <>
        <Link to={`/tenants/${tenant.id}`} className="font-medium text-zinc-900 hover:underline">
          {tenant.name}
        </Link>
        <p className="font-mono text-xs text-zinc-500">{tenant.slug}</p>
      </>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    cell: (tenant) => (
      <div className="flex flex-wrap gap-1">
        <StatusBadge status={tenant.status} />
        {tenant.deletionScheduledFor ? <StatusBadge status="deletion_scheduled" /> : null}
      </div>
    ),
  },
  { id: 'plan', header: 'Plan', hideBelow: 'md', className: 'text-zinc-600', cell: (t) => (t.planKey ? `${t.planKey}${t.subscriptionStatus ? ` · ${t.subscriptionStatus}` : ''}` : '—') },
  { id: 'owner', header: 'Owner', hideBelow: 'lg', className: 'text-zinc-600', cell: (tenant) => tenant.ownerEmail ?? '—' },
  {
    id: 'usage',
    header: 'Usage',
    hideBelow: 'sm',
    className: 'text-zinc-600',
    cellProps: () => ({ 'data-testid': 'tenant-usage' }),
    cell: (tenant) => (
      <>
        {tenant.userCount} user{tenant.userCount === 1 ? '' : 's'} · {tenant.accountCount} account{tenant.accountCount === 1 ? '' : 's'}
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
    headerClassName: 'w-40',
    className: 'text-right whitespace-nowrap',
    cell: (tenant) => (
      <>
        <Button variant="ghost" size="sm" asChild>
          <Link to={`/tenants/${tenant.id}`} aria-label={`Manage ${tenant.name}`}>
            Manage
          </Link>
        </Button>
        <Button variant="ghost" size="sm" asChild>
          <a href={tenant.url} target="_blank" rel="noreferrer" aria-label={`Open ${tenant.name} in a new tab`}>
            Open <ExternalLink />
          </a>
        </Button>
      </>
    ),
  },
];

/** Every workspace: server-side search (name, slug, domain, member e-mail), filters and pages. */
export function TenantsPage() {
  const [search, setSearch] = useState('');
  const [plan, setPlan] = useState('');
  const [status, setStatus] = useState('');
  const [createdFrom, setCreatedFrom] = useState('');
  const [createdTo, setCreatedTo] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim(), 250);
  const query = {
    q: q || undefined,
    plan: plan || undefined,
    status: (status || undefined) as 'active' | undefined,
    createdFrom: createdFrom || undefined,
    createdTo: createdTo || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const tenants = useQuery({
    queryKey: ['admin', 'tenants', query],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/tenants', { signal, query }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(q || plan || status || createdFrom || createdTo);
  const set = (fn: (v: string) => void) => (v: string) => {
    fn(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title="Tenants"
        description={tenants.data ? `${tenants.data.total} workspace${tenants.data.total === 1 ? '' : 's'}${filtered ? ' match' : ' on the platform'}.` : 'Every workspace on the platform.'}
        actions={
          <Button variant="outline" size="sm" onClick={() => void tenants.refetch()} loading={tenants.isFetching && !tenants.isPending}>
            <RotateCw /> Refresh
          </Button>
        }
      />
      <Card className="gap-0 py-0">
        <div className="flex flex-wrap items-end gap-3 border-b border-zinc-100 p-4">
          <div className="relative w-full max-w-xs">
            <Search className="pointer-events-none absolute bottom-2.5 left-3 size-4 text-zinc-500" aria-hidden="true" />
            <InputField id="tenant-search" label="Search tenants" placeholder="Name, slug, domain or member e-mail" className="h-9 pl-9" value={search} onChange={(e) => set(setSearch)(e.target.value)} />
          </div>
          <SelectField id="tenant-plan" label="Plan" value={plan} onChange={set(setPlan)}>
            <option value="">Any plan</option>
            {PLANS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </SelectField>
          <SelectField id="tenant-status" label="Status" value={status} onChange={set(setStatus)}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
            <option value="provisioning">Provisioning</option>
            <option value="deletion_scheduled">Deletion scheduled</option>
          </SelectField>
          <InputField id="tenant-from" label="Created from" type="date" value={createdFrom} onChange={(e) => set(setCreatedFrom)(e.target.value)} />
          <InputField id="tenant-to" label="Created to" type="date" value={createdTo} onChange={(e) => set(setCreatedTo)(e.target.value)} />
        </div>
        <CardContent className="px-0">
          <DataTable
            label="Tenants"
            rows={tenants.data?.data}
            loading={tenants.isPending}
            error={tenants.error}
            onRetry={() => void tenants.refetch()}
            rowKey={(t) => String(t.id)}
            rowTestId="tenant-row"
            skeletonRows={5}
            columns={TENANT_COLUMNS}
            empty={
              filtered ? (
                <EmptyState icon={Search} title="No matching tenants" description="Nothing matches these filters." />
              ) : (
                <EmptyState icon={Building2} title="No tenants yet" description="Workspaces appear here as soon as someone signs up on the root domain." />
              )
            }
          />
          <Pager page={page} pageSize={PAGE_SIZE} total={tenants.data?.total} onPage={setPage} />
        </CardContent>
      </Card>
    </>
  );
}
