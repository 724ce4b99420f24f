import { Link, useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, Loader2, MailX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState } from '@/components/states';
import { ApiError, publicApi } from '@/lib/api-client';
import { useSessionState } from '@/lib/session';
import { AuthLayout } from './auth-layout';
import { meQueryKey, useSessionBootstrap } from './session';

/** Tokens are single-use: one request per token per page load, even under StrictMode. */
const attempts = new Map<string, Promise<{ verified: boolean }>>();
function verifyOnce(token: string): Promise<{ verified: boolean }> {
  let attempt = attempts.get(token);
  if (!attempt) {
    attempt = publicApi.call('POST /api/auth/verify-email', { body: { token } });
    attempts.set(token, attempt);
  }
  return attempt;
}

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  useSessionBootstrap();
  const { token: accessToken } = useSessionState();

  const verify = useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      const result = await verifyOnce(token);
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      return result;
    },
    enabled: token.length > 0,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

  const continueTo = accessToken ? '/' : '/login';
  const continueLabel = accessToken ? 'Go to dashboard' : 'Go to log in';

  if (!token || (verify.isError && verify.error instanceof ApiError && verify.error.status === 400)) {
    return (
      <AuthLayout title="Email verification">
        <EmptyState
          className="py-4"
          icon={MailX}
          title="This verification link is invalid or has expired"
          description={
            <>
              Links work once and expire after a while. Log in and choose <strong>Resend verification</strong> from your user menu to
              get a fresh one.
            </>
          }
          action={
            <Button asChild>
              <Link to={continueTo}>{continueLabel}</Link>
            </Button>
          }
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Email verification">
      {verify.isPending ? (
        <div className="flex flex-col items-center gap-3 py-8 text-sm text-zinc-500" aria-busy="true">
          <Loader2 className="size-6 animate-spin text-brand-ink" aria-hidden="true" />
          Verifying your email address…
        </div>
      ) : verify.isError ? (
        <ErrorState className="py-4" error={verify.error} title="We could not verify your email" onRetry={() => window.location.reload()} />
      ) : (
        <EmptyState
          className="py-4"
          icon={CheckCircle2}
          title="Your email is verified"
          description="Thanks! Your address is confirmed, so reports and notifications will reach you."
          action={
            <Button asChild>
              <Link to={continueTo}>{continueLabel}</Link>
            </Button>
          }
        />
      )}
    </AuthLayout>
  );
}
