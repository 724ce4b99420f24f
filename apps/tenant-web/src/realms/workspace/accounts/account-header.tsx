import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { AlertTriangle, Globe, RefreshCw, Unplug } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime } from '@/lib/utils';
import { useAbility } from '../ability';
import { AccountAvatar, AccountStatusBadge, Stat, SyncProgressBar } from './account-bits';
import { DisconnectDialog } from './accounts-page';
import { ConnectErrorAlert, MissingScopesNotice } from './connect';
import { formatCount, lastSyncLabel } from './format';
import { accountSubject, useAccountSync, useConnectInstagram, useDisconnectAccount } from './queries';
import type { AccountDetail } from './types';

export function HeaderSkeleton() {
  return (
    <Card role="status" aria-busy="true" aria-label="Loading">
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

export function ProfileHeader({ account }: { account: AccountDetail }) {
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
                  className="inline-flex w-fit items-center gap-1 text-brand-ink hover:underline"
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

