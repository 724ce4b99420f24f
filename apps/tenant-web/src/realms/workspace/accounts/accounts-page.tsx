import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ArrowRight, AtSign, CalendarClock, History, KeyRound, Plus, RefreshCw, Stethoscope, Unplug, UserPen } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toaster';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EmptyState, ErrorState, PageHeader } from '@/components/states';
import { cn } from '@/lib/utils';
import { useAbility } from '../ability';
import { AccountAvatar, AccountStatusBadge, Stat, SyncProgressBar } from './account-bits';
import { ConnectErrorAlert, MissingScopesNotice, OAuthErrorAlert } from './connect';
import { formatCompact, formatCount, lastSyncLabel } from './format';
import { ManualAccountDialog } from './manual-account-dialog';
import { accountSubject, useAccounts, useAccountSync, useConnectInstagram, useDisconnectAccount } from './queries';
import type { AccountListResponse, AccountSummary } from './types';

type OAuthNotice = { kind: 'connected'; accountId: string } | { kind: 'error'; code: string; message: string | null };

/** Reads `?connected=<id>` or `?error=<code>&message=<text>` once, then cleans the address bar. */
function useOAuthReturn(): [OAuthNotice | null, () => void] {
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<OAuthNotice | null>(null);
  const handled = useRef<string | null>(null);

  useEffect(() => {
    const connected = params.get('connected');
    const error = params.get('error');
    if (!connected && !error) return;
    const key = params.toString();
    if (handled.current === key) return;
    handled.current = key;
    if (connected) {
      setNotice({ kind: 'connected', accountId: connected });
      toast({ variant: 'success', title: 'Instagram account connected', description: 'We are importing its profile, posts and insights now.' });
    } else if (error) {
      setNotice({ kind: 'error', code: error, message: params.get('message') });
    }
    const next = new URLSearchParams(params);
    for (const name of ['connected', 'error', 'message', 'error_description']) next.delete(name);
    setParams(next, { replace: true });
  }, [params, setParams]);

  return [notice, () => setNotice(null)];
}

function LimitText({ limit }: { limit: AccountListResponse['limit'] }) {
  const full = limit.used >= limit.max;
  return (
    <span
      data-testid="account-limit"
      className={cn(
        'rounded-full border px-3 py-1 text-xs font-medium tabular-nums',
        full ? 'border-amber-200 bg-amber-50 text-amber-800' : 'border-zinc-200 bg-white text-zinc-600',
      )}
      title={full ? 'Your plan’s account limit is reached' : 'Accounts used on your plan'}
    >
      {limit.used} of {limit.max} accounts
    </span>
  );
}

