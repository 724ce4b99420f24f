import { useState, type FormEvent } from 'react';
import { BadgeDollarSign, RefreshCw } from 'lucide-react';
import type { AdminCatalog } from '@instagrowth/contracts';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { Field } from '@/components/field';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toaster';
import { EmptyState, ErrorState, PageHeader } from '@/components/states';
import { ApiError } from '@/lib/api-client';
import { formatMoney } from '../dashboard/format';
import { useCatalog, useSavePlan, useSaveProduct, useSaveReferralTerms, useStripeSync } from './queries';

type Plan = AdminCatalog['plans'][number];
type Product = AdminCatalog['products'][number];

const toCents = (dollars: string) => Math.round(Number(dollars) * 100);
const toDollars = (cents: number) => (cents / 100).toFixed(2);
const fieldErrors = (error: unknown) => (error instanceof ApiError ? (error.fields ?? {}) : {});

function Check({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label htmlFor={id} className="flex items-center gap-2 text-sm text-zinc-800">
      <input id={id} type="checkbox" className="size-4 accent-brand" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function PlanEditor({ plan }: { plan: Plan }) {
  const save = useSavePlan();
  const [d, setD] = useState(() => ({
    ...plan,
    monthly: toDollars(plan.priceMonthly),
    yearly: toDollars(plan.priceYearly),
    seatsText: plan.seats === null ? '' : String(plan.seats),
    clientsText: plan.clientLogins === null ? '' : String(plan.clientLogins),
    featuresText: plan.features.join('\n'),
  }));
  const errors = fieldErrors(save.error);
  const id = (f: string) => `plan-${plan.key}-${f}`;
  const num = (f: keyof typeof d, label: string, hint?: string) => (
    <Field id={id(String(f))} label={label} error={errors[String(f)]} hint={hint}>
      <Input id={id(String(f))} inputMode="numeric" value={String(d[f] ?? '')} onChange={(e) => setD((o) => ({ ...o, [f]: e.target.value }))} />
    </Field>
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      {
        key: plan.key,
        body: {
          name: d.name,
          position: Number(d.position),
          currency: d.currency,
          priceMonthly: toCents(d.monthly),
          priceYearly: toCents(d.yearly),
          accounts: Number(d.accounts),
          aiCredits: Number(d.aiCredits),
          seats: d.seatsText.trim() === '' ? null : Number(d.seatsText),
          clientLogins: d.clientsText.trim() === '' ? null : Number(d.clientsText),
          customDomains: Number(d.customDomains),
          whiteLabel: d.whiteLabel,
          removePoweredBy: d.removePoweredBy,
          ownInstagramApp: d.ownInstagramApp,
          features: d.featuresText.split('\n').map((f) => f.trim()).filter(Boolean),
          active: d.active,
        },
      },
      { onSuccess: () => toast({ variant: 'success', title: `${d.name} saved` }) },
    );
  }
  return (
    <Card data-testid={`plan-${plan.key}`}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {plan.name} <Badge variant={plan.active ? 'success' : 'secondary'}>{plan.active ? 'On sale' : 'Hidden'}</Badge>
        </CardTitle>
        <CardDescription>
          {formatMoney(plan.priceMonthly, plan.currency)}/month · {formatMoney(plan.priceYearly, plan.currency)}/year · <code>{plan.key}</code>
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <ApiErrorAlert error={save.error} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={id('name')} label="Name" error={errors.name}>
              <Input id={id('name')} value={d.name} onChange={(e) => setD((o) => ({ ...o, name: e.target.value }))} />
            </Field>
            {num('position', 'Position', 'Order on the pricing page')}
            {num('monthly', 'Monthly price (USD)')}
            {num('yearly', 'Yearly price (USD)')}
            {num('accounts', 'Instagram accounts')}
            {num('aiCredits', 'AI credits per period')}
            {num('seatsText', 'Seats', 'Empty = unlimited')}
            {num('clientsText', 'Client logins', 'Empty = unlimited')}
            {num('customDomains', 'Custom domains')}
            <Field id={id('whiteLabel')} label="White label" error={errors.whiteLabel}>
              <select id={id('whiteLabel')} className="h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm" value={d.whiteLabel} onChange={(e) => setD((o) => ({ ...o, whiteLabel: e.target.value as Plan['whiteLabel'] }))}>
                <option value="no">Not available</option>
                <option value="addon">As an add-on</option>
                <option value="yes">Included</option>
              </select>
            </Field>
          </div>
          <Field id={id('features')} label="Feature lines (one per line)" error={errors.features}>
            <textarea id={id('features')} rows={4} className="rounded-lg border border-zinc-300 px-3 py-2 text-sm" value={d.featuresText} onChange={(e) => setD((o) => ({ ...o, featuresText: e.target.value }))} />
          </Field>
          <div className="flex flex-wrap gap-4">
            <Check id={id('active')} label="On sale (visible on the pricing page)" checked={d.active} onChange={(v) => setD((o) => ({ ...o, active: v }))} />
            <Check id={id('powered')} label='Removes "powered by"' checked={d.removePoweredBy} onChange={(v) => setD((o) => ({ ...o, removePoweredBy: v }))} />
            <Check id={id('ownapp')} label="Own Instagram app" checked={d.ownInstagramApp} onChange={(v) => setD((o) => ({ ...o, ownInstagramApp: v }))} />
          </div>
          <div>
            <Button type="submit" loading={save.isPending}>
              Save {plan.name}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function ProductEditor({ product }: { product: Product }) {
  const save = useSaveProduct();
  const [d, setD] = useState({ name: product.name, price: toDollars(product.price), credits: String(product.credits), description: product.description, active: product.active });
  const errors = fieldErrors(save.error);
  const id = (f: string) => `product-${product.key}-${f}`;
  return (
    <form
      className="grid gap-3 border-b border-zinc-100 py-4 last:border-0"
      data-testid={`product-${product.key}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ key: product.key, body: { name: d.name, price: toCents(d.price), credits: Number(d.credits), description: d.description, active: d.active } }, { onSuccess: () => toast({ variant: 'success', title: `${d.name} saved` }) });
      }}
    >
      <p className="text-sm font-medium text-zinc-900">
        {product.kind === 'one_time' ? 'One-time credit pack' : 'Monthly add-on'} · <code className="text-zinc-500">{product.key}</code>
      </p>
      <ApiErrorAlert error={save.error} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id('name')} label="Name" error={errors.name}>
          <Input id={id('name')} value={d.name} onChange={(e) => setD((o) => ({ ...o, name: e.target.value }))} />
        </Field>
        <Field id={id('price')} label={`Price (${product.currency.toUpperCase()})`} error={errors.price}>
          <Input id={id('price')} inputMode="decimal" value={d.price} onChange={(e) => setD((o) => ({ ...o, price: e.target.value }))} />
        </Field>
        <Field id={id('credits')} label="AI credits" error={errors.credits}>
          <Input id={id('credits')} inputMode="numeric" value={d.credits} onChange={(e) => setD((o) => ({ ...o, credits: e.target.value }))} />
        </Field>
      </div>
      <Field id={id('description')} label="Description" error={errors.description}>
        <Input id={id('description')} value={d.description} onChange={(e) => setD((o) => ({ ...o, description: e.target.value }))} />
      </Field>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Check id={id('active')} label="On sale" checked={d.active} onChange={(v) => setD((o) => ({ ...o, active: v }))} />
        <Button type="submit" size="sm" loading={save.isPending}>
          Save {product.name}
        </Button>
      </div>
    </form>
  );
}

function ReferralTerms({ terms }: { terms: AdminCatalog['referral'] }) {
  const save = useSaveReferralTerms();
  const [d, setD] = useState({ commissionPercent: String(terms.commissionPercent), holdDays: String(terms.holdDays) });
  const errors = fieldErrors(save.error);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Referral program</CardTitle>
        <CardDescription>Commission on every invoice a referred workspace pays, payable after the hold period (refunds reverse it).</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-wrap items-end gap-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(d, { onSuccess: () => toast({ variant: 'success', title: 'Referral terms saved' }) });
          }}
        >
          <Field id="referral-commission" label="Commission (%)" error={errors['values.referral.commissionPercent']}>
            <Input id="referral-commission" inputMode="decimal" className="w-32" value={d.commissionPercent} onChange={(e) => setD((o) => ({ ...o, commissionPercent: e.target.value }))} />
          </Field>
          <Field id="referral-hold" label="Hold period (days)" error={errors['values.referral.holdDays']}>
            <Input id="referral-hold" inputMode="numeric" className="w-32" value={d.holdDays} onChange={(e) => setD((o) => ({ ...o, holdDays: e.target.value }))} />
          </Field>
          <Button type="submit" loading={save.isPending}>
            Save terms
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

/** Plans (prices, limits, features, visibility), credit packs and add-ons, referral terms, Stripe sync. */
export function PlansPage() {
  const catalog = useCatalog();
  const sync = useStripeSync();
  return (
    <>
      <PageHeader
        title="Plans & products"
        description="Prices are in US dollars. A changed price becomes a new Stripe price; existing subscribers keep theirs until they change plan."
        actions={
          <Button variant="outline" size="sm" disabled={!catalog.data?.stripeConfigured} loading={sync.isPending} onClick={() => sync.mutate(undefined, { onSuccess: (r) => toast({ variant: 'success', title: `Stripe is up to date (${r.prices} prices)` }) })} title={catalog.data?.stripeConfigured ? undefined : 'Stripe is not configured'}>
            <RefreshCw /> Sync to Stripe
          </Button>
        }
      />
      <ApiErrorAlert error={sync.error} />
      {catalog.isPending ? (
        <div className="grid gap-4" role="status" aria-busy="true" aria-label="Loading">
          <Skeleton className="h-64" />
          <Skeleton className="h-64" />
        </div>
      ) : catalog.isError ? (
        <Card>
          <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />
        </Card>
      ) : catalog.data.plans.length === 0 ? (
        <Card>
          <EmptyState icon={BadgeDollarSign} title="No plans" description="The plans table is empty: run the migrations." />
        </Card>
      ) : (
        <div className="grid gap-6">
          {!catalog.data.stripeConfigured ? <p className="text-sm text-zinc-500">Stripe is not configured: plans are assigned by hand until the Stripe keys are saved in Settings.</p> : null}
          <div className="grid gap-6 lg:grid-cols-2">
            {catalog.data.plans.map((p) => (
              <PlanEditor key={p.key} plan={p} />
            ))}
          </div>
          <Card>
            <CardHeader>
              <CardTitle>Credit packs and add-ons</CardTitle>
              <CardDescription>One-time packs add AI credits that never lapse; add-ons bill monthly with the plan.</CardDescription>
            </CardHeader>
            <CardContent>
              {catalog.data.products.map((p) => (
                <ProductEditor key={p.key} product={p} />
              ))}
            </CardContent>
          </Card>
          <ReferralTerms terms={catalog.data.referral} />
        </div>
      )}
    </>
  );
}
