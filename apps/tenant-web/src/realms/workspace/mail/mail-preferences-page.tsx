import { Link } from 'react-router-dom';
import { MailX } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { Can } from '../ability';
import { useMailPreferences, useUpdateMailPreferences } from './queries';

/** Every user: which optional e-mails they receive. Security and billing mail always goes out. */
export function MailPreferencesPage() {
  const prefs = useMailPreferences();
  const update = useUpdateMailPreferences();
  return (
    <>
      <PageHeader
        title="E-mail preferences"
        description="Choose which e-mails you receive. Password resets, sign-in confirmations, invitations and billing e-mails always go out."
      />
      <Can I="update" a="Workspace">
        <p className="mb-4 text-sm text-zinc-600">
          <Link className="text-brand-ink underline" to="/settings/mail/log">
            Open the workspace’s e-mail log
          </Link>
        </p>
      </Can>
      {prefs.isPending ? (
        <TableSkeleton rows={3} columns={2} />
      ) : prefs.isError ? (
        <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <div className="grid gap-4">
          {prefs.data.suppressed ? (
            <Alert variant="destructive">
              <MailX aria-hidden="true" />
              <AlertTitle>We cannot e-mail {prefs.data.email}</AlertTitle>
              <AlertDescription>Earlier e-mails were refused ({prefs.data.suppressed.reason}), so nothing more is sent to this address. Change your e-mail address on your profile.</AlertDescription>
            </Alert>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Sent to {prefs.data.email}</CardTitle>
              <CardDescription>Changes apply at once.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              {prefs.data.categories.map((c) => (
                <label key={c.key} htmlFor={`mail-pref-${c.key}`} className="flex items-start gap-3">
                  <input
                    id={`mail-pref-${c.key}`}
                    type="checkbox"
                    className="mt-1 size-4 accent-[var(--color-brand,#6d28d9)]"
                    checked={c.subscribed}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ [c.key]: e.target.checked })}
                  />
                  <span>
                    <span className="block text-sm font-medium text-zinc-900">{c.label}</span>
                    <span className="block text-sm text-zinc-500">{c.description}</span>
                  </span>
                </label>
              ))}
              {update.error ? <ApiErrorAlert error={update.error} /> : null}
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
