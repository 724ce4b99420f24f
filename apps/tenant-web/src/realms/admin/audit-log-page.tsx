import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ScrollText } from 'lucide-react';
import type { AuditEntryView } from '@instagrowth/contracts';
import { Card, CardContent } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState, PageHeader } from '@/components/states';
import { adminApi } from '@/lib/admin-session';
import { useDebouncedValue } from '@/lib/hooks';
import { formatDateTime } from '@/lib/utils';
import { InputField, Pager, SelectField } from './console-controls';

const PAGE_SIZE = 50;

const COLUMNS: Column<AuditEntryView>[] = [
  { id: 'when', header: 'When', className: 'whitespace-nowrap text-zinc-500', cell: (e) => formatDateTime(e.createdAt) },
  { id: 'action', header: 'Action', cell: (e) => <span className="font-mono text-xs text-zinc-900">{e.action}</span> },
  { id: 'actor', header: 'Actor', className: 'text-zinc-600', cell: (e) => e.actorEmail ?? (e.actorId ? `${e.actorType} ${e.actorId.slice(0, 8)}` : e.actorType) },
  {
    id: 'tenant',
    header: 'Tenant',
    cell: (e) => (e.tenantId ? (e.tenantSlug ? <Link to={`/tenants/${e.tenantId}`} className="hover:underline">{e.tenantSlug}</Link> : <span className="text-zinc-500">#{e.tenantId} (deleted)</span>) : '—'),
  },
  { id: 'details', header: 'Details', hideBelow: 'lg', className: 'max-w-xs truncate font-mono text-xs text-zinc-500', cell: (e) => (e.meta ? JSON.stringify(e.meta) : '') },
  { id: 'ip', header: 'IP', hideBelow: 'lg', className: 'text-xs text-zinc-500', cell: (e) => e.ip ?? '' },
];

/** The platform audit log (append-only), filtered by admin, tenant, action and date. */
export function AuditLogPage() {
  const [params] = useSearchParams();
  const [adminId, setAdminId] = useState('');
  const [tenantId, setTenantId] = useState(params.get('tenantId') ?? '');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const admins = useQuery({ queryKey: ['admin', 'admins'], queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/admins', { signal }) });
  const actionQ = useDebouncedValue(action.trim(), 250);
  const query = {
    adminId: adminId || undefined,
    tenantId: tenantId ? Number(tenantId) : undefined,
    action: actionQ || undefined,
    from: from || undefined,
    to: to || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const log = useQuery({ queryKey: ['admin', 'audit-log', query], queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/audit-log', { signal, query }), placeholderData: keepPreviousData });
  const reset = (fn: (v: string) => void) => (v: string) => {
    fn(v);
    setPage(1);
  };
  return (
    <>
      <PageHeader title="Audit log" description="Every admin action, sign-in and impersonation, newest first. Entries can never be changed or deleted." />
      <Card className="gap-0 py-0">
        <div className="flex flex-wrap items-end gap-3 border-b border-zinc-100 p-4">
          <SelectField id="audit-admin" label="Admin" value={adminId} onChange={reset(setAdminId)}>
            <option value="">Any admin</option>
            {admins.data?.admins.map((a) => (
              <option key={a.id} value={a.id}>
                {a.email}
              </option>
            ))}
          </SelectField>
          <InputField id="audit-tenant" label="Tenant id" inputMode="numeric" className="h-9 w-28" value={tenantId} onChange={(e) => reset(setTenantId)(e.target.value.replace(/\D/g, ''))} />
          <InputField id="audit-action" label="Action" placeholder="tenant. or impersonation.started" value={action} onChange={(e) => reset(setAction)(e.target.value)} />
          <InputField id="audit-from" label="From" type="date" value={from} onChange={(e) => reset(setFrom)(e.target.value)} />
          <InputField id="audit-to" label="To" type="date" value={to} onChange={(e) => reset(setTo)(e.target.value)} />
        </div>
        <CardContent className="px-0">
          <DataTable
            label="Audit log"
            rows={log.data?.data}
            loading={log.isPending}
            error={log.error}
            onRetry={() => void log.refetch()}
            rowKey={(e) => e.id}
            rowTestId="audit-row"
            columns={COLUMNS}
            empty={<EmptyState icon={ScrollText} title="No entries" description="Nothing matches these filters." />}
          />
          <Pager page={page} pageSize={PAGE_SIZE} total={log.data?.total} onPage={setPage} />
        </CardContent>
      </Card>
    </>
  );
}
