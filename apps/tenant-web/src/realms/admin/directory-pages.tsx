import { useState } from 'react';
import { Link } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AtSign, Search, Users } from 'lucide-react';
import { Card, CardContent } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState, PageHeader } from '@/components/states';
import { adminApi } from '@/lib/admin-session';
import { useDebouncedValue } from '@/lib/hooks';
import { formatNumber } from './format';
import { formatRelative } from '@/lib/utils';
import { InputField, Pager } from './console-controls';
import { StatusBadge } from './status-badge';

const PAGE_SIZE = 25;

interface Tenanted {
  tenantId: number;
  tenantSlug: string;
  tenantName: string;
}
const tenantColumn = <T extends Tenanted>(): Column<T> => ({
  id: 'tenant',
  header: 'Workspace',
  cell: (r) => (
    <Link to={`/tenants/${r.tenantId}`} className="text-zinc-900 hover:underline">
      {r.tenantName} <span className="font-mono text-xs text-zinc-500">{r.tenantSlug}</span>
    </Link>
  ),
});

/** Read-only list across every workspace, searched on the server and paginated. */
function Directory<T extends Tenanted & { id: string }>(props: {
  title: string;
  description: string;
  searchLabel: string;
  placeholder: string;
  testId: string;
  columns: Column<T>[];
  load: (query: { q?: string; page: number; pageSize: number }, signal: AbortSignal) => Promise<{ data: T[]; total: number }>;
  queryKey: string;
  emptyIcon: typeof Users;
}) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim(), 250);
  const query = { q: q || undefined, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: ['admin', props.queryKey, query], queryFn: ({ signal }) => props.load(query, signal), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader title={props.title} description={list.data ? `${list.data.total} in total${q ? ' matching' : ''}. ${props.description}` : props.description} />
      <Card className="gap-0 py-0">
        <div className="relative border-b border-zinc-100 p-4">
          <div className="relative w-full max-w-xs">
            <Search className="pointer-events-none absolute bottom-2.5 left-3 size-4 text-zinc-500" aria-hidden="true" />
            <InputField id={`${props.queryKey}-search`} label={props.searchLabel} placeholder={props.placeholder} className="h-9 pl-9" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} />
          </div>
        </div>
        <CardContent className="px-0">
          <DataTable
            label={props.title}
            rows={list.data?.data}
            loading={list.isPending}
            error={list.error}
            onRetry={() => void list.refetch()}
            rowKey={(r) => `${r.tenantId}:${r.id}`}
            rowTestId={props.testId}
            columns={props.columns}
            empty={<EmptyState icon={q ? Search : props.emptyIcon} title={q ? 'Nothing matches' : 'Nothing here yet'} description={q ? `Nothing matches “${q}”.` : 'Rows appear as workspaces grow.'} />}
          />
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data?.total} onPage={setPage} />
        </CardContent>
      </Card>
    </>
  );
}

type UserRow = Awaited<ReturnType<typeof loadUsers>>['data'][number];
const loadUsers = (query: { q?: string; page: number; pageSize: number }, signal: AbortSignal) => adminApi.call('GET /api/admin-panel/users', { signal, query });

export function UsersPage() {
  const columns: Column<UserRow>[] = [
    { id: 'user', header: 'User', cell: (u) => (<><p className="font-medium text-zinc-900">{u.name}</p><p className="text-xs text-zinc-500">{u.email}</p></>) },
    tenantColumn<UserRow>(),
    { id: 'role', header: 'Role', className: 'text-zinc-600', cell: (u) => u.role },
    { id: 'verified', header: 'E-mail', hideBelow: 'md', cell: (u) => <StatusBadge status={u.emailVerified ? 'verified' : 'unverified'} /> },
    { id: 'created', header: 'Joined', hideBelow: 'md', className: 'text-zinc-500', cell: (u) => formatRelative(u.createdAt) },
  ];
  return <Directory title="Users" description="Every member of every workspace (read-only)." searchLabel="Search users" placeholder="E-mail or name" testId="user-row" columns={columns} load={loadUsers} queryKey="users" emptyIcon={Users} />;
}

type AccountRow = Awaited<ReturnType<typeof loadAccounts>>['data'][number];
const loadAccounts = (query: { q?: string; page: number; pageSize: number }, signal: AbortSignal) => adminApi.call('GET /api/admin-panel/accounts', { signal, query });

export function AccountsPage() {
  const columns: Column<AccountRow>[] = [
    { id: 'account', header: 'Account', cell: (a) => <span className="font-medium text-zinc-900">@{a.username}</span> },
    tenantColumn<AccountRow>(),
    { id: 'status', header: 'Status', cell: (a) => <StatusBadge status={a.status} /> },
    { id: 'kind', header: 'Kind', hideBelow: 'md', className: 'text-zinc-600', cell: (a) => a.kind },
    { id: 'followers', header: 'Followers', hideBelow: 'sm', className: 'text-zinc-600', cell: (a) => (a.followers === null ? '—' : formatNumber(a.followers)) },
    { id: 'sync', header: 'Last sync', hideBelow: 'lg', className: 'text-zinc-500', cell: (a) => (a.lastSyncAt ? formatRelative(a.lastSyncAt) : '—') },
  ];
  return <Directory title="Instagram accounts" description="Every Instagram account of every workspace (read-only)." searchLabel="Search accounts" placeholder="Username" testId="account-row" columns={columns} load={loadAccounts} queryKey="accounts" emptyIcon={AtSign} />;
}
