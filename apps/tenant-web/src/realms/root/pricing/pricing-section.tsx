import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Check } from 'lucide-react';
import type { Plan } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/states';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/utils';
import { HIGHLIGHTED_PLAN, PLAN_TAGLINES } from '../plans';
import { formatPrice, usePlans } from './queries';

type Interval = 'month' | 'year';

function planLines(plan: Plan): string[] {
  const seats = plan.seats === null ? 'Unlimited seats' : `${plan.seats} seat${plan.seats === 1 ? '' : 's'}`;
  const clients = plan.clientLogins === null ? ' + unlimited client logins' : plan.clientLogins ? ' + client logins' : '';
  const whiteLabel = plan.whiteLabel === 'yes' ? (plan.customDomains ? 'White-label + custom domains' : 'White-label included') : plan.whiteLabel === 'addon' ? 'White-label add-on' : 'No white-label';
  return [
    `${plan.accounts} Instagram account${plan.accounts === 1 ? '' : 's'}`,
    `${plan.aiCredits.toLocaleString('en-US')} AI generations / month`,
    seats + clients,
    whiteLabel,
  ];
}

/** Plans from the API with a monthly / yearly toggle; each card starts a sign-up with that plan. */
export function PricingSection() {
  const [interval, setInterval] = useState<Interval>('month');
  const plans = usePlans();
  return (
    <div>
      <div className="flex justify-center">
        <div role="radiogroup" aria-label="Billing interval" className="inline-flex rounded-full border border-zinc-200 bg-white p-1 text-sm">
          {(['month', 'year'] as const).map((value) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={interval === value}
              onClick={() => setInterval(value)}
              className={cn('rounded-full px-4 py-1.5 transition', interval === value ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:text-zinc-900')}
            >
              {value === 'month' ? 'Monthly' : 'Yearly (2 months free)'}
            </button>
          ))}
        </div>
      </div>
      {plans.isError ? <ErrorState className="mt-10" error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      <div className="mt-10 grid gap-5 md:grid-cols-2 lg:grid-cols-4" role="list" aria-label="Plans">
        {plans.isPending
          ? [0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-96 rounded-2xl" />)
          : (plans.data?.plans ?? []).map((plan) => {
              const highlight = plan.key === HIGHLIGHTED_PLAN;
              const price = interval === 'month' ? plan.priceMonthly : plan.priceYearly;
              return (
                <div
                  key={plan.key}
                  role="listitem"
                  aria-label={`${plan.name} plan`}
                  className={cn('relative flex flex-col rounded-2xl border bg-white p-6 shadow-xs', highlight ? 'border-brand shadow-lg shadow-brand/10 ring-1 ring-brand' : 'border-zinc-200')}
                >
                  {highlight ? (
                    <Badge className="absolute -top-3 left-6" variant="default">
                      Most popular
                    </Badge>
                  ) : null}
                  <h3 className="text-lg font-semibold">{plan.name}</h3>
                  <p className="mt-1 text-sm text-zinc-500">{PLAN_TAGLINES[plan.key] ?? ''}</p>
                  <p className="mt-5 flex items-baseline gap-1">
                    <span className="text-4xl font-semibold tracking-tight" data-testid={`price-${plan.key}`}>
                      {formatPrice(price, plan.currency)}
                    </span>
                    <span className="text-sm text-zinc-500">/ {interval}</span>
                  </p>
                  <ul className="mt-6 flex-1 space-y-2.5 text-sm">
                    {planLines(plan).map((line) => (
                      <li key={line} className="flex items-start gap-2.5">
                        <Check className="mt-0.5 size-4 shrink-0 text-brand" />
                        {line}
                      </li>
                    ))}
                  </ul>
                  <Button className="mt-7 w-full" variant={highlight ? 'default' : 'outline'} asChild>
                    <Link to={`/signup?plan=${plan.key}`}>Choose {plan.name}</Link>
                  </Button>
                </div>
              );
            })}
      </div>
      {plans.data?.products.length ? (
        <div className="mt-10 rounded-2xl border border-zinc-200 bg-white p-6">
          <h3 className="text-sm font-semibold">One-time products and add-ons</h3>
          <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {plans.data.products.map((product) => (
              <div key={product.key}>
                <dt className="text-sm text-zinc-600">{product.name}</dt>
                <dd className="mt-0.5 text-sm">
                  <span className="font-semibold">{formatPrice(product.price, product.currency)}</span>{' '}
                  <span className="text-zinc-500">{product.kind === 'one_time' ? 'one-time' : 'per month'}</span>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
