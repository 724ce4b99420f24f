import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useEffect, useState } from 'react';
import { ShieldAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { api, sessionStore, useSessionState } from '@/lib/session';
import { formatDateTime } from '@/lib/utils';
import { clearUserCache } from '../session';

/** Shown on every page while a super-admin impersonates this workspace's owner, with "End now". */
export function ImpersonationBanner() {
  const { token } = useSessionState();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [ending, setEnding] = useState(false);
  const status = useQuery({
    queryKey: ['impersonation', token],
    queryFn: ({ signal }) => api.call('GET /api/impersonation', { signal }),
    enabled: token !== null,
    staleTime: 60_000,
  });
  const s = status.data;
  const expiresAt = s?.active ? s.expiresAt : null;
  // At the end the server refuses the token anyway; this tab says so at once instead of at the next click.
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(() => {
      sessionStore.clear('expired');
      clearUserCache(queryClient);
      navigate('/login', { replace: true });
    }, Math.max(0, Date.parse(expiresAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt, navigate, queryClient]);
  if (!s?.active) return null;

  async function endNow() {
    setEnding(true);
    try {
      await api.call('POST /api/impersonation/end');
    } catch {
      // Ended or expired already: either way this tab forgets it.
    }
    sessionStore.clear('logout');
    clearUserCache(queryClient);
    navigate('/login', { replace: true });
  }

  return (
    <div role="status" data-testid="impersonation-banner" className="flex items-center gap-3 bg-amber-100 px-4 py-2 text-sm text-amber-950 sm:px-6">
      <ShieldAlert className="size-4 shrink-0" aria-hidden="true" />
      <p className="min-w-0 flex-1">
        You are impersonating <strong>{s.asEmail}</strong> in <strong>{s.tenantName}</strong> as admin <strong>{s.adminEmail}</strong>, ends at{' '}
        <time dateTime={s.expiresAt ?? undefined}>{formatDateTime(s.expiresAt)}</time>. Billing and security changes are blocked.
      </p>
      <Button size="sm" variant="outline" className="h-7 shrink-0 border-amber-900/30 bg-white" onClick={() => void endNow()} loading={ending}>
        End now
      </Button>
    </div>
  );
}
