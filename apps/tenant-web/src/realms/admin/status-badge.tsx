import { Badge } from '@/components/ui/badge';
import { capitalize } from '@/lib/utils';

const VARIANTS: Record<string, 'success' | 'warning' | 'destructive' | 'secondary' | 'brand'> = {
  active: 'success',
  trialing: 'brand',
  sent: 'success',
  delivered: 'success',
  stored: 'secondary',
  queued: 'secondary',
  pending: 'warning',
  past_due: 'warning',
  provisioning: 'warning',
  suspended: 'destructive',
  failed: 'destructive',
  bounced: 'destructive',
  canceled: 'secondary',
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANTS[status.toLowerCase()] ?? 'outline'}>{capitalize(status.replace(/_/g, ' '))}</Badge>;
}
