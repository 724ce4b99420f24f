import { Link } from 'react-router-dom';
import { AtSign, CheckCircle2, Circle, MailCheck, Stethoscope, Users, type LucideIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/utils';
import { useAbility } from '../ability';
import { useAccounts } from '../accounts/queries';
import { useResendVerification } from '../resend-verification';
import { useCurrentMe } from '../session';
import { useDashboard } from '../audits/queries';
import { useInvitations, useMembers } from '../team/queries';

interface Step {
  id: string;
  title: string;
  description: string;
  to: string;
  cta: string;
  icon: LucideIcon;
  done: boolean;
  loading?: boolean;
  /** A button instead of a link (e.g. resend the verification mail). */
  onAction?: () => void;
  acting?: boolean;
}

/**
 * The steps this member can act on, each ticked from the workspace's real state: the e-mail is
 * verified, an account is connected or added, an account has an audit (the dashboard's latest
 * audit per account), someone else is in (or invited to) the team.
 */
export function useOnboardingSteps(): Step[] {
  const { user } = useCurrentMe();
  const ability = useAbility();
  const canConnect = ability.can('connect', 'InstagramAccount');
  const canInvite = ability.can('invite', 'Member');
  const canSeeInvites = ability.can('read', 'Invitation');
  const accounts = useAccounts(canConnect);
  const members = useMembers(canInvite && ability.can('read', 'Member'));
  const invitations = useInvitations(canInvite && canSeeInvites);
  const resend = useResendVerification(user.email);
  // The same query the dashboard's accounts table uses: one request, shared by TanStack Query.
  const dashboard = useDashboard();

  const steps: Step[] = [
    {
      id: 'verify',
      title: 'Verify your e-mail address',
      description: 'Password resets, invitations and reports reach you only at a verified address.',
      to: '/profile',
      cta: 'Resend link',
      icon: MailCheck,
      done: user.emailVerified,
      onAction: () => resend.mutate(),
      acting: resend.isPending,
    },
  ];
  if (canConnect) {
    steps.push({
      id: 'connect',
      title: 'Connect an Instagram account',
      description: 'Link a professional account (or add one manually) so we can start collecting its history.',
      to: '/accounts',
      cta: 'Connect',
      icon: AtSign,
      loading: accounts.isPending,
      done: (accounts.data?.data.length ?? 0) > 0,
    });
    steps.push({
      id: 'audit',
      title: 'Run your first audit',
      description: 'See engagement, reach trends and a prioritised list of what to fix first.',
      to: '/audits',
      cta: 'Run audit',
      icon: Stethoscope,
      loading: dashboard.isPending,
      done: (dashboard.data?.data ?? []).some((row) => row.latestAudit !== null),
    });
  }
  if (canInvite) {
    steps.push({
      id: 'invite',
      title: 'Invite your team',
      description: 'Bring in admins and managers, or give a client read-only access to their own accounts.',
      to: '/team',
      cta: 'Invite',
      icon: Users,
      loading: (members.isPending || (canSeeInvites && invitations.isPending)) && !members.isError,
      done: (members.data?.data.length ?? 0) > 1 || (invitations.data?.data.length ?? 0) > 0,
    });
  }
  return steps;
}

export function OnboardingChecklist({ steps }: { steps: Step[] }) {
  const done = steps.filter((s) => s.done).length;
  const pct = Math.round((done / steps.length) * 100);
  return (
    <Card data-testid="onboarding-checklist">
      <CardHeader>
        <CardTitle>Get set up</CardTitle>
        <CardDescription>
          {done === steps.length ? 'All done. Your workspace is ready to grow.' : `${done} of ${steps.length} steps complete`}
        </CardDescription>
        <div
          className="col-span-full mt-3 h-2 overflow-hidden rounded-full bg-zinc-100"
          role="progressbar"
          aria-label="Onboarding progress"
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div className="brand-gradient h-full rounded-full transition-all" style={{ width: `${Math.max(pct, 4)}%` }} />
        </div>
      </CardHeader>
      <CardContent className="px-0">
        <ol className="divide-y divide-zinc-100" aria-label="Onboarding checklist">
          {steps.map((step) => (
            <li key={step.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 px-5 py-4" data-testid={`step-${step.id}`} data-done={step.loading ? 'loading' : String(step.done)}>
              <span className="mt-0.5">
                {step.loading ? (
                  <Skeleton className="size-5 rounded-full" />
                ) : step.done ? (
                  <CheckCircle2 className="size-5 text-emerald-600" aria-hidden="true" />
                ) : (
                  <Circle className="size-5 text-zinc-500" aria-hidden="true" />
                )}
              </span>
              <div className="min-w-0 flex-1">
                <p className={cn('text-sm font-medium', step.done && 'text-zinc-600 line-through')}>
                  {step.title}
                  <span className="sr-only">{step.loading ? ' (checking)' : step.done ? ' (done)' : ' (to do)'}</span>
                </p>
                <p className="mt-0.5 text-sm text-zinc-500">{step.description}</p>
              </div>
              {!step.done && !step.loading && step.onAction ? (
                <Button variant="outline" size="sm" onClick={step.onAction} loading={step.acting}>
                  <step.icon aria-hidden="true" /> {step.cta}
                </Button>
              ) : !step.done && !step.loading ? (
                <Button variant="outline" size="sm" asChild>
                  <Link to={step.to}>
                    <step.icon aria-hidden="true" /> {step.cta}
                  </Link>
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
