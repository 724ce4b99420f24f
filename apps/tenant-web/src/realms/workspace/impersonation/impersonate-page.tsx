import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { FullPageSkeleton } from '@/components/states';
import { api, impersonationStore } from '@/lib/session';
import { AuthLayout } from '../auth-layout';
import { useStartSession } from '../session';

/**
 * Landing page of the console's impersonation link (`/impersonate#token=…`): the single-use token
 * (in the fragment, so it never reaches a server log) becomes this tab's session.
 */
export function ImpersonatePage() {
  const navigate = useNavigate();
  const startSession = useStartSession();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    // The token is used once: take it out of the address bar and history right away.
    window.history.replaceState(null, '', '/impersonate');
    if (!token) {
      setError(new Error('This impersonation link has no token. Start again from the admin console.'));
      return;
    }
    api
      .call('POST /api/impersonation/exchange', { body: { token }, auth: false })
      .then((session) => {
        impersonationStore.save(session);
        startSession(session);
        void queryClient.invalidateQueries({ queryKey: ['impersonation'] });
        navigate('/', { replace: true });
      })
      .catch(setError);
  }, [navigate, queryClient, startSession]);

  if (!error) return <FullPageSkeleton />;
  return (
    <AuthLayout title="Impersonation failed" footer={<Link to="/login" className="text-brand-ink underline">Go to sign-in</Link>}>
      <ApiErrorAlert error={error} />
    </AuthLayout>
  );
}
