import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { AlertTriangle, Copy, Info, Lock, Trash2 } from 'lucide-react';
import type { InstagramAppView } from '@instagrowth/contracts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Field, describedBy } from '@/components/field';
import { EmptyState, ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { isApiError } from '@/lib/api-client';
import { formatRelative } from '@/lib/utils';
import { useAbility } from '../ability';
import { useInstagramApp, useInstagramAppMutations } from './queries';

/** A value to paste into the Meta dashboard, with a copy button. */
function CopyRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="grid gap-1">
      <dt className="text-sm font-medium text-zinc-900">{label}</dt>
      <dd className="flex items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 rounded-md bg-zinc-100 px-2 py-1.5 font-mono text-xs break-all text-zinc-800">
          {value}
        </code>
        <Button
          type="button"
          variant="outline"
          size="sm"
          aria-label={`Copy ${label}`}
          onClick={() => void navigator.clipboard?.writeText(value).then(() => toast({ variant: 'success', title: `${label} copied` }))}
        >
          <Copy />
        </Button>
      </dd>
    </div>
  );
}

function MetaSetup({ view }: { view: InstagramAppView }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Register these at Meta</CardTitle>
        <CardDescription>
          In your app on developers.facebook.com, under Instagram → API setup with Instagram business login: add the redirect URI to the business login settings, and
          the webhook callback URL with its verify token to the webhooks settings (subscribe to comments and messages).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4">
          <CopyRow label="OAuth redirect URI" value={view.redirectUri} testId="ig-app-redirect-uri" />
          {view.webhookUrl ? <CopyRow label="Webhook callback URL" value={view.webhookUrl} testId="ig-app-webhook-url" /> : null}
          {view.webhookVerifyToken ? <CopyRow label="Webhook verify token" value={view.webhookVerifyToken} testId="ig-app-verify-token" /> : null}
        </dl>
        {!view.webhookUrl ? <p className="mt-4 text-sm text-zinc-500">The webhook URL and verify token appear once you save your app.</p> : null}
      </CardContent>
    </Card>
  );
}

function AppForm({ view, canEdit }: { view: InstagramAppView; canEdit: boolean }) {
  const { save } = useInstagramAppMutations();
  const [appId, setAppId] = useState(view.appId ?? '');
  const [appSecret, setAppSecret] = useState('');
  const fields = isApiError(save.error) ? save.error.fields : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { appId: appId.trim(), appSecret: appSecret.trim() },
      { onSuccess: () => { setAppSecret(''); toast({ variant: 'success', title: 'Instagram app saved', description: 'New connections now use your app.' }); } },
    );
  };
  const otherError = save.error && !(fields?.appId || fields?.appSecret) ? save.error : null;
  return (
    <form className="grid gap-4" onSubmit={submit} noValidate aria-label="Your Instagram app">
      <Field id="ig-app-id" label="Instagram app ID" error={fields?.appId} hint="The numeric “Instagram app ID” (not the Facebook app ID) from API setup with Instagram business login.">
        <Input id="ig-app-id" inputMode="numeric" autoComplete="off" value={appId} disabled={!canEdit} aria-invalid={!!fields?.appId} aria-describedby={describedBy('ig-app-id', fields?.appId, true)} onChange={(e) => setAppId(e.target.value)} />
      </Field>
      <Field
        id="ig-app-secret"
        label="Instagram app secret"
        error={fields?.appSecret}
        hint={view.configured ? `Stored encrypted; ends in ${view.secretLast4}. Enter it again to change the app.` : 'Stored encrypted and never shown again: only its last four characters.'}
      >
        <Input id="ig-app-secret" type="password" autoComplete="new-password" value={appSecret} disabled={!canEdit} aria-invalid={!!fields?.appSecret} aria-describedby={describedBy('ig-app-secret', fields?.appSecret, true)} onChange={(e) => setAppSecret(e.target.value)} />
      </Field>
      {otherError ? <ApiErrorAlert error={otherError} title="Could not save the app" /> : null}
      {canEdit ? (
        <div>
          <Button type="submit" disabled={save.isPending || !appId.trim() || !appSecret.trim()}>
            {view.configured ? 'Replace app' : 'Use this app'}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-zinc-500">Only the workspace owner can change the Instagram app.</p>
      )}
    </form>
  );
}

function Section({ title, badge, description, children }: { title: string; badge?: ReactNode; description: ReactNode; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {title}
          {badge}
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function InstagramAppPage() {
  const query = useInstagramApp();
  const { remove } = useInstagramAppMutations();
  const ability = useAbility();
  const canEdit = ability.can('update', 'InstagramApp');
  const [confirming, setConfirming] = useState(false);
  const view = query.data;

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Instagram app"
        description="Connect accounts through your own Instagram app, so the consent screen shows your app's name and logo instead of the platform's."
      />
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !view ? (
        <TableSkeleton rows={3} columns={2} />
      ) : !view.available && !view.configured ? (
        <Card>
          <EmptyState
            icon={Lock}
            title="Your own Instagram app is part of the Agency plan"
            description="On your current plan, accounts connect through the platform's Instagram app. Upgrade to show your own app on the consent screen."
            action={
              <Button asChild variant="outline">
                <Link to="/billing">See plans</Link>
              </Button>
            }
          />
        </Card>
      ) : (
        <>
          {!view.available ? (
            <Alert variant="warning" data-testid="ig-app-plan-changed">
              <AlertTriangle />
              <AlertTitle>Your plan no longer includes your own Instagram app</AlertTitle>
              <AlertDescription>It keeps serving the accounts connected through it. Remove it to connect new accounts through the platform’s app, or upgrade to change it.</AlertDescription>
            </Alert>
          ) : null}
          <Section
            title="Your app"
            badge={
              <Badge variant={view.configured ? 'success' : 'secondary'} data-testid="ig-app-status">
                {view.configured ? 'In use' : 'Not set'}
              </Badge>
            }
            description={
              view.configured
                ? `New connections use app ${view.appId}${view.updatedAt ? `, saved ${formatRelative(view.updatedAt)}` : ''}. ${view.connectedAccounts} account${view.connectedAccounts === 1 ? '' : 's'} connected through it.`
                : 'Until you add one, accounts connect through the platform’s Instagram app.'
            }
          >
            <AppForm key={view.appId ?? 'none'} view={view} canEdit={canEdit && view.available} />
            {view.configured && canEdit ? (
              <div className="mt-6 border-t border-zinc-200 pt-4">
                <Button variant="outline" onClick={() => setConfirming(true)}>
                  <Trash2 /> Stop using this app
                </Button>
              </div>
            ) : null}
          </Section>
          <MetaSetup view={view} />
          {!view.configured ? null : (
            <p className="flex items-center gap-2 text-sm text-zinc-500">
              <Info className="size-4" aria-hidden="true" /> Accounts connected before you added your app keep using the platform’s app until they are reconnected.
            </p>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Stop using your Instagram app?"
        description={`New connections will use the platform's app. ${view?.connectedAccounts ?? 0} account(s) connected through your app keep syncing, but their webhooks (comments, messages) stop until they are reconnected.`}
        confirmLabel="Stop using it"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => { setConfirming(false); toast({ variant: 'success', title: 'Back to the platform’s Instagram app' }); } })}
      />
    </div>
  );
}
