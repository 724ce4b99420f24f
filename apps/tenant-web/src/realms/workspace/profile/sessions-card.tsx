import { LogOut, Monitor } from 'lucide-react';
import type { SessionInfo } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ErrorState } from '@/components/states';
import { formatDateTime, formatRelative } from '@/lib/utils';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from './queries';

/** "Chrome on Linux" from a user-agent string; the raw string stays in the title. */
export function describeUserAgent(ua: string | null): string {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'A browser';
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  return os ? `${browser} on ${os}` : browser;
}

function SessionRow({ session, onRevoke, pending }: { session: SessionInfo; onRevoke: () => void; pending: boolean }) {
  return (
    <li className="flex flex-wrap items-center gap-3 py-3" data-testid="session-row" data-current={session.current}>
      <Monitor className="size-5 shrink-0 text-zinc-500" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-zinc-900" title={session.userAgent ?? undefined}>
          {describeUserAgent(session.userAgent)}
          {session.current ? <Badge variant="brand">This device</Badge> : null}
        </p>
        <p className="text-xs text-zinc-600">
          {session.ip ?? 'Unknown address'} · signed in {formatDateTime(session.createdAt)} · last active {formatRelative(session.lastUsedAt)}
        </p>
      </div>
      {session.current ? null : (
        <Button variant="outline" size="sm" onClick={onRevoke} loading={pending}>
          <LogOut aria-hidden="true" /> Log out<span className="sr-only"> this session</span>
        </Button>
      )}
    </li>
  );
}

export function SessionsList() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  if (sessions.isPending) return <Skeleton className="h-24 w-full rounded-lg" aria-label="Loading" />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const list = sessions.data.sessions;
  const others = list.filter((s) => !s.current).length;
  return (
    <div className="grid gap-3">
      <ApiErrorAlert error={revoke.error ?? revokeOthers.error} />
      <ul className="divide-y divide-zinc-100" aria-label="Signed-in sessions">
        {list.map((session) => (
          <SessionRow key={session.id} session={session} pending={revoke.isPending && revoke.variables === session.id} onRevoke={() => revoke.mutate(session.id)} />
        ))}
      </ul>
      <div>
        <Button variant="outline" disabled={others === 0} loading={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
          Log out of all other sessions
        </Button>
      </div>
    </div>
  );
}
