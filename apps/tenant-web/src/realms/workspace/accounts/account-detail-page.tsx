import { Link, useParams } from 'react-router-dom';
import { ArrowLeft, SearchX, ShieldAlert } from 'lucide-react';
import { uuidParamSchema } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState, ErrorState } from '@/components/states';
import { ApiError } from '@/lib/api-client';
import { useAbility } from '../ability';
import { InAppNotFound } from '../not-found-page';
import { HeaderSkeleton, ProfileHeader } from './account-header';
import { MediaSections } from './account-posts';
import { ChartSkeleton, Section } from './account-section';
import { FollowersChart, ReachChart } from './account-charts';
import { AssignmentsCard } from './assignments-card';
import { ImportPostsDialog } from './import-posts-dialog';
import { accountSubject, isNotFound, useAccount } from './queries';
import type { AccountDetail } from './types';
import { UpdateMetricsForm } from './update-metrics-form';
import { AccountAuditsCard } from '../audits/account-audits-card';

function BackLink() {
  return (
    <Button variant="ghost" size="sm" className="-ml-2 mb-4 text-zinc-600" asChild>
      <Link to="/accounts">
        <ArrowLeft /> All accounts
      </Link>
    </Button>
  );
}

function AccountBody({ account }: { account: AccountDetail }) {
  const ability = useAbility();
  const instance = accountSubject(account);
  const isManual = account.kind === 'manual';
  const canUpdate = isManual && ability.can('update', instance);
  const canAssign = ability.can('assign', instance);

  return (
    <div className="grid gap-6">
      <ProfileHeader account={account} />

      {/* Who can see the account comes right after who it is, not after every post. */}
      {canAssign ? <AssignmentsCard accountId={account.id} username={account.username} /> : null}

      {canUpdate ? (
        <Section
          title="Update numbers"
          description="A manual account does not sync: type today’s numbers from the Instagram app, and import its posts from a CSV."
          action={<ImportPostsDialog accountId={account.id} username={account.username} />}
          testId="manual-section"
        >
          <UpdateMetricsForm key={account.id} account={account} />
        </Section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Followers over time" description="One point per day. Hollow amber points are estimates." testId="followers-section">
          <FollowersChart history={account.history} />
        </Section>
        <Section title="Reach per day" description="How many accounts saw this account’s content each day." testId="reach-section">
          <ReachChart history={account.history} manual={isManual} />
        </Section>
      </div>

      <AccountAuditsCard accountId={account.id} />

      <MediaSections account={account} canImport={canUpdate} />
    </div>
  );
}

export function AccountDetailPage() {
  const { accountId = '' } = useParams();
  // A malformed id cannot name any account: the not-found page, without asking the API.
  if (!uuidParamSchema.safeParse(accountId).success) return <InAppNotFound />;
  return <AccountLoader accountId={accountId} />;
}

function AccountLoader({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);

  if (account.isPending) {
    return (
      <>
        <BackLink />
        <div className="grid gap-6">
          <HeaderSkeleton />
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardContent>
                <ChartSkeleton />
              </CardContent>
            </Card>
            <Card>
              <CardContent>
                <ChartSkeleton />
              </CardContent>
            </Card>
          </div>
        </div>
      </>
    );
  }

  if (account.isError) {
    const error = account.error;
    return (
      <>
        <BackLink />
        <Card>
          {isNotFound(error) ? (
            <EmptyState
              icon={SearchX}
              title="Account not found"
              description="It may have been disconnected, or the link is wrong."
              action={
                <Button asChild>
                  <Link to="/accounts">Back to accounts</Link>
                </Button>
              }
            />
          ) : error instanceof ApiError && error.status === 403 ? (
            <EmptyState
              icon={ShieldAlert}
              title="You do not have access to this account"
              description="It is not assigned to you. Ask a workspace owner or admin if you need access."
            />
          ) : (
            <ErrorState error={error} title="We could not load this account" onRetry={() => void account.refetch()} />
          )}
        </Card>
      </>
    );
  }

  return (
    <>
      <BackLink />
      <AccountBody account={account.data} />
    </>
  );
}

export default AccountDetailPage;
