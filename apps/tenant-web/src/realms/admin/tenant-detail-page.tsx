import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, ExternalLink, UserRoundCog } from 'lucide-react';
import type { TenantDetail } from '@instagrowth/contracts';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorState, FullPageSkeleton, PageHeader } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { adminApi } from '@/lib/admin-session';
import { formatDate, formatDateTime } from '@/lib/utils';
import { InputField, SelectField } from './console-controls';
import { StatusBadge } from './status-badge';

const money = (minor: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(minor / 100);

/** A dialog with a small form, its pending state and the API's error. */
function ActionDialog({ label, title, description, submitLabel, onSubmit, children, destructive, variant = 'outline' }: {
  label: ReactNode;
  title: string;
  description: ReactNode;
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  children?: ReactNode;
  destructive?: boolean;
  variant?: 'outline' | 'destructive' | 'default';
}) {
  const [open, setOpen] = useState(false);
  const action = useMutation({ mutationFn: onSubmit, onSuccess: () => setOpen(false) });
  function submit(e: FormEvent) {
    e.preventDefault();
    action.mutate();
  }
  return (
    <>
      <Button variant={variant} size="sm" onClick={() => { action.reset(); setOpen(true); }}>
        {label}
      </Button>
      <Dialog open={open} onOpenChange={(next) => !action.isPending && setOpen(next)}>
        <DialogContent className="sm:max-w-md">
          <form onSubmit={submit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{title}</DialogTitle>
              <DialogDescription>{description}</DialogDescription>
            </DialogHeader>
            {children}
            <ApiErrorAlert error={action.error} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={action.isPending}>
                Cancel
              </Button>
              <Button type="submit" variant={destructive ? 'destructive' : 'default'} loading={action.isPending}>
                {submitLabel}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}

function ReasonField({ id, value, onChange, placeholder }: { id: string; value: string; onChange: (v: string) => void; placeholder: string }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Reason</Label>
      <textarea id={id} required minLength={5} maxLength={500} className="min-h-20 rounded-md border border-zinc-200 p-2 text-sm" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function TenantActions({ detail }: { detail: TenantDetail }) {
  const t = detail.tenant;
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'tenants'] });
  const [plan, setPlan] = useState(t.planKey ?? 'starter');
  const [planStatus, setPlanStatus] = useState<'active' | 'trialing'>('active');
  const [days, setDays] = useState('14');
  const [credits, setCredits] = useState('50');
  const [creditReason, setCreditReason] = useState('');
  const [grace, setGrace] = useState('14');
  const [deleteReason, setDeleteReason] = useState('');
  const [impReason, setImpReason] = useState('');
  const [statusOpen, setStatusOpen] = useState(false);
  const suspend = t.status === 'active';
  const statusChange = useMutation({
    mutationFn: () => adminApi.call('PUT /api/admin-panel/tenants/:id/status', { params: { id: t.id }, body: { status: suspend ? 'suspended' : 'active' } }),
    onSuccess: async () => {
      setStatusOpen(false);
      await refresh();
    },
  });
  const undo = useMutation({ mutationFn: () => adminApi.call('DELETE /api/admin-panel/tenants/:id/deletion', { params: { id: t.id } }), onSuccess: refresh });

  return (
    <div className="flex flex-wrap gap-2" data-testid="tenant-actions">
      <ActionDialog
        variant="default"
        label={<><UserRoundCog /> Impersonate</>}
        title={`Impersonate ${t.name}`}
        description="You will act as the workspace owner for at most 30 minutes in a new tab. Billing, passwords, e-mail and profile changes are blocked. Start and end are written to the audit log."
        submitLabel="Start impersonation"
        onSubmit={async () => {
          // Opened synchronously (before the await) so the browser treats it as the click's pop-up.
          const tab = window.open('about:blank', '_blank');
          try {
            const res = await adminApi.call('POST /api/admin-panel/tenants/:id/impersonate', { params: { id: t.id }, body: { reason: impReason } });
            if (tab) tab.location.href = res.url;
            else window.location.href = res.url;
            setImpReason('');
            await refresh();
          } catch (error) {
            tab?.close();
            throw error;
          }
        }}
      >
        <ReasonField id="impersonate-reason" value={impReason} onChange={setImpReason} placeholder="e.g. The owner asked us to check their planner (ticket #4312)" />
      </ActionDialog>

      <ActionDialog
        label="Change plan"
        title="Change plan"
        description="Assigns a plan by hand, without Stripe. Audited."
        submitLabel="Assign plan"
        onSubmit={async () => {
          await adminApi.call('PUT /api/admin-panel/tenants/:id/plan', { params: { id: t.id }, body: { plan: plan as 'starter', status: planStatus } });
          await refresh();
        }}
      >
        <SelectField id="assign-plan" label="Plan" value={plan} onChange={setPlan}>
          {['starter', 'pro', 'agency', 'enterprise'].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <SelectField id="assign-status" label="Status" value={planStatus} onChange={(v) => setPlanStatus(v as 'active' | 'trialing')}>
          <option value="active">Active</option>
          <option value="trialing">Trialing (14 days)</option>
        </SelectField>
      </ActionDialog>

      <ActionDialog
        label="Extend trial"
        title="Extend trial"
        description={`Moves the trial end by this many days from ${t.trialEndsAt ? `its current end (${formatDate(t.trialEndsAt)})` : 'today'}, or from today if it already ended.`}
        submitLabel="Extend trial"
        onSubmit={async () => {
          await adminApi.call('POST /api/admin-panel/tenants/:id/extend-trial', { params: { id: t.id }, body: { days: Number(days) } });
          await refresh();
        }}
      >
        <InputField id="trial-days" label="Days" type="number" min={1} max={365} required value={days} onChange={(e) => setDays(e.target.value)} />
      </ActionDialog>

      <ActionDialog
        label="Grant credits"
        title="Grant AI credits"
        description="A ledger adjustment on the workspace's pack credits (negative takes credits back, never below zero). The reason is stored on the entry and in the audit log."
        submitLabel="Grant credits"
        onSubmit={async () => {
          await adminApi.call('POST /api/admin-panel/tenants/:id/credits', { params: { id: t.id }, body: { amount: Number(credits), reason: creditReason } });
          setCreditReason('');
          await refresh();
        }}
      >
        <InputField id="credit-amount" label="Credits" type="number" required value={credits} onChange={(e) => setCredits(e.target.value)} />
        <ReasonField id="credit-reason" value={creditReason} onChange={setCreditReason} placeholder="e.g. Goodwill after the outage on 2 December" />
      </ActionDialog>

      {t.status === 'active' || t.status === 'suspended' ? (
        <>
          <Button variant="outline" size="sm" onClick={() => setStatusOpen(true)}>
            {suspend ? 'Suspend' : 'Reactivate'}
          </Button>
          <ConfirmDialog
            open={statusOpen}
            onOpenChange={setStatusOpen}
            title={suspend ? `Suspend ${t.name}?` : `Reactivate ${t.name}?`}
            description={suspend ? 'Every member and client is locked out at once. Data is kept; you can reactivate any time.' : 'Members and clients can sign in again right away.'}
            confirmLabel={suspend ? 'Suspend workspace' : 'Reactivate workspace'}
            destructive={suspend}
            pending={statusChange.isPending}
            error={statusChange.error}
            onConfirm={() => statusChange.mutate()}
          />
        </>
      ) : null}

      {t.deletionScheduledFor ? (
        <Button variant="outline" size="sm" onClick={() => undo.mutate()} loading={undo.isPending}>
          Undo deletion
        </Button>
      ) : (
        <ActionDialog
          variant="destructive"
          destructive
          label="Schedule deletion"
          title={`Delete ${t.name}?`}
          description="The workspace and all its data are deleted for good when the grace period ends. Until then you can undo it here."
          submitLabel="Schedule deletion"
          onSubmit={async () => {
            await adminApi.call('POST /api/admin-panel/tenants/:id/deletion', { params: { id: t.id }, body: { graceDays: Number(grace), reason: deleteReason } });
            setDeleteReason('');
            await refresh();
          }}
        >
          <InputField id="grace-days" label="Grace period (days)" type="number" min={1} max={90} required value={grace} onChange={(e) => setGrace(e.target.value)} />
          <ReasonField id="delete-reason" value={deleteReason} onChange={setDeleteReason} placeholder="e.g. The owner asked to close the account" />
        </ActionDialog>
      )}
      <ApiErrorAlert error={undo.error} />
    </div>
  );
}

function UsageBar({ label, used, limit }: { label: string; used: number; limit: number | null }) {
  const pct = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div data-testid={`usage-${label}`}>
      <div className="flex justify-between text-sm">
        <span className="text-zinc-600">{label}</span>
        <span className="font-medium text-zinc-900">
          {used} / {limit ?? '∞'}
        </span>
      </div>
      <div className="mt-1 h-1.5 rounded-full bg-zinc-100" aria-hidden="true">
        <div className="h-1.5 rounded-full bg-zinc-900" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Rows({ items, empty, children }: { items: unknown[]; empty: string; children: ReactNode }) {
  return items.length ? <ul className="divide-y divide-zinc-100 text-sm">{children}</ul> : <p className="text-sm text-zinc-500">{empty}</p>;
}

/** One workspace: plan, usage against limits, people, accounts, invoices, domains, audit trail, and every console action. */
export function TenantDetailPage() {
  const { id } = useParams();
  const detail = useQuery({
    queryKey: ['admin', 'tenants', 'detail', id],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/tenants/:id', { signal, params: { id: id! } }),
  });
  if (detail.isPending) return <FullPageSkeleton />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const t = d.tenant;
  return (
    <>
      <Link to="/tenants" className="mb-4 inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900">
        <ArrowLeft className="size-4" aria-hidden="true" /> All tenants
      </Link>
      <PageHeader
        title={t.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{t.slug}</span>
            <StatusBadge status={t.status} />
            {t.deletionScheduledFor ? <span data-testid="deletion-notice" className="text-red-700">Deletion scheduled for {formatDateTime(t.deletionScheduledFor)}</span> : null}
          </span>
        }
        actions={
          <Button variant="ghost" size="sm" asChild>
            <a href={t.url} target="_blank" rel="noreferrer">
              Open <ExternalLink />
            </a>
          </Button>
        }
      />
      <div className="mb-6">
        <TenantActions detail={d} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Plan and usage">
          <p className="mb-4 text-sm text-zinc-600" data-testid="tenant-plan">
            <span className="font-medium text-zinc-900">{d.plan.name}</span> · {d.plan.status}
            {d.plan.downgraded ? ' · downgraded' : ''}
            {t.trialEndsAt ? ` · trial ends ${formatDate(t.trialEndsAt)}` : ''}
          </p>
          <div className="grid gap-3">
            <UsageBar label="Instagram accounts" {...d.usage.accounts} />
            <UsageBar label="Seats" {...d.usage.seats} />
            <UsageBar label="Client logins" {...d.usage.clientLogins} />
            <UsageBar label="Custom domains" {...d.usage.customDomains} />
            <p className="text-sm text-zinc-600" data-testid="tenant-credits">
              AI credits: <span className="font-medium text-zinc-900">{d.usage.aiCredits.balance}</span> left (allowance {d.usage.aiCredits.allowance} per period)
            </p>
          </div>
        </Section>
        <Section title={`Users (${d.users.length})`}>
          <Rows items={d.users} empty="No users.">
            {d.users.map((u) => (
              <li key={u.id} className="flex justify-between gap-2 py-2">
                <span>
                  {u.name} <span className="text-zinc-500">{u.email}</span>
                </span>
                <span className="text-zinc-600">{u.role}</span>
              </li>
            ))}
          </Rows>
        </Section>
        <Section title={`Instagram accounts (${d.accounts.length})`}>
          <Rows items={d.accounts} empty="No accounts connected.">
            {d.accounts.map((a) => (
              <li key={a.id} className="flex justify-between gap-2 py-2">
                <span>@{a.username}</span>
                <span className="text-zinc-600">
                  {a.kind} · {a.status}
                </span>
              </li>
            ))}
          </Rows>
        </Section>
        <Section title="Invoices">
          <Rows items={d.invoices} empty="No invoices.">
            {d.invoices.map((i) => (
              <li key={i.id} className="flex justify-between gap-2 py-2">
                <span>{i.number ?? i.id}</span>
                <span className="text-zinc-600">
                  {money(i.amountDue, i.currency)} · {i.status} · {formatDate(i.createdAt)}
                </span>
              </li>
            ))}
          </Rows>
        </Section>
        <Section title="Domains">
          <Rows items={d.domains} empty="No custom domains.">
            {d.domains.map((dm) => (
              <li key={dm.hostname} className="flex justify-between gap-2 py-2">
                <span className="font-mono">{dm.hostname}</span>
                <span className="text-zinc-600">{dm.verified ? 'verified' : 'pending'}</span>
              </li>
            ))}
          </Rows>
        </Section>
        <Section title="Audit log">
          <Rows items={d.auditLog} empty="Nothing recorded yet.">
            {d.auditLog.map((e) => (
              <li key={e.id} className="py-2" data-testid="tenant-audit-entry">
                <span className="font-mono text-xs">{e.action}</span> <span className="text-zinc-600">by {e.actorEmail ?? e.actorType}</span>
                <span className="block text-xs text-zinc-500">{formatDateTime(e.createdAt)}</span>
              </li>
            ))}
          </Rows>
          <Link to={`/audit-log?tenantId=${t.id}`} className="mt-3 inline-block text-sm text-zinc-900 underline">
            Full audit log for this tenant
          </Link>
        </Section>
      </div>
    </>
  );
}
