import { Badge } from '@/components/ui/badge';

const VARIANTS: Record<string, 'success' | 'warning' | 'destructive' | 'secondary' | 'brand'> = {
  queued: 'secondary',
  sending: 'secondary',
  sent: 'brand',
  delivered: 'success',
  opened: 'success',
  bounced: 'destructive',
  complained: 'destructive',
  failed: 'destructive',
  suppressed: 'warning',
  unsubscribed: 'warning',
};

export function MailStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant={VARIANTS[status] ?? 'secondary'} data-testid="mail-status">
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </Badge>
  );
}
