import { useMutation } from '@tanstack/react-query';
import { CheckCircle2, PlugZap, XCircle } from 'lucide-react';
import { CONNECTION_SERVICES, type ConnectionService } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { adminApi } from '@/lib/admin-session';
import { errorMessage } from '@/components/api-error-alert';

export const isConnectionService = (group: string): group is ConnectionService => (CONNECTION_SERVICES as readonly string[]).includes(group);

/** Tries the saved settings of one provider with one harmless call and shows what it answered. */
export function ConnectionTestButton({ service, dirty }: { service: ConnectionService; dirty: boolean }) {
  const test = useMutation({ mutationFn: () => adminApi.call('POST /api/admin-panel/settings/test-connection', { body: { service } }) });
  const result = test.data;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="outline" size="sm" loading={test.isPending} onClick={() => test.mutate()} data-testid={`test-connection-${service}`}>
          <PlugZap /> Test connection
        </Button>
        {dirty ? <span className="text-xs text-zinc-500">Tests the saved values: save your changes first.</span> : null}
      </div>
      <div aria-live="polite" data-testid={`test-result-${service}`}>
        {test.isError ? (
          <p className="flex items-start gap-1.5 text-sm text-red-700">
            <XCircle className="mt-0.5 size-4 shrink-0" aria-hidden="true" /> {errorMessage(test.error)}
          </p>
        ) : result ? (
          <p className={result.ok ? 'flex items-start gap-1.5 text-sm text-emerald-700' : 'flex items-start gap-1.5 text-sm text-red-700'} data-ok={String(result.ok)}>
            {result.ok ? <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden="true" /> : <XCircle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />}
            <span className="break-words">{result.message}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
