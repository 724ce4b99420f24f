import { Link } from 'react-router-dom';
import { ArrowRight, MailWarning } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { firstName } from '@/lib/utils';
import { useAbility } from '../ability';
import { OnboardingChecklist, useOnboardingSteps } from './onboarding-checklist';
import { useResendVerification } from '../resend-verification';
import { useCurrentMe } from '../session';
import { DashboardAccounts } from '../audits/dashboard-accounts';

const STAFF_STEPS = [
  ['Audit', 'Find out what holds each account back, from its own numbers.'],
  ['Create', 'Write captions, hooks and reel scripts in the brand’s voice.'],
  ['Plan', 'Follow a day-by-day plan timed to when the audience is online.'],
  ['Report', 'Send branded reports that show the progress.'],
] as const;

/** A client reads and approves; it does not write content or run audits. */
const CLIENT_STEPS = [
  ['Follow', 'See each of your accounts’ followers, reach and engagement, updated every day.'],
  ['Understand', 'Read the audits: what holds each account back and what to do first.'],
  ['Approve', 'Approve the content and plans your team sends, or ask for changes with a comment.'],
  ['Plan', 'See the day-by-day plan your team follows for each account.'],
] as const;

export function DashboardPage() {
  const { user, workspace } = useCurrentMe();
  const ability = useAbility();
  const resend = useResendVerification(user.email);
  const canConnect = ability.can('connect', 'InstagramAccount');
  const steps = useOnboardingSteps();

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
            : steps.every((s) => s.done)
              ? 'Here is where your accounts, audits, content and plans come together.'
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
          <OnboardingChecklist steps={steps} />
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
            <CardDescription>{user.role === 'client' ? 'Your portal in four steps' : 'InstaGrowth OS in four steps'}</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-4 text-sm">
              {(user.role === 'client' ? CLIENT_STEPS : STAFF_STEPS).map(([title, text], i) => (
                <li key={title} className="flex gap-3">
                  <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand/10 text-xs font-semibold text-brand-ink">
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
