import { AlertCircle, Clock } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { ApiError } from '@/lib/api-client';

interface ApiErrorAlertProps {
  error: unknown;
  title?: string;
  className?: string;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}

function retryText(seconds: number): string {
  if (seconds < 90) return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (${seconds} seconds).`;
}

/** The form-level message of an API error; 429 adds the Retry-After delay. */
export function ApiErrorAlert({ error, title, className }: ApiErrorAlertProps) {
  if (!error) return null;
  const isRateLimit = error instanceof ApiError && error.status === 429;
  const correlationId = error instanceof ApiError ? error.correlationId : undefined;
  const serverFault = error instanceof ApiError && error.status >= 500;
  return (
    <Alert variant={isRateLimit ? 'warning' : 'destructive'} className={className} role="alert" data-testid="form-error">
      {isRateLimit ? <Clock /> : <AlertCircle />}
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      <AlertDescription>
        <p>
          {errorMessage(error)}
          {/* The API's message usually names the wait already; add it only when it does not. */}
          {isRateLimit && error.retryAfter !== undefined && !/try again in/i.test(errorMessage(error)) ? <> {retryText(error.retryAfter)}</> : null}
        </p>
        {serverFault && correlationId ? <p className="text-xs opacity-70">Reference: {correlationId}</p> : null}
      </AlertDescription>
    </Alert>
  );
}
