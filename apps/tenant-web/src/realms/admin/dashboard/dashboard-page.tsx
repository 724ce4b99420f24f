import { useState, type ReactNode } from 'react';
import { BarChart3, Download, RefreshCw } from 'lucide-react';
import type { AdminDashboard } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState, ErrorState, PageHeader } from '@/components/states';
import { formatRelative } from '@/lib/utils';
import { GrowthChart, RevenueChart } from './charts';
import { downloadCsv, type CsvCell } from './csv';
import { formatMoney, formatNumber, formatPercent, lastDays } from './format';
import { LiveFeed } from './live-feed';
import { useDashboard, useRefreshRollups, type DateRange } from './queries';

const PRESETS = [
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '12 months', days: 365 },
];

function Kpi({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId: string }) {
  return (
    <Card className="gap-1 py-4">
      <CardContent className="px-4">
        <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
        <p className="mt-1 text-xl font-semibold text-zinc-950" data-testid={testId}>
          {value}
        </p>
        {hint ? <p className="mt-0.5 text-xs text-zinc-500">{hint}</p> : null}
      </CardContent>
    </Card>
  );
}

/** A card holding one table, with its CSV export. */
function TableCard<T>({ title, description, file, columns, rows, csv, rowKey }: { title: string; description: string; file: string; columns: Column<T>[]; rows: T[]; csv: { header: string[]; rows: CsvCell[][] }; rowKey: (r: T) => string }) {
  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-3">
        <div>
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        <Button variant="outline" size="sm" onClick={() => downloadCsv(file, csv.header, csv.rows)} disabled={rows.length === 0} aria-label={`Export ${title} as CSV`}>
          <Download /> CSV
        </Button>
      </CardHeader>
      {/* Long ranges make long tables: the card scrolls, and keyboards can reach it (focusable region). */}
      <CardContent className="max-h-96 overflow-y-auto p-0" tabIndex={0} role="region" aria-label={`${title} table`}>
        <DataTable label={title} columns={columns} rows={rows} rowKey={rowKey} empty={<p className="px-6 py-6 text-sm text-zinc-500">Nothing in this range.</p>} />
      </CardContent>
    </Card>
  );
}

