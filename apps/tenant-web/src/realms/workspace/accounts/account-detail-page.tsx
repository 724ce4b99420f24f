import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AlertTriangle, ArrowLeft, Globe, Images, RefreshCw, SearchX, ShieldAlert, Unplug } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/states';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/utils';
import { useAbility } from '../ability';
import { AccountAvatar, AccountStatusBadge, Stat, SyncProgressBar } from './account-bits';
import { EngagementChart, FollowersChart, ReachChart } from './account-charts';
import { DisconnectDialog } from './accounts-page';
import { AssignmentsCard } from './assignments-card';
import { ConnectErrorAlert, MissingScopesNotice } from './connect';
import { formatCount, lastSyncLabel } from './format';
import { ImportPostsDialog } from './import-posts-dialog';
import { MediaGrid, TopPosts, topPosts } from './media';
import { accountSubject, isNotFound, useAccount, useAccountMedia, useAccountSync, useConnectInstagram, useDisconnectAccount } from './queries';
import type { AccountDetail, MediaItem } from './types';
import { UpdateMetricsForm } from './update-metrics-form';
import { AccountAuditsCard } from '../audits/account-audits-card';

function BackLink() {
  return (
    <Button variant="ghost" size="sm" className="-ml-2 mb-4 text-zinc-500" asChild>
      <Link to="/accounts">
        <ArrowLeft /> All accounts
      </Link>
    </Button>
  );
}

