import { useSearchParams } from 'react-router-dom';
import { CheckCircle2, MailX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState, ErrorState } from '@/components/states';
import { Skeleton } from '@/components/ui/skeleton';
import { AuthLayout } from '../auth-layout';
import { useUnsubscribe, useUnsubscribeInfo } from './queries';

/** The link in every optional e-mail: no login, one category, one address. */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useUnsubscribeInfo(token);
  const unsubscribe = useUnsubscribe(token);
  return (
    <AuthLayout title="E-mail preferences">
      {!token ? (
        <EmptyState icon={MailX} title="This link is incomplete" description="Use the unsubscribe link from the e-mail as it is." />
      ) : info.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : info.isError ? (
        <ErrorState error={info.error} title="This unsubscribe link is not valid" />
      ) : info.data.unsubscribed ? (
        <EmptyState
          icon={CheckCircle2}
          title="You are unsubscribed"
          description={`${info.data.email} no longer receives ${info.data.label.toLowerCase()} from ${info.data.workspace}. Other e-mails, such as password resets, still arrive.`}
        />
      ) : (
        <div className="grid gap-4 text-sm text-zinc-600">
          <p>
            Stop <strong className="text-zinc-900">{info.data.label.toLowerCase()}</strong> e-mails from {info.data.workspace} to <strong className="text-zinc-900">{info.data.email}</strong>?
          </p>
          <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending}>
            Unsubscribe
          </Button>
          {unsubscribe.error ? <ApiErrorAlert error={unsubscribe.error} /> : null}
        </div>
      )}
    </AuthLayout>
  );
}
