import { Activity, AlertTriangle, BadgeDollarSign, Building2, FileCheck2, RefreshCwOff } from 'lucide-react';
import type { ActivityEvent } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/states';
import { useAdminSession } from '@/lib/admin-session';
import { formatDateTime } from '@/lib/utils';
import { useAdminActivity, type FeedStatus } from './use-admin-activity';

const ICONS: Record<ActivityEvent['type'], typeof Activity> = {
  'tenant.created': Building2,
  'payment.succeeded': BadgeDollarSign,
  'payment.failed': AlertTriangle,
  'audit.completed': FileCheck2,
  'sync.failed': RefreshCwOff,
};

const LABELS: Record<ActivityEvent['type'], string> = {
  'tenant.created': 'Sign-up',
  'payment.succeeded': 'Payment',
  'payment.failed': 'Failed payment',
  'audit.completed': 'Audit',
  'sync.failed': 'Sync failure',
};

const STATUS: Record<FeedStatus, { label: string; variant: 'success' | 'secondary' | 'destructive' }> = {
  connecting: { label: 'Connecting…', variant: 'secondary' },
  live: { label: 'Live', variant: 'success' },
  reconnecting: { label: 'Reconnecting…', variant: 'secondary' },
  unauthorized: { label: 'Signed out: sign in again', variant: 'destructive' },
};

/** Sign-ups, payments, audits and sync failures from every process, newest first. */
export function LiveFeed() {
  const { token } = useAdminSession();
  const { events, status } = useAdminActivity(token);
  const s = STATUS[status];
  return (
    <Card data-testid="live-feed">
      <CardHeader>
        <CardTitle className="flex items-center justify-between gap-2">
          <span className="flex items-center gap-2">
            <Activity className="size-4" aria-hidden="true" /> Live activity
          </span>
          <Badge variant={s.variant} data-testid="live-status" data-status={status}>
            {s.label}
          </Badge>
        </CardTitle>
        <CardDescription>As it happens, on every server.</CardDescription>
      </CardHeader>
      <CardContent>
        {events.length === 0 ? (
          <EmptyState icon={Activity} title="Quiet so far" description="New sign-ups, payments, audits and sync failures appear here the moment they happen." className="py-6" />
        ) : (
          <ol className="grid gap-3" aria-live="polite" aria-label="Recent activity">
            {events.map((e, i) => {
              const Icon = ICONS[e.type] ?? Activity;
              return (
                <li key={`${e.at}-${i}`} className="flex gap-3 text-sm" data-testid="live-event" data-type={e.type}>
                  <Icon className={e.type.endsWith('failed') ? 'mt-0.5 size-4 shrink-0 text-red-600' : 'mt-0.5 size-4 shrink-0 text-zinc-500'} aria-hidden="true" />
                  <div className="min-w-0">
                    <p className="font-medium text-zinc-900">{LABELS[e.type] ?? e.type}</p>
                    <p className="break-words text-zinc-600">{e.summary}</p>
                    <p className="text-xs text-zinc-500">{formatDateTime(e.at)}</p>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
