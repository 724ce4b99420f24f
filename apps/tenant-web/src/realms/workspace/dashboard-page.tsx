import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight, AtSign, CheckCircle2, Circle, MailWarning, Stethoscope, Users, type LucideIcon } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { api } from '@/lib/session';
import { cn, firstName } from '@/lib/utils';
import { useAbility } from './ability';
import { useResendVerification } from './resend-verification';
import { useCurrentMe } from './session';
import { invitationsQueryKey, membersQueryKey } from './team-queries';
import { DashboardAccounts } from './audits/dashboard-accounts';

interface Step {
  id: string;
  title: string;
  description: string;
  to: string;
  cta: string;
  icon: LucideIcon;
  done: boolean;
  loading?: boolean;
}

function Checklist({ steps }: { steps: Step[] }) {
  const done = steps.filter((s) => s.done).length;
  const pct = Math.round((done / steps.length) * 100);
  return (
    <Card>
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
            <li key={step.id} className="flex items-start gap-4 px-5 py-4">
              <span className="mt-0.5">
                {step.loading ? (
                  <Skeleton className="size-5 rounded-full" />
                ) : step.done ? (
                  <CheckCircle2 className="size-5 text-emerald-600" aria-label="Done" />
                ) : (
                  <Circle className="size-5 text-zinc-300" aria-label="To do" />
                )}
              </span>
              <div className="min-w-0 flex-1">
                <p className={cn('text-sm font-medium', step.done && 'text-zinc-400 line-through')}>{step.title}</p>
                <p className="mt-0.5 text-sm text-zinc-500">{step.description}</p>
              </div>
              {!step.done ? (
                <Button variant="outline" size="sm" asChild>
                  <Link to={step.to}>
                    <step.icon /> {step.cta}
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

export function DashboardPage() {
  const { user, workspace } = useCurrentMe();
  const ability = useAbility();
  const resend = useResendVerification(user.email);
  const canSeeTeam = ability.can('read', 'Member');
  const canSeeInvites = ability.can('read', 'Invitation');
  const canInvite = ability.can('invite', 'Member');
  const canConnect = ability.can('connect', 'InstagramAccount');

  const members = useQuery({
    queryKey: membersQueryKey,
    queryFn: ({ signal }) => api.call('GET /api/team/members', { signal }),
    enabled: canSeeTeam && canInvite,
  });
  const invitations = useQuery({
    queryKey: invitationsQueryKey,
    queryFn: ({ signal }) => api.call('GET /api/team/invitations', { signal }),
    enabled: canSeeInvites && canInvite,
  });

  const steps: Step[] = [];
  if (canConnect) {
    steps.push({
      id: 'connect',
      title: 'Connect an Instagram account',
      description: 'Link a professional account (or add one manually) so we can start collecting its history.',
      to: '/accounts',
      cta: 'Connect',
      icon: AtSign,
      done: false,
    });
    steps.push({
      id: 'audit',
      title: 'Run your first audit',
      description: 'See engagement, reach trends and a prioritised list of what to fix first.',
      to: '/audits',
      cta: 'Run audit',
      icon: Stethoscope,
      done: false,
    });
  }
  if (canInvite) {
    const teamLoading = members.isPending || (canSeeInvites && invitations.isPending);
    steps.push({
      id: 'invite',
      title: 'Invite your team',
      description: 'Bring in admins and managers, or give a client read-only access to their own accounts.',
      to: '/team',
      cta: 'Invite',
      icon: Users,
      loading: teamLoading && !members.isError,
      done: (members.data?.data.length ?? 0) > 1 || (invitations.data?.data.length ?? 0) > 0,
    });
  }

  return (
    <div className="grid gap-6">
      <section className="brand-gradient relative overflow-hidden rounded-2xl p-6 text-white shadow-sm sm:p-8" aria-labelledby="welcome-title">
        <div className="absolute -top-16 -right-16 size-56 rounded-full bg-white/10" aria-hidden="true" />
        <div className="absolute -right-4 -bottom-24 size-56 rounded-full bg-white/10" aria-hidden="true" />
        <p className="relative text-sm font-medium text-white/80">{workspace.name}</p>
        <h1 id="welcome-title" className="relative mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">
          Welcome, {firstName(user.name)}
        </h1>
        <p className="relative mt-2 max-w-xl text-white/85">
          {user.role === 'client'
            ? 'This is your portal. Your dashboards, audits, plans and reports will appear here as your team shares them.'
            : 'Here is where your accounts, audits, content and plans come together. Start with the checklist below.'}
        </p>
      </section>

      {!user.emailVerified ? (
        <Alert variant="warning" data-testid="verify-email-reminder">
          <MailWarning />
          <AlertTitle>Please verify your email address</AlertTitle>
          <AlertDescription>
            <p>
              We sent a link to <strong>{user.email}</strong>. Verifying makes sure password resets and reports reach you.
            </p>
            <Button size="sm" variant="outline" className="mt-2" loading={resend.isPending} onClick={() => resend.mutate()}>
              Resend verification
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      {ability.can('read', 'InstagramAccount') ? <DashboardAccounts /> : null}

      <div className="grid gap-6 lg:grid-cols-[1.6fr_1fr]">
        {steps.length > 0 ? (
          <Checklist steps={steps} />
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>Nothing to set up</CardTitle>
              <CardDescription>Your team is preparing your accounts. You will get an email when the first report is ready.</CardDescription>
            </CardHeader>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle>What you can do here</CardTitle>
            <CardDescription>InstaGrowth OS in four steps</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-4 text-sm">
              {[
                ['Audit', 'Find out what holds each account back, from its own numbers.'],
                ['Create', 'Write captions, hooks and reel scripts in the brand’s voice.'],
                ['Plan', 'Follow a day-by-day plan timed to when the audience is online.'],
                ['Report', 'Send branded reports that show the progress.'],
              ].map(([title, text], i) => (
                <li key={title} className="flex gap-3">
                  <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand/10 text-xs font-semibold text-brand">
                    {i + 1}
                  </span>
                  <div>
                    <p className="font-medium">{title}</p>
                    <p className="text-zinc-500">{text}</p>
                  </div>
                </li>
              ))}
            </ol>
            {canConnect ? (
              <Button variant="link" className="mt-3 px-0" asChild>
                <Link to="/accounts">
                  Start with your accounts <ArrowRight />
                </Link>
              </Button>
            ) : null}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
