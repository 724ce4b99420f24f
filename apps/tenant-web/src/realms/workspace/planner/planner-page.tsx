import { useState } from 'react';
import { AtSign, CalendarDays } from 'lucide-react';
import { asSubject } from '@instagrowth/authz';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState, ErrorState, PageHeader } from '@/components/states';
import { useAbility } from '../ability';
import { useAccounts } from '../accounts/queries';
import { AccountPicker, useDefaultAccount } from '../content/account-picker';
import { PlanView } from './plan-view';
import { useCreatePlan, usePlan, usePlans } from './queries';

/** /planner: build a 7/14/30-day plan for an account and work through it. */
export function PlannerPage() {
  const ability = useAbility();
  const accounts = useAccounts();
  const noAccounts = Boolean(accounts.data && !accounts.data.data.length);
  const [picked, setPicked] = useState<string>();
  const accountId = useDefaultAccount(picked);
  const plans = usePlans(accountId);
  const [chosen, setChosen] = useState<string>();
  const planId = chosen && plans.data?.data.some((p) => p.id === chosen) ? chosen : plans.data?.data[0]?.id;
  const plan = usePlan(planId);
  const create = useCreatePlan(accountId ?? '');
  const canCreate = accountId ? ability.can('create', asSubject('Plan', { accountId })) : false;
  return (
    <div>
      <PageHeader
        title="Growth planner"
        description="Daily tasks, best posting times and weekly goals from this account’s own results."
        actions={
          <>
            <AccountPicker value={accountId} onChange={(id) => (setPicked(id), setChosen(undefined))} />
            {canCreate
              ? ([7, 14, 30] as const).map((days) => (
                  <Button key={days} size="sm" variant={days === 30 ? 'default' : 'outline'} loading={create.isPending && create.variables === days} onClick={() => create.mutate(days, { onSuccess: (p) => setChosen(p.id) })}>
                    {days}-day plan
                  </Button>
                ))
              : null}
          </>
        }
      />
      {create.error ? <ApiErrorAlert error={create.error} className="mb-4" /> : null}
      {plans.data && plans.data.data.length > 1 ? (
        <div className="mb-4 flex items-center gap-2 text-sm">
          <label htmlFor="plan-picker">Plan</label>
          <select id="plan-picker" className="h-9 rounded-md border border-zinc-200 px-2" value={planId} onChange={(e) => setChosen(e.target.value)}>
            {plans.data.data.map((p) => (
              <option key={p.id} value={p.id}>
                {p.days} days from {p.startDate} ({p.progress.done}/{p.progress.total})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {plans.isLoading || plan.isLoading ? <Skeleton className="h-96 w-full" aria-label="Loading" /> : null}
      {plans.error ? <ErrorState error={plans.error} onRetry={() => plans.refetch()} /> : null}
      {plan.error ? <ErrorState error={plan.error} onRetry={() => plan.refetch()} /> : null}
      {noAccounts ? (
        <EmptyState
          icon={AtSign}
          title="No accounts yet"
          description={ability.can('connect', 'InstagramAccount') ? 'Add or connect an Instagram account first; a plan is built for one account at a time from its own history.' : 'No Instagram account has been shared with you yet.'}
        />
      ) : plans.data && !plans.data.data.length ? (
        <EmptyState icon={CalendarDays} title="No plan yet" description={canCreate ? 'Build a 7, 14 or 30-day plan: it places posts on this account’s best hours and sets weekly goals from its baselines.' : 'Your agency has not shared a plan for this account yet.'} />
      ) : null}
      {plan.data ? <PlanView plan={plan.data} /> : null}
    </div>
  );
}