function AccountCard({
  account,
  onReconnect,
  reconnecting,
  onDisconnect,
}: {
  account: AccountSummary;
  onReconnect: (account: AccountSummary) => void;
  reconnecting: boolean;
  onDisconnect: (account: AccountSummary) => void;
}) {
  const ability = useAbility();
  const instance = accountSubject(account);
  const { refresh, progress } = useAccountSync(account);
  const isInstagram = account.kind === 'instagram';
  const canSync = isInstagram && account.status !== 'reconnect_required' && account.status !== 'disconnected' && ability.can('sync', instance);
  const canReconnect =
    isInstagram &&
    (account.status === 'reconnect_required' || account.status === 'disconnected') &&
    ability.can('connect', 'InstagramAccount') &&
    ability.can('update', instance);
  const canDelete = ability.can('delete', instance);
  const href = `/accounts/${encodeURIComponent(account.id)}`;

  return (
    <Card className="h-full gap-4" data-testid="account-card">
      <CardContent className="grid flex-1 grid-cols-[minmax(0,1fr)] content-start gap-4">
        <div className="flex items-center gap-3">
          <AccountAvatar account={account} />
          <div className="grid min-w-0 flex-1 gap-1">
            <Link
              to={href}
              title={`@${account.username}`}
              className="truncate font-semibold text-zinc-950 hover:text-brand-ink focus-visible:underline focus-visible:outline-none"
            >
              @{account.username}
            </Link>
            <div className="flex min-w-0 items-center gap-2">
              <AccountStatusBadge status={account.status} />
              <span className="truncate text-sm text-zinc-500">{account.name ?? (isInstagram ? 'Instagram account' : 'Manual account')}</span>
            </div>
          </div>
        </div>
        <dl className="grid grid-cols-[1fr_1fr_1.5fr] gap-3 rounded-lg bg-zinc-50 px-3 py-2.5">
          <Stat label="Followers" value={formatCompact(account.followersCount)} />
          <Stat label="Posts" value={formatCompact(account.mediaCount)} />
          <Stat label="Last sync" value={lastSyncLabel(account.lastSyncAt)} />
        </dl>
        <span className="sr-only">{formatCount(account.followersCount)} followers</span>
        {account.lastSyncError && !progress.active ? (
          <p className="line-clamp-2 text-xs text-red-600" title={account.lastSyncError}>
            Last sync failed: {account.lastSyncError}
          </p>
        ) : account.status === 'reconnect_required' ? (
          <p className="text-xs text-amber-800">Instagram access expired or was revoked. Reconnect to resume syncing.</p>
        ) : null}
        {account.status !== 'reconnect_required' && account.missingScopes.length > 0 ? (
          <p className="flex items-start gap-1.5 text-xs text-amber-800">
            <KeyRound className="mt-px size-3.5 shrink-0" aria-hidden="true" /> Some permissions are missing: {account.featuresNeedingReconnect.join(', ') || account.missingScopes.join(', ')}
          </p>
        ) : null}
        <SyncProgressBar progress={progress} />
      </CardContent>
      <div className="flex flex-wrap items-center gap-1.5 border-t border-zinc-100 px-5 pt-4">
        <Button variant="ghost" size="sm" asChild>
          <Link to={href} aria-label={`Details for @${account.username}`}>
            Details <ArrowRight />
          </Link>
        </Button>
        <div className="ml-auto flex flex-wrap items-center gap-1.5">
          {canSync ? (
            <Button
              variant="outline"
              size="sm"
              onClick={() => refresh.mutate()}
              disabled={progress.active}
              loading={refresh.isPending}
              aria-label={`Refresh @${account.username}`}
            >
              {refresh.isPending ? null : <RefreshCw />} Refresh
            </Button>
          ) : null}
          {canReconnect ? (
            <Button size="sm" onClick={() => onReconnect(account)} loading={reconnecting} aria-label={`Reconnect @${account.username}`}>
              Reconnect
            </Button>
          ) : null}
          {canDelete ? (
            <Button
              variant="ghost"
              size="icon"
              className="size-8 text-zinc-500 hover:bg-red-50 hover:text-red-600"
              onClick={() => onDisconnect(account)}
              aria-label={`Disconnect @${account.username}`}
              title="Disconnect"
            >
              <Unplug />
            </Button>
          ) : null}
        </div>
      </div>
    </Card>
  );
}

function CardsSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" role="status" aria-busy="true" aria-label="Loading">
      {Array.from({ length: 3 }, (_, i) => (
        <Card key={i} className="gap-4">
          <CardContent className="grid gap-4">
            <div className="flex items-center gap-3">
              <Skeleton className="size-11 rounded-full" />
              <div className="grid flex-1 gap-2">
                <Skeleton className="h-4 w-32" />
                <Skeleton className="h-3 w-20" />
              </div>
              <Skeleton className="h-5 w-20 rounded-full" />
            </div>
            <Skeleton className="h-14 w-full rounded-lg" />
            <div className="flex justify-end gap-2">
              <Skeleton className="h-8 w-20" />
              <Skeleton className="h-8 w-24" />
            </div>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}

const BENEFITS = [
  { icon: History, title: 'History that builds itself', text: 'Followers, reach and posts saved every day, so you can see trends instead of a single snapshot.' },
  { icon: Stethoscope, title: 'Audits from real numbers', text: 'Engagement, consistency and format mix computed from the account’s own posts and insights.' },
  { icon: CalendarClock, title: 'Best times to post', text: 'When this audience is actually online, from its engagement by weekday and hour.' },
];

function TeachingEmptyState({ canConnect }: { canConnect: boolean }) {
  if (!canConnect) {
    return (
      <Card>
        <EmptyState
          icon={AtSign}
          title="No accounts shared with you yet"
          description="When your team connects an Instagram account and gives you access, its profile, posts and growth appear here."
        />
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden py-0" data-testid="accounts-empty">
      <CardContent className="grid gap-0 p-0 md:grid-cols-[1fr_1.3fr]">
        <div className="brand-gradient flex flex-col justify-center gap-3 p-8 text-white">
          <span className="flex size-12 items-center justify-center rounded-2xl bg-white/15">
            <AtSign className="size-6" aria-hidden="true" />
          </span>
          <h2 className="text-xl font-semibold tracking-tight">Connect your first Instagram account</h2>
          <p className="text-sm text-white/85">
            Use <strong>Connect Instagram</strong> above to sign in with an Instagram professional account (Business or Creator). It takes a
            minute and you can disconnect at any time.
          </p>
        </div>
        <div className="grid gap-5 p-8">
          <h3 className="text-sm font-semibold text-zinc-900">What connecting gives you</h3>
          <ul className="grid gap-4">
            {BENEFITS.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-3 text-sm">
                <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-brand/10 text-brand-ink">
                  <Icon className="size-4" aria-hidden="true" />
                </span>
                <span>
                  <span className="block font-medium text-zinc-900">{title}</span>
                  <span className="text-zinc-500">{text}</span>
                </span>
              </li>
            ))}
          </ul>
          <div className="flex gap-3 rounded-lg border border-dashed border-zinc-300 p-4 text-sm">
            <UserPen className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden="true" />
            <p className="text-zinc-600">
              <span className="font-medium text-zinc-900">No professional account?</span> Personal accounts cannot be connected through
              Instagram’s API. Use <strong>Add manual account</strong> to type the numbers yourself and import posts from a CSV.
            </p>
          </div>
        </div>
      </CardContent>
    </Card>
  );
}

export function AccountsPage() {
  const ability = useAbility();
  const canConnect = ability.can('connect', 'InstagramAccount');
  const accounts = useAccounts();
  const connect = useConnectInstagram();
  const disconnect = useDisconnectAccount();
  const [manualOpen, setManualOpen] = useState(false);
  const [disconnecting, setDisconnecting] = useState<AccountSummary | null>(null);
  const [notice, clearNotice] = useOAuthReturn();

  const connectedAccount =
    notice?.kind === 'connected' ? accounts.data?.data.find((a) => a.id === notice.accountId) : undefined;
  const canReconnectConnected =
    connectedAccount !== undefined && canConnect && ability.can('update', accountSubject(connectedAccount));
  const redirecting = connect.isPending || connect.isSuccess;

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Your Instagram accounts, their growth and their sync status."
        actions={
          canConnect ? (
            <div className="flex flex-wrap items-center justify-end gap-2">
              {accounts.data ? <LimitText limit={accounts.data.limit} /> : null}
              <Button variant="outline" onClick={() => setManualOpen(true)}>
                <Plus /> Add manual account
              </Button>
              <Button onClick={() => connect.mutate(undefined)} loading={redirecting && connect.variables === undefined}>
                {redirecting && connect.variables === undefined ? null : <AtSign />}
                Connect Instagram
              </Button>
            </div>
          ) : undefined
        }
      />
      <div className="grid gap-6">
        {notice?.kind === 'error' ? <OAuthErrorAlert code={notice.code} message={notice.message} onDismiss={clearNotice} /> : null}
        {connectedAccount && connectedAccount.missingScopes.length > 0 ? (
          <MissingScopesNotice
            account={connectedAccount}
            onReconnect={canReconnectConnected ? () => connect.mutate(connectedAccount.id) : undefined}
            reconnecting={redirecting && connect.variables === connectedAccount.id}
            onDismiss={clearNotice}
          />
        ) : null}
        <ConnectErrorAlert error={connect.error} onAddManual={() => setManualOpen(true)} onDismiss={() => connect.reset()} />

        {accounts.isPending ? (
          <CardsSkeleton />
        ) : accounts.isError ? (
          <Card>
            <ErrorState error={accounts.error} title="We could not load your accounts" onRetry={() => void accounts.refetch()} />
          </Card>
        ) : accounts.data.data.length === 0 ? (
          <TeachingEmptyState canConnect={canConnect} />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Instagram accounts">
            {accounts.data.data.map((account) => (
              <li key={account.id} className="min-w-0">
                <AccountCard
                  account={account}
                  reconnecting={redirecting && connect.variables === account.id}
                  onReconnect={(a) => connect.mutate(a.id)}
                  onDisconnect={(a) => {
                    disconnect.reset();
                    setDisconnecting(a);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </div>

      {canConnect ? <ManualAccountDialog open={manualOpen} onOpenChange={setManualOpen} /> : null}
      <DisconnectDialog
        account={disconnecting}
        onClose={() => setDisconnecting(null)}
        pending={disconnect.isPending}
        error={disconnect.error}
        onConfirm={(account) => disconnect.mutate(account, { onSuccess: () => setDisconnecting(null) })}
      />
    </>
  );
}

export function DisconnectDialog({
  account,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  account: AccountSummary | null;
  onClose: () => void;
  onConfirm: (account: AccountSummary) => void;
  pending: boolean;
  error: unknown;
}) {
  return (
    <ConfirmDialog
      open={account !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Disconnect @${account?.username ?? 'account'}?`}
      description={
        <>
          We will stop syncing <strong>@{account?.username}</strong> and remove it from this workspace.
          {account?.kind === 'instagram' ? ' Nothing changes on Instagram itself, and you can connect it again later.' : ''}
        </>
      }
      confirmLabel="Disconnect"
      pending={pending}
      error={error}
      onConfirm={() => account && onConfirm(account)}
    />
  );
}
