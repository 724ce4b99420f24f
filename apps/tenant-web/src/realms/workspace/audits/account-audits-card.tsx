import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ClipboardCheck } from 'lucide-react';
import { asSubject } from '@instagrowth/authz';
import { isTimeZone } from '@instagrowth/contracts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { errorMessage } from '@/components/api-error-alert';
import { isApiErrorCode } from '@/lib/api-client';
import { useAbility } from '../ability';
import { AuditHistoryList } from './audit-history';
import { useAccountTimeZone, useRunAudit, useSetAccountTimeZone } from './queries';

function TimeZoneField({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const tz = useAccountTimeZone(accountId);
  const save = useSetAccountTimeZone(accountId);
  const [value, setValue] = useState<string | null>(null);
  const current = value ?? tz.data?.timeZone ?? '';
  const invalid = value !== null && !isTimeZone(value);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (invalid || value === null) return;
        save.mutate(value, { onSuccess: () => toast({ title: 'Time zone saved', variant: 'success' }), onError: (err) => toast({ title: 'Not saved', description: errorMessage(err), variant: 'error' }) });
      }}
    >
      <label className="grid gap-1 text-sm">
        <span className="font-medium">Time zone (day boundaries, best times)</span>
        <Input value={current} onChange={(e) => setValue(e.target.value)} disabled={!canEdit} aria-invalid={invalid} className="w-64" list="time-zones" />
      </label>
      {canEdit ? (
        <Button type="submit" variant="outline" disabled={invalid || value === null || save.isPending}>
          Save
        </Button>
      ) : null}
      {invalid ? <p className="w-full text-xs text-red-700">Must be an IANA time zone such as Europe/Berlin.</p> : null}
    </form>
  );
}

/** On the account page: "Run audit", the credits message when empty, the time zone and the audit history. */
export function AccountAuditsCard({ accountId }: { accountId: string }) {
  const ability = useAbility();
  const navigate = useNavigate();
  const run = useRunAudit(accountId);
  const canRun = ability.can('create', asSubject('Audit', { accountId }));
  const canEdit = ability.can('update', asSubject('InstagramAccount', { id: accountId }));
  const exhausted = run.isError && isApiErrorCode(run.error, 'credits_exhausted');
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card data-testid="audits-card">
        <CardHeader>
          <CardTitle>Audit</CardTitle>
          <CardDescription>Scores, risk estimate, recommendations and a 30-day roadmap from this account’s data. Costs 1 AI credit (free when written without AI).</CardDescription>
          {canRun ? (
            <CardAction>
              <Button onClick={() => run.mutate(undefined, { onSuccess: (a) => navigate(`/audits/${a.id}`) })} disabled={run.isPending}>
                <ClipboardCheck /> Run audit
              </Button>
            </CardAction>
          ) : null}
        </CardHeader>
        <CardContent className="grid gap-4">
          {exhausted ? (
            <Alert variant="destructive" data-testid="credits-exhausted">
              <AlertTitle>No AI credits left</AlertTitle>
              <AlertDescription>{errorMessage(run.error)}</AlertDescription>
            </Alert>
          ) : run.isError ? (
            <Alert variant="destructive">
              <AlertDescription>{errorMessage(run.error)}</AlertDescription>
            </Alert>
          ) : null}
          <TimeZoneField accountId={accountId} canEdit={canEdit} />
        </CardContent>
      </Card>
      <AuditHistoryList accountId={accountId} />
    </div>
  );
}
