import { Ban, Compass, ServerCrash } from 'lucide-react';
import type { ComponentType, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { InstaGrowthLogo } from '@/components/logo';
import { errorMessage } from '@/components/api-error-alert';

function StatusLayout({
  icon: Icon,
  tone,
  title,
  children,
  actions,
}: {
  icon: ComponentType<{ className?: string }>;
  tone: 'neutral' | 'danger';
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-6 py-16">
      <div className="w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <div
          className={
            tone === 'danger'
              ? 'mx-auto mb-5 flex size-14 items-center justify-center rounded-2xl bg-red-50 text-red-600'
              : 'mx-auto mb-5 flex size-14 items-center justify-center rounded-2xl bg-brand/10 text-brand-ink'
          }
        >
          <Icon className="size-7" />
        </div>
        <h1 className="text-xl font-semibold tracking-tight text-zinc-950">{title}</h1>
        <div className="mt-2 text-sm leading-relaxed text-zinc-600">{children}</div>
        {actions ? <div className="mt-6 flex flex-wrap justify-center gap-2">{actions}</div> : null}
      </div>
      <a href="/" className="mt-8" aria-label="InstaGrowth OS">
        <InstaGrowthLogo className="text-sm" />
      </a>
    </main>
  );
}

export function UnknownWorkspacePage({ rootUrl }: { rootUrl: string }) {
  return (
    <StatusLayout
      icon={Compass}
      tone="neutral"
      title="No workspace at this address"
      actions={
        <Button asChild>
          <a href={rootUrl}>Go to InstaGrowth OS</a>
        </Button>
      }
    >
      <p>
        There is no workspace at <strong className="font-medium text-zinc-900">{window.location.host}</strong>. Check the address
        for typos, or ask whoever invited you for the right link.
      </p>
    </StatusLayout>
  );
}

export function SuspendedWorkspacePage({ rootUrl, message }: { rootUrl: string; message?: string }) {
  return (
    <StatusLayout
      icon={Ban}
      tone="danger"
      title="This workspace is suspended"
      actions={
        <Button variant="outline" asChild>
          <a href={rootUrl}>Go to InstaGrowth OS</a>
        </Button>
      }
    >
      <p>{message ?? 'Access to this workspace has been paused.'}</p>
      <p className="mt-2">
        Your data is kept safe. If you own this workspace, contact support to restore access; otherwise, contact the agency that
        runs it.
      </p>
    </StatusLayout>
  );
}

export function ContextErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <StatusLayout
      icon={ServerCrash}
      tone="danger"
      title="We could not start the app"
      actions={<Button onClick={onRetry}>Try again</Button>}
    >
      <p>{errorMessage(error)}</p>
    </StatusLayout>
  );
}

export function NotFoundPage({ homeHref = '/' }: { homeHref?: string }) {
  return (
    <StatusLayout
      icon={Compass}
      tone="neutral"
      title="Page not found"
      actions={
        <Button asChild>
          <a href={homeHref}>Back to the start</a>
        </Button>
      }
    >
      <p>The page you are looking for does not exist or has moved.</p>
    </StatusLayout>
  );
}