function DashboardSkeleton() {
  return (
    <div className="grid gap-4" role="status" aria-busy="true" aria-label="Loading">
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}

function Figures({ d }: { d: AdminDashboard }) {
  const money = (amount: number) => formatMoney(amount, d.currency);
  const change = d.mrrChange.since === null ? 'no earlier snapshot yet' : `${d.mrrChange.amount >= 0 ? '+' : ''}${money(d.mrrChange.amount)} (${formatPercent(d.mrrChange.percent)}) since ${d.mrrChange.since}`;
  const growth = d.series.tenants.map((t, i) => ({ period: t.period, tenants: t.total, users: d.series.users[i]?.total ?? 0 }));
  return (
    <div className="grid gap-6">
      <section aria-label="Key figures" className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Kpi label="MRR" value={money(d.mrr.amount)} hint={change} testId="kpi-mrr" />
        <Kpi label="ARPA" value={money(d.arpa.amount)} hint={`${d.activeSubscriptions} paying`} testId="kpi-arpa" />
        <Kpi label="Revenue in range" value={money(d.revenue.amount)} hint="paid invoices" testId="kpi-revenue" />
        <Kpi label="Active subscriptions" value={formatNumber(d.activeSubscriptions)} testId="kpi-subscriptions" />
        <Kpi label="Tenants" value={formatNumber(d.tenants)} testId="kpi-tenants" />
        <Kpi label="Users" value={formatNumber(d.users)} testId="kpi-users" />
        <Kpi label="Instagram accounts" value={formatNumber(d.accounts)} testId="kpi-accounts" />
        <Kpi label="Trials" value={formatNumber(d.trials.active)} hint={`conversion ${formatPercent(d.trialConversion)} (${d.trials.converted} of ${d.trials.ended} ended)`} testId="kpi-trials" />
        <Kpi label="Logo churn" value={formatPercent(d.churn.logo.rate)} hint={`${d.churn.logo.churned} of ${d.churn.logo.base} customers`} testId="kpi-logo-churn" />
        <Kpi label="Revenue churn" value={formatPercent(d.churn.revenue.grossRate)} hint={`net ${formatPercent(d.churn.revenue.netRate)}; ${money(d.churn.revenue.lostMrr)} lost`} testId="kpi-revenue-churn" />
        <Kpi label="AI usage" value={`${formatNumber(d.aiUsage.generations)} generations`} hint={`${formatNumber(d.aiUsage.tokens)} tokens · ≈ $${d.aiUsage.costUsd.toFixed(4)}`} testId="kpi-ai" />
        <Kpi label="Sync failures" value={formatNumber(d.syncFailures)} hint={`${d.queues.reduce((s, q) => s + q.failed, 0)} failed jobs · ${d.queues.reduce((s, q) => s + q.waiting + q.delayed, 0)} queued`} testId="kpi-sync-failures" />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Revenue</CardTitle>
            <CardDescription>Paid invoices per {d.range.bucket}</CardDescription>
          </CardHeader>
          <CardContent>
            <RevenueChart data={d.series.revenue} currency={d.currency} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Growth</CardTitle>
            <CardDescription>Tenants and users at the end of each {d.range.bucket}</CardDescription>
          </CardHeader>
          <CardContent>
            <GrowthChart tenants={d.series.tenants} users={d.series.users} />
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-6">
        <TableCard
          title="Revenue by period"
          description="Paid invoices"
          file={`revenue-${d.range.from}-${d.range.to}.csv`}
          rows={d.series.revenue}
          rowKey={(r) => r.period}
          columns={[
            { id: 'period', header: 'Period', cell: (r) => r.period },
            { id: 'amount', header: 'Revenue', className: 'text-right', headerClassName: 'text-right', cell: (r) => money(r.amount) },
          ]}
          csv={{ header: ['period', 'revenue_minor_units', 'currency'], rows: d.series.revenue.map((r) => [r.period, r.amount, d.currency]) }}
        />
        <TableCard
          title="Growth by period"
          description="Totals at the end of each period"
          file={`growth-${d.range.from}-${d.range.to}.csv`}
          rows={growth}
          rowKey={(r) => r.period}
          columns={[
            { id: 'period', header: 'Period', cell: (r) => r.period },
            { id: 'tenants', header: 'Tenants', className: 'text-right', headerClassName: 'text-right', cell: (r) => formatNumber(r.tenants) },
            { id: 'users', header: 'Users', className: 'text-right', headerClassName: 'text-right', cell: (r) => formatNumber(r.users) },
          ]}
          csv={{ header: ['period', 'tenants', 'users'], rows: growth.map((r) => [r.period, r.tenants, r.users]) }}
        />
        <TableCard
          title="AI usage by tenant"
          description="Generations, tokens and estimated cost in the range"
          file={`ai-usage-${d.range.from}-${d.range.to}.csv`}
          rows={d.aiUsage.byTenant}
          rowKey={(r) => String(r.tenantId)}
          columns={[
            { id: 'slug', header: 'Tenant', cell: (r) => r.slug },
            { id: 'generations', header: 'Generations', className: 'text-right', headerClassName: 'text-right', cell: (r) => formatNumber(r.generations) },
            { id: 'tokens', header: 'Tokens', className: 'text-right', headerClassName: 'text-right', hideBelow: 'sm', cell: (r) => formatNumber(r.tokens) },
            { id: 'cost', header: 'Cost (USD)', className: 'text-right', headerClassName: 'text-right', cell: (r) => `$${r.costUsd.toFixed(4)}` },
          ]}
          csv={{ header: ['tenant_id', 'slug', 'generations', 'tokens', 'cost_usd'], rows: d.aiUsage.byTenant.map((r) => [r.tenantId, r.slug, r.generations, r.tokens, r.costUsd]) }}
        />
        <TableCard
          title="Subscriptions by MRR"
          description="Every subscription, largest first (top 50)"
          file={`subscriptions-${d.range.to}.csv`}
          rows={d.topTenants}
          rowKey={(r) => String(r.tenantId)}
          columns={[
            { id: 'slug', header: 'Tenant', cell: (r) => r.slug },
            { id: 'plan', header: 'Plan', cell: (r) => `${r.planKey} · ${r.status}` },
            { id: 'mrr', header: 'MRR', className: 'text-right', headerClassName: 'text-right', cell: (r) => money(r.mrr) },
            { id: 'users', header: 'Users', className: 'text-right', headerClassName: 'text-right', hideBelow: 'sm', cell: (r) => formatNumber(r.users) },
          ]}
          csv={{ header: ['tenant_id', 'slug', 'plan', 'status', 'mrr_minor_units', 'currency', 'users', 'accounts'], rows: d.topTenants.map((r) => [r.tenantId, r.slug, r.planKey, r.status, r.mrr, d.currency, r.users, r.accounts]) }}
        />
        <TableCard
          title="Queues"
          description="Background jobs right now (failed: kept 7 days)"
          file="queues.csv"
          rows={d.queues}
          rowKey={(r) => r.queue}
          columns={[
            { id: 'queue', header: 'Queue', cell: (r) => r.queue },
            { id: 'waiting', header: 'Waiting', className: 'text-right', headerClassName: 'text-right', cell: (r) => formatNumber(r.waiting + r.delayed) },
            { id: 'active', header: 'Active', className: 'text-right', headerClassName: 'text-right', cell: (r) => formatNumber(r.active) },
            { id: 'failed', header: 'Failed', className: 'text-right', headerClassName: 'text-right', cell: (r) => formatNumber(r.failed) },
          ]}
          csv={{ header: ['queue', 'waiting', 'delayed', 'active', 'failed'], rows: d.queues.map((r) => [r.queue, r.waiting, r.delayed, r.active, r.failed]) }}
        />
      </div>
    </div>
  );
}

/** The platform operator's overview: revenue, growth, churn, trials, AI spend, queues, live activity. */
export function DashboardPage() {
  const [range, setRange] = useState<DateRange>(() => lastDays(30));
  const [draft, setDraft] = useState<DateRange>(range);
  const dashboard = useDashboard(range);
  const refresh = useRefreshRollups();
  const invalid = !draft.from || !draft.to || draft.from > draft.to;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={dashboard.data?.rollupsRefreshedAt ? `Users, accounts and sync failures counted ${formatRelative(dashboard.data.rollupsRefreshedAt)}; billing is live.` : 'Revenue, growth and usage across every workspace.'}
        actions={
          <Button variant="outline" size="sm" onClick={() => refresh.mutate()} loading={refresh.isPending}>
            <RefreshCw /> Recount
          </Button>
        }
      />
      <form
        className="mb-6 flex flex-wrap items-end gap-3"
        aria-label="Date range"
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) setRange(draft);
        }}
      >
        <div className="grid gap-1.5">
          <Label htmlFor="range-from">From</Label>
          <Input id="range-from" type="date" value={draft.from} max={draft.to} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} className="w-40" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="range-to">To</Label>
          <Input id="range-to" type="date" value={draft.to} min={draft.from} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} className="w-40" />
        </div>
        <Button type="submit" disabled={invalid}>
          Apply
        </Button>
        <div className="flex flex-wrap gap-1" role="group" aria-label="Quick ranges">
          {PRESETS.map((p) => (
            <Button
              key={p.days}
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                const r = lastDays(p.days);
                setDraft(r);
                setRange(r);
              }}
            >
              {p.label}
            </Button>
          ))}
        </div>
      </form>
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <div className="min-w-0">
          {dashboard.isPending ? (
            <DashboardSkeleton />
          ) : dashboard.isError ? (
            <Card>
              <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
            </Card>
          ) : dashboard.data ? (
            <Figures d={dashboard.data} />
          ) : (
            <Card>
              <EmptyState icon={BarChart3} title="No figures" description="The API answered nothing for this range." />
            </Card>
          )}
        </div>
        <aside aria-label="Live activity">
          <LiveFeed />
        </aside>
      </div>
    </>
  );
}
