import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CreditCard, ExternalLink } from 'lucide-react';
import type { BillingOverview } from '@instagrowth/contracts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { formatDate } from '@/lib/utils';
import { usePlans } from '../../root/pricing/queries';
import { Can } from '../ability';
import { money, useBilling, useCheckout, usePortal } from './queries';
import { UsageBar } from './usage-bar';

const STATUS: Record<string, { label: string; variant: 'success' | 'warning' | 'destructive' | 'secondary' | 'brand' }> = {
  active: { label: 'Active', variant: 'success' },
  trialing: { label: 'Trial', variant: 'brand' },
  past_due: { label: 'Payment failed', variant: 'warning' },
  unpaid: { label: 'Unpaid', variant: 'destructive' },
  canceled: { label: 'Canceled', variant: 'destructive' },
  incomplete: { label: 'Incomplete', variant: 'warning' },
  none: { label: 'No plan yet', variant: 'secondary' },
};

/** "1 account", "2,000 AI credits". */
const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

function PlanCard({ billing }: { billing: BillingOverview }) {
  // `none` with a real plan: the operator (or the workspace manifest) set the plan without a subscription.
  const status =
    billing.status === 'none' && billing.plan.key !== 'default'
      ? { label: 'Assigned by the platform', variant: 'secondary' as const }
      : (STATUS[billing.status] ?? { label: billing.status, variant: 'secondary' as const });
  const portal = usePortal();
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <span data-testid="billing-plan">{billing.plan.name}</span> plan
          <Badge variant={status.variant} data-testid="billing-status">
            {status.label}
          </Badge>
        </CardTitle>
        <CardDescription>
          {billing.trialEndsAt ? <span data-testid="trial-end">Trial ends {formatDate(billing.trialEndsAt)}. </span> : null}
          {billing.currentPeriodEnd ? `${billing.cancelAtPeriodEnd ? 'Ends' : 'Renews'} ${formatDate(billing.currentPeriodEnd)} (billed ${billing.interval === 'year' ? 'yearly' : 'monthly'}). ` : null}
          {billing.addons.extraAccounts ? `${billing.addons.extraAccounts} extra account${billing.addons.extraAccounts === 1 ? '' : 's'}. ` : null}
          {billing.addons.whiteLabel ? 'White-label add-on. ' : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {billing.status === 'past_due' && !billing.downgraded ? (
          <Alert variant="warning">
            <AlertTitle>The last payment failed</AlertTitle>
            <AlertDescription>Your plan stays active until {formatDate(billing.graceEndsAt)}. Update your card in the billing portal to keep it.</AlertDescription>
          </Alert>
        ) : null}
        {billing.downgraded ? (
          <Alert variant="destructive">
            <AlertTitle>Your workspace is on the {billing.plan.name} plan’s limits</AlertTitle>
            <AlertDescription>
              Nothing was deleted. {billing.readOnlyAccountIds.length ? `${billing.readOnlyAccountIds.length} account(s) over the limit are read-only ` : 'Everything comes back '}
              until the subscription is paid or you choose a plan.
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <UsageBar label="Instagram accounts" used={billing.usage.accounts.used} limit={billing.usage.accounts.limit} unit="accounts" />
          <UsageBar label="AI credits this period" used={billing.usage.aiCredits.used} limit={billing.usage.aiCredits.limit} unit="credits used" />
          <UsageBar label="Team seats" used={billing.usage.seats.used} limit={billing.usage.seats.limit} unit="seats" />
          <UsageBar label="Client logins" used={billing.usage.clientLogins.used} limit={billing.usage.clientLogins.limit} unit="client logins" />
        </div>
        <p className="text-sm text-zinc-600">AI credit balance: {billing.usage.aiCredits.balance} (period credits lapse at renewal; bought packs carry over).</p>
        <Can I="manage" a="Billing">
          {billing.stripeConfigured ? (
            <Button variant="outline" onClick={() => portal.mutate()} disabled={portal.isPending}>
              <CreditCard /> Cards, invoices and cancellation
            </Button>
          ) : null}
        </Can>
      </CardContent>
    </Card>
  );
}

function UpgradeCard({ billing }: { billing: BillingOverview }) {
  const [interval, setInterval] = useState<'month' | 'year'>(billing.interval);
  const plans = usePlans();
  const checkout = useCheckout();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Plans</CardTitle>
        <CardDescription>
          <button type="button" className="underline" onClick={() => setInterval(interval === 'month' ? 'year' : 'month')}>
            Show {interval === 'month' ? 'yearly' : 'monthly'} prices
          </button>
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {(plans.data?.plans ?? []).map((plan) => {
          const current = plan.key === billing.plan.key && !billing.downgraded && (billing.status === 'active' || billing.status === 'past_due');
          return (
            <div key={plan.key} className="rounded-xl border border-zinc-200 p-4" role="group" aria-label={`${plan.name} plan option`}>
              <p className="font-medium">{plan.name}</p>
              <p className="text-sm text-zinc-600">
                {money(interval === 'month' ? plan.priceMonthly : plan.priceYearly, plan.currency)} / {interval}
              </p>
              <p className="mt-1 text-xs text-zinc-500">
                {count(plan.accounts, 'account')} · {count(plan.aiCredits, 'AI credit')} · {plan.seats === null ? 'unlimited seats' : count(plan.seats, 'seat')}
              </p>
              <Can I="manage" a="Billing">
                <Button className="mt-3 w-full" size="sm" variant={current ? 'outline' : 'default'} disabled={current || checkout.isPending || !billing.stripeConfigured} onClick={() => checkout.mutate({ plan: plan.key as 'pro', interval })}>
                  {current ? 'Current plan' : `Choose ${plan.name}`}
                </Button>
              </Can>
            </div>
          );
        })}
        {!billing.stripeConfigured ? <p className="text-sm text-zinc-600 sm:col-span-2 lg:col-span-4">Online payment is not set up on this platform yet; ask the operator to assign a plan.</p> : null}
      </CardContent>
    </Card>
  );
}

function ProductsCard({ billing }: { billing: BillingOverview }) {
  const plans = usePlans();
  const checkout = useCheckout();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Credit packs and add-ons</CardTitle>
        <CardDescription>Packs add AI credits that never lapse; add-ons go on your subscription.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 sm:grid-cols-2">
        {(plans.data?.products ?? []).map((product) => (
          <div key={product.key} className="flex items-center justify-between gap-3 rounded-xl border border-zinc-200 p-4">
            <div>
              <p className="font-medium">{product.name}</p>
              <p className="text-sm text-zinc-600">
                {money(product.price, product.currency)} {product.kind === 'one_time' ? 'one-time' : 'per month'} · {product.description}
              </p>
            </div>
            <Can I="manage" a="Billing">
              <Button size="sm" variant="outline" disabled={checkout.isPending || !billing.stripeConfigured} onClick={() => checkout.mutate({ product: product.key as 'content_pack', quantity: 1 })}>
                {product.kind === 'one_time' ? 'Buy' : 'Add'}
              </Button>
            </Can>
          </div>
        ))}
      </CardContent>
    </Card>
  );
}

