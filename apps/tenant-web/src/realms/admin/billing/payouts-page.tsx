import { useState } from 'react';
import { HandCoins } from 'lucide-react';
import { COMMISSION_STATUSES } from '@instagrowth/contracts';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { DataTable } from '@/components/data-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { EmptyState, PageHeader } from '@/components/states';
import { formatDate } from '@/lib/utils';
import { downloadCsv } from '../dashboard/csv';
import { formatMoney } from '../dashboard/format';
import { useMarkPaid, usePayouts } from './queries';

type Status = (typeof COMMISSION_STATUSES)[number];
const VARIANT: Record<Status, 'secondary' | 'warning' | 'success' | 'destructive'> = { pending: 'secondary', payable: 'warning', paid: 'success', reversed: 'destructive' };

/** Referral commissions across workspaces; payable ones are marked paid once the money went out. */
export function PayoutsPage() {
  const [status, setStatus] = useState<Status | undefined>('payable');
  const payouts = usePayouts(status);
  const markPaid = useMarkPaid();
  const rows = payouts.data?.data;
  return (
    <>
      <PageHeader
        title="Referral payouts"
        description="Commissions become payable after the hold period. Pay them outside the platform, then mark them paid here."
        actions={
          <Button variant="outline" size="sm" disabled={!rows?.length} onClick={() => downloadCsv(`payouts-${status ?? 'all'}.csv`, ['id', 'referrer', 'referred', 'invoice', 'amount_minor_units', 'currency', 'status', 'payable_at', 'paid_at'], (rows ?? []).map((r) => [r.id, r.referrerSlug, r.referredSlug, r.invoiceId, r.amount, r.currency, r.status, r.payableAt, r.paidAt]))}>
            Export CSV
          </Button>
        }
      />
      <div className="mb-4 flex items-center gap-2">
        <Label htmlFor="payout-status">Status</Label>
        <select id="payout-status" className="h-9 rounded-lg border border-zinc-300 bg-white px-3 text-sm" value={status ?? ''} onChange={(e) => setStatus((e.target.value || undefined) as Status | undefined)}>
          <option value="">All</option>
          {COMMISSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <ApiErrorAlert error={markPaid.error} />
      <Card>
        <CardContent className="p-0">
          <DataTable
            label="Referral commissions"
            rows={rows}
            loading={payouts.isPending}
            error={payouts.error}
            onRetry={() => void payouts.refetch()}
            rowKey={(r) => r.id}
            empty={<EmptyState icon={HandCoins} title="Nothing here" description={status ? `No ${status} commissions.` : 'No referral commissions yet.'} />}
            columns={[
              { id: 'referrer', header: 'Referrer', cell: (r) => r.referrerSlug ?? '—' },
              { id: 'referred', header: 'Referred', hideBelow: 'sm', cell: (r) => r.referredSlug ?? '—' },
              { id: 'amount', header: 'Amount', className: 'text-right', headerClassName: 'text-right', cell: (r) => formatMoney(r.amount, r.currency) },
              { id: 'status', header: 'Status', cell: (r) => <Badge variant={VARIANT[r.status]}>{r.status}</Badge> },
              { id: 'payable', header: 'Payable', hideBelow: 'md', cell: (r) => (r.paidAt ? `paid ${formatDate(r.paidAt)}` : formatDate(r.payableAt)) },
              {
                id: 'action',
                header: 'Action',
                srOnlyHeader: true,
                cell: (r) =>
                  r.status === 'payable' ? (
                    <Button size="sm" variant="outline" loading={markPaid.isPending && markPaid.variables === r.id} onClick={() => markPaid.mutate(r.id)}>
                      Mark paid
                    </Button>
                  ) : null,
              },
            ]}
          />
        </CardContent>
      </Card>
    </>
  );
}
