import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Loader2, MailX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/states';
import { ApiError, publicApi } from '@/lib/api-client';
import { AuthLayout } from './auth-layout';
import { useStartSession } from './session';

type SessionAnswer = Awaited<ReturnType<typeof verify>>;
const verify = (token: string) => publicApi.call('POST /api/auth/magic-link/verify', { body: { token } });

/** Links are single-use: one request per token per page load, even under StrictMode's double effects. */
const attempts = new Map<string, Promise<SessionAnswer>>();
function verifyOnce(token: string): Promise<SessionAnswer> {
  let attempt = attempts.get(token);
  if (!attempt) {
    attempt = verify(token);
    attempts.set(token, attempt);
  }
  return attempt;
}

const PROBLEM: Record<string, string> = {
  magic_link_used: 'This sign-in link was already used',
  magic_link_expired: 'This sign-in link has expired',
};

/** `/magic-link?token=…` from the e-mail: signs in and goes to the approvals inbox (or the dashboard). */
export function MagicLinkPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const startSession = useStartSession();
  const [error, setError] = useState<ApiError | Error | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    verifyOnce(token).then(
      (session) => {
        startSession(session);
        navigate(session.user.role === 'client' ? '/approvals' : '/', { replace: true });
      },
      (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))),
    );
  }, [token, navigate, startSession]);

  if (!token || error) {
    const code = error instanceof ApiError ? error.code : 'invalid_token';
    return (
      <AuthLayout title="Sign in with a link">
        <EmptyState
          className="py-4"
          icon={MailX}
          title={PROBLEM[code ?? ''] ?? 'This sign-in link is not valid'}
          description={error && !(error instanceof ApiError) ? error.message : 'Links work once and for 15 minutes. Ask for a fresh one on the sign-in page.'}
          action={
            <Button asChild>
              <Link to="/login?link=1">Get a new link</Link>
            </Button>
          }
        />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Signing you in…">
      <p className="flex items-center gap-2 text-sm text-zinc-600" role="status">
        <Loader2 className="size-4 animate-spin" aria-hidden /> Checking your link
      </p>
    </AuthLayout>
  );
}