function Section({
  title,
  description,
  action,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card className="gap-4" data-testid={testId}>
      <CardHeader>
        <h2 className="text-base font-semibold leading-tight tracking-tight">{title}</h2>
        {description ? <CardDescription>{description}</CardDescription> : null}
        {action ? <CardAction>{action}</CardAction> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function ChartSkeleton() {
  return <Skeleton className="h-60 w-full rounded-lg" aria-label="Loading" />;
}

function HeaderSkeleton() {
  return (
    <Card aria-busy="true" aria-label="Loading">
      <CardContent className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <Skeleton className="size-20 rounded-full" />
        <div className="grid flex-1 gap-2">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-4 w-72" />
        </div>
        <Skeleton className="h-9 w-32" />
      </CardContent>
    </Card>
  );
}

function ProfileHeader({ account }: { account: AccountDetail }) {
  const ability = useAbility();
  const navigate = useNavigate();
  const instance = accountSubject(account);
  const { refresh, progress } = useAccountSync(account);
  const connect = useConnectInstagram();
  const disconnect = useDisconnectAccount();
  const [confirming, setConfirming] = useState(false);

  const isInstagram = account.kind === 'instagram';
  const canSync = isInstagram && account.status !== 'reconnect_required' && account.status !== 'disconnected' && ability.can('sync', instance);
  const canReconnect = isInstagram && ability.can('connect', 'InstagramAccount') && ability.can('update', instance);
  const canDelete = ability.can('delete', instance);
  const redirecting = connect.isPending || connect.isSuccess;

  return (
    <>
      <Card className="gap-0 overflow-hidden pt-0" data-testid="account-header">
        <div className="brand-gradient h-20" aria-hidden="true" />
        <CardContent className="grid gap-5">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:gap-4">
            <AccountAvatar account={account} className="-mt-10 size-20 text-xl ring-4" />
            <div className="min-w-0 flex-1 sm:pt-3">
              <div className="flex flex-wrap items-center gap-2">
                <h1 className="truncate text-2xl font-semibold tracking-tight text-zinc-950">{account.name ?? `@${account.username}`}</h1>
                <AccountStatusBadge status={account.status} />
              </div>
              <p className="text-sm text-zinc-500">
                {account.name ? `@${account.username}` : isInstagram ? 'Instagram account' : 'Manual account'}
                {account.name && !isInstagram ? ' · manual account' : null}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2 sm:pt-3">
              {canSync ? (
                <Button onClick={() => refresh.mutate()} loading={refresh.isPending} disabled={progress.active}>
                  {refresh.isPending ? null : <RefreshCw />} Refresh now
                </Button>
              ) : null}
              {canDelete ? (
                <Button
                  variant="ghost"
                  className="text-zinc-500 hover:bg-red-50 hover:text-red-600"
                  onClick={() => {
                    disconnect.reset();
                    setConfirming(true);
                  }}
                >
                  <Unplug /> Disconnect
                </Button>
              ) : null}
            </div>
          </div>

          {account.biography || account.website ? (
            <div className="grid gap-1 text-sm">
              {account.biography ? <p className="max-w-2xl whitespace-pre-line text-zinc-700">{account.biography}</p> : null}
              {account.website ? (
                <a
                  href={/^https?:\/\//i.test(account.website) ? account.website : `https://${account.website}`}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="inline-flex w-fit items-center gap-1 text-brand hover:underline"
                >
                  <Globe className="size-3.5" aria-hidden="true" />
                  {account.website.replace(/^https?:\/\//i, '')}
                </a>
              ) : null}
            </div>
          ) : null}

          <dl className="grid grid-cols-2 gap-4 rounded-lg bg-zinc-50 p-4 sm:grid-cols-4">
            <Stat label="Followers" value={formatCount(account.followersCount)} />
            <Stat label="Following" value={formatCount(account.followsCount)} />
            <Stat label="Posts" value={formatCount(account.mediaCount)} />
            <div className="min-w-0">
              <dt className="text-xs text-zinc-500">Last sync</dt>
              <dd className="truncate text-sm font-semibold text-zinc-900" title={account.lastSyncAt ? formatDateTime(account.lastSyncAt) : undefined}>
                {lastSyncLabel(account.lastSyncAt)}
              </dd>
            </div>
          </dl>

          <SyncProgressBar progress={progress} />
          {account.lastSyncError && !progress.active ? (
            <p className="text-sm text-red-600" data-testid="last-sync-error">
              <AlertTriangle className="mr-1 inline size-4 align-text-bottom" aria-hidden="true" />
              Last sync failed: {account.lastSyncError}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <ConnectErrorAlert error={connect.error} onDismiss={() => connect.reset()} />
      {account.status === 'reconnect_required' ? (
        <Alert variant="warning" data-testid="reconnect-required">
          <AlertTriangle />
          <AlertTitle>Reconnect @{account.username} to resume syncing</AlertTitle>
          <AlertDescription>
            <p>Instagram access expired or was revoked. The history collected so far is kept; nothing new is synced until you reconnect.</p>
            {canReconnect ? (
              <Button size="sm" className="mt-2" onClick={() => connect.mutate(account.id)} loading={redirecting}>
                Reconnect
              </Button>
            ) : (
              <p>Ask a workspace owner, admin or the account’s manager to reconnect it.</p>
            )}
          </AlertDescription>
        </Alert>
      ) : (
        <MissingScopesNotice account={account} onReconnect={canReconnect ? () => connect.mutate(account.id) : undefined} reconnecting={redirecting} />
      )}

      <DisconnectDialog
        account={confirming ? account : null}
        onClose={() => setConfirming(false)}
        pending={disconnect.isPending}
        error={disconnect.error}
        onConfirm={(a) =>
          disconnect.mutate(a, {
            onSuccess: () => {
              setConfirming(false);
              navigate('/accounts', { replace: true });
            },
          })
        }
      />
    </>
  );
}

function MediaSections({ account, canImport }: { account: AccountDetail; canImport: boolean }) {
  const media = useAccountMedia(account.id);
  const isManual = account.kind === 'manual';

  const state = (render: (items: MediaItem[]) => ReactNode, skeleton: ReactNode): ReactNode =>
    media.data ? render(media.data.data) : skeleton;

  // Posts failed to load: one error (with one "Try again") instead of three.
  if (media.isError) {
    return (
      <Section title="Posts" testId="media-section">
        <ErrorState error={media.error} className="py-8" title="We could not load the posts" onRetry={() => void media.refetch()} />
      </Section>
    );
  }

  // No posts at all: one teaching empty state instead of three empty cards.
  if (media.data && media.data.data.length === 0) {
    return (
      <Section title="Posts" testId="media-section">
        <EmptyState
          icon={Images}
          className="py-8"
          title="No posts yet"
          description={
            isManual
              ? canImport
                ? 'Use “Import posts (CSV)” above to add this account’s posts. Engagement per post, top posts and the post grid appear here once they are in.'
                : 'Posts appear here once your team imports them.'
              : 'Posts appear after the first sync, with engagement per post and the top posts. Use “Refresh now” if it has been a while.'
          }
        />
      </Section>
    );
  }

  return (
    <>
      <Section title="Engagement per post" description="Engagement rate of each post, by the date it was published." testId="engagement-section">
        {state((items) => <EngagementChart media={items} />, <ChartSkeleton />)}
      </Section>
      <Section title="Top posts" description="The six posts with the highest engagement rate." testId="top-posts-section">
        {state(
          (items) => {
            const top = topPosts(items);
            if (top.length === 0)
              return (
                <EmptyState
                  icon={Images}
                  className="py-8"
                  title="No engagement rates yet"
                  description="None of these posts has an engagement rate yet, so they cannot be ranked."
                />
              );
            return <TopPosts posts={top} />;
          },
          <div className="grid gap-3 sm:grid-cols-3" aria-busy="true" aria-label="Loading">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-28 rounded-lg" />
            ))}
          </div>,
        )}
      </Section>
      <Section
        title="Posts"
        description={
          media.data
            ? `${media.data.data.length} most recent ${media.data.data.length === 1 ? 'post' : 'posts'}. “—” means Instagram does not provide that number.`
            : 'Most recent posts.'
        }
        testId="media-section"
      >
        {state(
          (items) => <MediaGrid media={items} />,
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-busy="true" aria-label="Loading">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="aspect-square rounded-lg" />
            ))}
          </div>,
        )}
      </Section>
    </>
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

      {canAssign ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <AssignmentsCard accountId={account.id} username={account.username} />
        </div>
      ) : null}
    </div>
  );
}

export function AccountDetailPage() {
  const { accountId = '' } = useParams();
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
