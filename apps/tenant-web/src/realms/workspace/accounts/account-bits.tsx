import { useState } from 'react';
import { AlertTriangle, CheckCircle2, Loader2, PencilLine, Unplug } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { cn, initials } from '@/lib/utils';
import { STATUS_META } from './format';
import type { SyncProgress } from './queries';
import type { AccountStatus, AccountSummary } from './types';

const STATUS_ICONS = {
  connected: CheckCircle2,
  syncing: Loader2,
  reconnect_required: AlertTriangle,
  manual: PencilLine,
  disconnected: Unplug,
} as const;

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const meta = STATUS_META[status] ?? { label: status, variant: 'secondary' as const };
  const Icon = STATUS_ICONS[status] ?? CheckCircle2;
  return (
    <Badge variant={meta.variant} data-testid="account-status">
      <Icon className={cn(status === 'syncing' && 'animate-spin')} aria-hidden="true" />
      {meta.label}
    </Badge>
  );
}

/** The profile picture, or initials on the brand gradient (Instagram CDN links expire). */
export function AccountAvatar({
  account,
  className,
}: {
  account: Pick<AccountSummary, 'username' | 'name' | 'profilePictureUrl'>;
  className?: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const src = account.profilePictureUrl;
  if (src && failed !== src) {
    return (
      <img
        src={src}
        alt=""
        referrerPolicy="no-referrer"
        loading="lazy"
        onError={() => setFailed(src)}
        className={cn('size-11 shrink-0 rounded-full bg-zinc-100 object-cover ring-2 ring-white', className)}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={cn('brand-gradient flex size-11 shrink-0 items-center justify-center rounded-full text-sm font-semibold text-white ring-2 ring-white', className)}
    >
      {initials(account.name ?? account.username)}
    </span>
  );
}

/** Live progress of a sync run: the step text and the percentage. */
export function SyncProgressBar({ progress, className }: { progress: SyncProgress; className?: string }) {
  if (!progress.active) return null;
  const { percent, step } = progress;
  return (
    <div
      data-testid="sync-progress"
      role="progressbar"
      aria-label="Sync progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% · ${step}`}
      className={cn('grid gap-1.5', className)}
    >
      <div className="flex items-center justify-between gap-3 text-xs">
        <span className="flex min-w-0 items-center gap-1.5 text-zinc-600">
          <Loader2 className="size-3.5 shrink-0 animate-spin text-brand-ink" aria-hidden="true" />
          <span className="truncate" data-testid="sync-step">
            {step}
          </span>
        </span>
        <span className="shrink-0 font-medium tabular-nums text-zinc-900">{percent}%</span>
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-zinc-100">
        <div className="brand-gradient h-full rounded-full transition-[width] duration-500" style={{ width: `${Math.max(percent, 3)}%` }} />
      </div>
    </div>
  );
}

export function Stat({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <div className={cn('min-w-0', className)}>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="truncate text-sm font-semibold tabular-nums text-zinc-900">{value}</dd>
    </div>
  );
}
