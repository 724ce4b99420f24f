import { Link, useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, Loader2, MailX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState, ErrorState } from '@/components/states';
import { ApiError } from '@/lib/api-client';
import { useSessionState } from '@/lib/session';
import { AuthLayout } from '../auth-layout';
import { meQueryKey, useSessionBootstrap } from '../session';
import { confirmEmailChangeOnce } from './queries';

/** /confirm-email?token=: the link mailed to a new address switches the member's e-mail to it. */
export function ConfirmEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  useSessionBootstrap();
  const { token: accessToken } = useSessionState();

  const confirm = useQuery({
    queryKey: ['confirm-email-change', token],
    queryFn: async () => {
      await confirmEmailChangeOnce(token);
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      return true;
    },
    enabled: token.length > 0,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

  const continueTo = accessToken ? '/profile' : '/login';
  const continueLabel = accessToken ? 'Back to your profile' : 'Go to log in';
  const action = (
    <Button asChild>
      <Link to={continueTo}>{continueLabel}</Link>
    </Button>
  );

  if (!token || (confirm.isError && confirm.error instanceof ApiError && confirm.error.status === 400)) {
    return (
      <AuthLayout title="Confirm your new e-mail address">
        <EmptyState
          className="py-4"
          icon={MailX}
          title="This confirmation link is invalid or has expired"
          description="Links work once and expire after a while. Ask for a new one from your profile."
          action={action}
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Confirm your new e-mail address">
      {confirm.isPending ? (
        <div className="flex flex-col items-center gap-3 py-8 text-sm text-zinc-600" aria-busy="true">
          <Loader2 className="size-6 animate-spin text-brand-ink" aria-hidden="true" />
          Confirming your new address…
        </div>
      ) : confirm.isError ? (
        <ErrorState className="py-4" error={confirm.error} title="We could not confirm your new address" onRetry={() => window.location.reload()} />
      ) : (
        <EmptyState className="py-4" icon={CheckCircle2} title="Your e-mail address is changed" description="From now on, sign in with the new address." action={action} />
      )}
    </AuthLayout>
  );
}
