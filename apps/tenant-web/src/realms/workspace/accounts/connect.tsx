import { AlertCircle, AlertTriangle, Ban, KeyRound, Plus, XIcon } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApiErrorAlert, errorMessage } from '@/components/api-error-alert';
import { isApiErrorCode } from '@/lib/api-client';
import type { AccountSummary } from './types';

/** Errors of GET /api/instagram/auth/url that deserve more than the bare message. */
export function ConnectErrorAlert({
  error,
  onAddManual,
  onDismiss,
}: {
  error: unknown;
  /** Offered when the platform has no Instagram app (503 instagram_not_configured). */
  onAddManual?: () => void;
  onDismiss?: () => void;
}) {
  if (!error) return null;
  const dismiss = onDismiss ? <DismissButton onClick={onDismiss} tone="amber" /> : null;
  if (isApiErrorCode(error, 'instagram_not_configured')) {
    return (
      <Alert variant="warning" role="alert" data-testid="connect-error" className="pr-10">
        <AlertTriangle />
        <AlertTitle>Instagram connections are not available yet</AlertTitle>
        <AlertDescription>
          <p>{errorMessage(error)}</p>
          <p>In the meantime you can add a manual account: type its numbers and import its posts from a CSV.</p>
          {onAddManual ? (
            <Button size="sm" variant="outline" className="mt-2" onClick={onAddManual}>
              <Plus /> Add a manual account instead
            </Button>
          ) : null}
        </AlertDescription>
        {dismiss}
      </Alert>
    );
  }
  if (isApiErrorCode(error, 'account_limit_reached')) {
    return (
      <Alert variant="warning" role="alert" data-testid="connect-error" className="pr-10">
        <Ban />
        <AlertTitle>Account limit reached</AlertTitle>
        <AlertDescription>
          <p>{errorMessage(error)}</p>
          <p>Disconnect an account you no longer manage, or ask the workspace owner to upgrade the plan.</p>
        </AlertDescription>
        {dismiss}
      </Alert>
    );
  }
  return (
    <div className="relative">
      <ApiErrorAlert error={error} title="We could not start the Instagram connection" className="pr-10" />
      {onDismiss ? <DismissButton onClick={onDismiss} tone="red" /> : null}
    </div>
  );
}

function DismissButton({ onClick, tone }: { onClick: () => void; tone: 'amber' | 'red' }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={
        tone === 'amber'
          ? 'absolute top-2.5 right-2.5 rounded-md p-1 text-amber-800/70 hover:bg-amber-100'
          : 'absolute top-2.5 right-2.5 rounded-md p-1 text-red-700/70 hover:bg-red-100'
      }
    >
      <XIcon className="size-4" aria-hidden="true" />
      <span className="sr-only">Dismiss</span>
    </button>
  );
}

/** After OAuth: `?error=<code>&message=<text>`. */
export function OAuthErrorAlert({ code, message, onDismiss }: { code: string; message: string | null; onDismiss: () => void }) {
  const text =
    message ||
    (code === 'access_denied'
      ? 'The connection was cancelled on Instagram, so nothing was connected.'
      : 'Instagram did not complete the connection. Please try again.');
  return (
    <Alert variant="destructive" data-testid="oauth-error" className="pr-10">
      <AlertCircle />
      <AlertTitle>We could not connect the Instagram account</AlertTitle>
      <AlertDescription>
        <p>{text}</p>
        {code ? <p className="text-xs opacity-70">Code: {code}</p> : null}
      </AlertDescription>
      <DismissButton onClick={onDismiss} tone="red" />
    </Alert>
  );
}

/** Some permissions were not granted: say which features need them and offer to reconnect. */
export function MissingScopesNotice({
  account,
  onReconnect,
  reconnecting,
  onDismiss,
}: {
  account: Pick<AccountSummary, 'username' | 'missingScopes' | 'featuresNeedingReconnect'>;
  /** Hidden when the viewer may not reconnect this account. */
  onReconnect?: () => void;
  reconnecting?: boolean;
  onDismiss?: () => void;
}) {
  if (account.missingScopes.length === 0) return null;
  const features = account.featuresNeedingReconnect.length > 0 ? account.featuresNeedingReconnect : account.missingScopes;
  return (
    <Alert variant="warning" data-testid="missing-scopes" className={onDismiss ? 'pr-10' : undefined}>
      <KeyRound />
      <AlertTitle>@{account.username} is connected, but some permissions were not granted</AlertTitle>
      <AlertDescription>
        <p>These features will not work until you reconnect and allow every permission Instagram asks for:</p>
        <ul className="list-disc pl-5">
          {features.map((feature) => (
            <li key={feature}>{feature}</li>
          ))}
        </ul>
        {onReconnect ? (
          <Button size="sm" variant="outline" className="mt-2" onClick={onReconnect} loading={reconnecting}>
            Reconnect
          </Button>
        ) : null}
      </AlertDescription>
      {onDismiss ? <DismissButton onClick={onDismiss} tone="amber" /> : null}
    </Alert>
  );
}