function InvoicesCard({ billing }: { billing: BillingOverview }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Invoices</CardTitle>
      </CardHeader>
      <CardContent>
        {billing.invoices.length === 0 ? (
          <p className="text-sm text-zinc-600">No invoices yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Number</TableHead>
                <TableHead>Date</TableHead>
                <TableHead>Period</TableHead>
                <TableHead>Amount</TableHead>
                <TableHead>Status</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {billing.invoices.map((invoice) => (
                <TableRow key={invoice.id} data-testid="invoice-row">
                  <TableCell>{invoice.number ?? '—'}</TableCell>
                  <TableCell>{formatDate(invoice.createdAt)}</TableCell>
                  <TableCell>
                    {formatDate(invoice.periodStart)} – {formatDate(invoice.periodEnd)}
                  </TableCell>
                  <TableCell>{money(invoice.status === 'paid' ? invoice.amountPaid : invoice.amountDue, invoice.currency)}</TableCell>
                  <TableCell>
                    <Badge variant={invoice.status === 'paid' ? 'success' : invoice.status === 'open' ? 'warning' : 'secondary'}>{invoice.status}</Badge>
                  </TableCell>
                  <TableCell>
                    {invoice.hostedInvoiceUrl ? (
                      <a className="inline-flex items-center gap-1 text-sm underline" href={invoice.hostedInvoiceUrl} target="_blank" rel="noreferrer">
                        View <ExternalLink className="size-3" />
                      </a>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

/** The owner's billing page: plan, trial end, usage bars, upgrade, packs, portal and invoices. */
export function BillingPage() {
  const [params] = useSearchParams();
  const returned = params.get('checkout') === 'success';
  const billing = useBilling(returned);
  return (
    <div className="space-y-6">
      <PageHeader title="Billing" description="Your plan, what you use of it, and your invoices." />
      {returned ? (
        <Alert variant="success">
          <AlertTitle>Thank you: payment received</AlertTitle>
          <AlertDescription>Stripe confirms payments to us within seconds; this page updates by itself.</AlertDescription>
        </Alert>
      ) : null}
      {billing.isPending ? <TableSkeleton rows={6} /> : null}
      {billing.isError ? <ErrorState error={billing.error} onRetry={() => void billing.refetch()} /> : null}
      {billing.data ? (
        <>
          <PlanCard billing={billing.data} />
          <UpgradeCard billing={billing.data} />
          <ProductsCard billing={billing.data} />
          <InvoicesCard billing={billing.data} />
        </>
      ) : null}
    </div>
  );
}
